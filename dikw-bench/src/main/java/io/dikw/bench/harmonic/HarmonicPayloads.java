package io.dikw.bench.harmonic;

import io.dikw.harmonic.auth.AccessToken;
import io.dikw.harmonic.client.HarmonicClient;
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
 * a counting sink, and sources sending from their own threads through the stream connector.
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

    PayloadRun run(final int size, final long messages, final int sources) throws Exception {
        sink.expect(messages);
        final ExecutorService pool = Executors.newFixedThreadPool(sources);
        final List<Future<?>> sent = new ArrayList<>();
        final long start = System.nanoTime();
        for (int s = 0; s < sources; s++) {
            final long share = messages / sources + (s < messages % sources ? 1 : 0);
            final long seed = s;
            sent.add(pool.submit(() -> {
                final SyntheticSource payloads = new SyntheticSource(size, seed);
                try (HarmonicClient client = new HarmonicClient(URI.create(master.url()), token.text())) {
                    for (long i = 0; i < share; i++) {
                        client.send("echo", payloads.next());
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
        return new PayloadRun("harmonic", messages, size, seconds);
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
