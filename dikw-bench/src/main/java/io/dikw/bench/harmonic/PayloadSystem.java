package io.dikw.bench.harmonic;

/** One system (or one way of using it) the bench sends payloads through. */
interface PayloadSystem {
    /** @return the name in the table */
    String name();

    /**
     * Throughput: {@code sources} senders as fast as the system takes them.
     *
     * @param size payload bytes
     * @param messages messages in all
     * @param sources parallel senders
     * @return the run
     * @throws Exception when the run fails
     */
    PayloadRun throughput(int size, long messages, int sources) throws Exception;

    /**
     * Latency at low load: one sender, one message at a time, each waited for at the receiving end.
     *
     * @param size payload bytes
     * @param messages messages in all
     * @return the run (its seconds per message is the mean end-to-end latency)
     * @throws Exception when the run fails
     */
    PayloadRun latency(int size, long messages) throws Exception;

    /** A throughput run: size, messages, sources. */
    @FunctionalInterface
    interface Throughput {
        PayloadRun run(int size, long messages, int sources) throws Exception;
    }

    /** A latency run: size, messages. */
    @FunctionalInterface
    interface Latency {
        PayloadRun run(int size, long messages) throws Exception;
    }

    /**
     * @param name the name in the table
     * @param throughput how it runs for throughput
     * @param latency how it runs for latency
     * @return the system
     */
    static PayloadSystem of(final String name, final Throughput throughput, final Latency latency) {
        return new PayloadSystem() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public PayloadRun throughput(final int size, final long messages, final int sources) throws Exception {
                return throughput.run(size, messages, sources);
            }

            @Override
            public PayloadRun latency(final int size, final long messages) throws Exception {
                return latency.run(size, messages);
            }
        };
    }
}
