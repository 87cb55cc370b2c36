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
}
