package io.dikw.app.graph;

import io.dikw.graph.server.GraphServer;
import io.dikw.graph.server.HealthLine;
import io.dikw.graph.server.ServerConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dikw graph serve}: runs the graph server until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Run the graph server. Streams connect to --port and send StingerBatch frames (4-byte big-endian "
        + "length + protobuf), as STINGER's stream clients do; the server never replies on that port.",
        "A health line is printed once a second: vertices, edges, batches, updates/s, queue, open streams, rejected "
            + "updates and closed connections by reason. With --checkpoint-dir the graph and names are saved there "
            + "atomically every --checkpoint-every seconds and on Ctrl-C, and a restart resumes from the latest one."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "10102",
        description = "Stream port (0 picks a free one); default: ${DEFAULT-VALUE} (STINGER's).")
    int port;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR", description = "Where checkpoints go and are resumed from.")
    Path checkpointDir;

    @Option(names = "--checkpoint-every", paramLabel = "SECONDS", defaultValue = "60",
        description = "Seconds between checkpoints (0: only on shutdown); default: ${DEFAULT-VALUE}.")
    int checkpointEvery;

    @Option(names = "--max-vertices", paramLabel = "N", defaultValue = "67108864",
        description = "Cap on vertex ids; default: ${DEFAULT-VALUE} (2^26).")
    int maxVertices;

    @Option(names = "--threads", paramLabel = "N", description = "Threads applying each batch; default: one per core.")
    Integer threads;

    @Option(names = "--queue", paramLabel = "BATCHES", defaultValue = "16",
        description = "Batches waiting before streams are slowed down (back-pressure); default: ${DEFAULT-VALUE}.")
    int queue;

    @Option(names = "--max-frame-mb", paramLabel = "MB", defaultValue = "64",
        description = "Largest frame accepted; a larger one closes its connection; default: ${DEFAULT-VALUE}.")
    int maxFrameMb;

    @Option(names = "--quiet", description = "No health lines (events are still printed).")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        final ServerConfig config = config();
        final GraphServer server = GraphServer.start(config, line -> {
            System.out.println(line);
            System.out.flush();
        });
        final CountDownLatch stopped = new CountDownLatch(1);
        final ScheduledExecutorService health = Executors.newSingleThreadScheduledExecutor(r -> {
            final Thread t = new Thread(r, "graph-health");
            t.setDaemon(true);
            return t;
        });
        if (!quiet) {
            final HealthLine line = new HealthLine(server);
            health.scheduleAtFixedRate(() -> {
                System.out.println("health " + line.next());
                System.out.flush();
            }, 1, 1, TimeUnit.SECONDS);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            health.shutdownNow();
            try {
                server.close();
            } catch (final Exception e) {
                System.err.println("shutdown: " + e.getMessage());
            }
            System.out.println("graph server stopped");
            System.out.flush();
            stopped.countDown();
        }, "graph-shutdown"));
        stopped.await();
        return 0;
    }

    /**
     * @return the server settings from the options
     * @throws IllegalArgumentException naming the first bad option in its own units
     */
    ServerConfig config() {
        check(port >= 0 && port <= 65535, "--port " + port + " must be in 0..65535 (0 picks a free port)");
        check(maxVertices >= 1, "--max-vertices " + maxVertices + " must be >= 1");
        check(threads == null || threads >= 1, "--threads " + threads + " must be >= 1");
        check(queue >= 1, "--queue " + queue + " must be >= 1");
        check(maxFrameMb >= 1, "--max-frame-mb " + maxFrameMb + " must be >= 1");
        check(checkpointEvery >= 0, "--checkpoint-every " + checkpointEvery + " must be >= 0 (0: only on shutdown)");
        return new ServerConfig(port, maxVertices,
            threads == null ? Runtime.getRuntime().availableProcessors() : threads, queue,
            (int) Math.min(Integer.MAX_VALUE - 8L, maxFrameMb * (1L << 20)), checkpointDir, checkpointEvery).validate();
    }

    private static void check(final boolean ok, final String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
