package io.dikw.bench.harmonic;

import io.dikw.harmonic.auth.AccessToken;
import io.dikw.harmonic.client.HarmonicClient;
import io.dikw.harmonic.client.HarmonicStream;
import io.dikw.harmonic.client.SyntheticSource;
import io.dikw.harmonic.master.Master;
import io.dikw.harmonic.master.MasterConfig;
import io.dikw.harmonic.sink.Sink;
import io.dikw.harmonic.worker.Worker;
import io.dikw.harmonic.worker.WorkerConfig;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * HarmonicIO on localhost: a master, two workers running the trivial {@code echo} processor with
 * a counting sink, and sources sending from their own threads through the stream connector, either
 * streaming ({@link HarmonicStream}) or one tuple at a time ({@link HarmonicClient}).
 */
final class HarmonicPayloads implements AutoCloseable {
    private final AccessToken token = AccessToken.generate();
    private final Master master;
    private final List<Worker> workers = new ArrayList<>();
    private final CountingSink sink = new CountingSink();

    HarmonicPayloads(final int workerCount, final int channels, final long payloadLimit) throws Exception {
        master = Master.start(MasterConfig.defaults(token).withLimits(10_000, Math.max(2 * payloadLimit, 512L << 20),
            payloadLimit));
        for (int i = 0; i < workerCount; i++) {
            workers.add(Worker.start(WorkerConfig.defaults(URI.create(master.url()), token.text(), "echo")
                .withChannels(channels, Duration.ofMinutes(5))
                .withNetwork("127.0.0.1", "127.0.0.1", payloadLimit)
                .withDeadDir(Files.createTempDirectory("harmonic-bench-dead"), "bench-" + i), sink));
        }
    }

    /**
     * @param stream true: each source streams through a {@link HarmonicStream} (ids and channels
     *     leased in bulk, many tuples in flight); false: each source sends one tuple at a time through
     *     {@link HarmonicClient} (one endpoint request to the master, one frame, one ACK per tuple)
     * @return the runs in that mode, as one system of the bench
     */
    PayloadSystem mode(final boolean stream) {
        final String name = stream ? "harmonic" : "harmonic-pertuple";
        return PayloadSystem.of(name, (size, messages, sources) -> run(name, stream, size, messages, sources),
            (size, messages) -> oneAtATime(name, stream, size, messages));
    }

    /** A sender of one source: a stream or a one-at-a-time client. */
    private interface Sender extends AutoCloseable {
        void send(ByteBuffer payload) throws Exception;
    }

    private Sender sender(final boolean stream, final int window) {
        if (stream) {
            final HarmonicStream s = new HarmonicStream(URI.create(master.url()), token.text(), "echo", window,
                HarmonicStream.DEFAULT_WINDOW_BYTES, HarmonicStream.DEFAULT_LEASE, TimeUnit.MINUTES.toNanos(5));
            return new Sender() {
                @Override
                public void send(final ByteBuffer payload) throws Exception {
                    s.send(payload);
                }

                @Override
                public void close() throws Exception {
                    s.close();
                }
            };
        }
        final HarmonicClient c = new HarmonicClient(URI.create(master.url()), token.text());
        return new Sender() {
            @Override
            public void send(final ByteBuffer payload) throws Exception {
                c.send("echo", payload);
            }

            @Override
            public void close() {
                c.close();
            }
        };
    }

    /** Payload buffers a source needs so none changes while in flight (see {@link SyntheticSource}). */
    private static int buffers(final boolean stream, final int size) {
        if (!stream) {
            return 1;
        }
        return HarmonicStream.mostInFlight(HarmonicStream.DEFAULT_WINDOW, HarmonicStream.DEFAULT_WINDOW_BYTES, size) + 1;
    }

    private PayloadRun run(final String name, final boolean stream, final int size, final long messages, final int sources)
        throws Exception {
        sink.expect(messages);
        final ExecutorService pool = Executors.newFixedThreadPool(sources);
        final List<Future<?>> sent = new ArrayList<>();
        final List<SyntheticSource> made = new ArrayList<>();
        for (int s = 0; s < sources; s++) {
            made.add(new SyntheticSource(size, s, buffers(stream, size))); // made before the clock starts
        }
        final long start = System.nanoTime();
        for (int s = 0; s < sources; s++) {
            final long share = messages / sources + (s < messages % sources ? 1 : 0);
            final SyntheticSource payloads = made.get(s);
            sent.add(pool.submit(() -> {
                try (Sender sender = sender(stream, HarmonicStream.DEFAULT_WINDOW)) {
                    for (long i = 0; i < share; i++) {
                        sender.send(payloads.next());
                    }
                }
                return null;
            }));
        }
        for (final Future<?> f : sent) {
            f.get();
        }
        sink.await();
        final double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new PayloadRun(name, messages, size, seconds);
    }

    private PayloadRun oneAtATime(final String name, final boolean stream, final int size, final long messages)
        throws Exception {
        final SyntheticSource payloads = new SyntheticSource(size, 99, 2);
        try (Sender sender = sender(stream, 1)) {
            final long start = System.nanoTime();
            for (long i = 0; i < messages; i++) {
                sink.expect(1);
                sender.send(payloads.next());
                sink.await();
            }
            return new PayloadRun(name, messages, size, (System.nanoTime() - start) / 1e9);
        }
    }

    @Override
    public void close() {
        workers.forEach(Worker::close);
        master.close();
    }

    /** Counts results; the run ends when all arrived. */
    private static final class CountingSink implements Sink {
        private volatile CountDownLatch left = new CountDownLatch(0);

        void expect(final long n) {
            left = new CountDownLatch((int) n);
        }

        void await() throws InterruptedException {
            if (!left.await(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("results missing: " + left.getCount());
            }
        }

        @Override
        public void accept(final long tupleId, final String processor, final ByteBuffer output) {
            left.countDown();
        }
    }
}
