package io.dikw.bench.social;

import io.dikw.bench.BenchTable;
import io.dikw.core.json.Json;
import io.dikw.core.pubsub.EmbeddedBroker;
import io.dikw.social.cluster.ClusteringParams;
import io.dikw.social.parallel.SyncStrategy;
import io.dikw.social.pipeline.RunSummary;
import io.dikw.social.pipeline.StepListener;
import io.dikw.social.storm.SocialTopology;
import io.dikw.social.storm.SocialTopologyConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Parallel meme clustering on Storm (LocalCluster, embedded Artemis) side by side with the
 * sequential pipeline, in one run: tweets/s for sequential and 1, 2, 4 clustering bolts on a
 * generated stream (K = 120, 20-step window), LFK-NMI of each against the labels, heap after GC,
 * and bytes and time per sync for delta versus full synchronization.
 *
 * <p>Usage: {@code ParallelSocialBench [--tweets N] [--rate R] [--full-tweets N] [--bolts 1,2,4] [--only-sync]
 * [--skip-sync] [--out FILE]}: {@code --skip-sync} runs only the tweets/s rows, {@code --only-sync} only the
 * delta-vs-full comparison.
 */
public final class ParallelSocialBench {
    /** Four times the full Twitter average rate. */
    public static final double TARGET_TWEETS_PER_SECOND = 25_000;

    private ParallelSocialBench() {
    }

    /**
     * @param args see the class comment
     * @throws Exception when a run fails
     */
    public static void main(final String[] args) throws Exception {
        long tweets = 1_000_000;
        long fullTweets = 100_000;
        double rate = 100;
        int[] bolts = {1, 2, 4};
        boolean onlySync = false;
        boolean skipSync = false;
        Path out = Path.of("dikw-out/bench/social-parallel.json");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--tweets" -> tweets = Long.parseLong(args[++i]);
                case "--full-tweets" -> fullTweets = Long.parseLong(args[++i]);
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--bolts" -> bolts = java.util.Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--out" -> out = Path.of(args[++i]);
                case "--only-sync" -> onlySync = true;
                case "--skip-sync" -> skipSync = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                    + " (options: --tweets N --rate R --full-tweets N --bolts 1,2,4 --only-sync --skip-sync --out FILE)");
            }
        }
        final ClusteringParams params = ClusteringParams.defaults();
        final Path stream = SequentialSocialBench.generated(tweets, rate);
        final Path labels = stream.resolveSibling("labels-" + stream.getFileName().toString().replace(".jsonl.gz", ".tsv.gz"));
        final Path work = Files.createTempDirectory("dikw-bench-social");

        final BenchTable table = new BenchTable("Meme clustering: sequential vs Storm bolts on " + stream.getFileName(),
            List.of("engine", "bolts", "sync", "tweets", "seconds", "tweets/s", "x 1 bolt", "LFK-NMI", "syncs",
                "bytes/sync", "ms/sync", "heap MiB", "cpu us/tweet"));
        if (!onlySync) {
            System.err.println("sequential pass: " + stream);
            final long cpu = cpuNanos();
            final RunSummary seq = SequentialSocialBench.runWithLabels(stream, labels, params);
            final double seqCpu = (cpuNanos() - cpu) / 1e3 / seq.tweets();
            table.row("sequential", 1, "-", seq.tweets(), seq.seconds(), seq.tweetsPerSecond(), Double.NaN,
                seq.meanLfkNmi(), 0L, 0L, Double.NaN, heapMiB(), seqCpu);
        }
        double oneBolt = Double.NaN;
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            for (final int n : onlySync ? new int[0] : bolts) {
                System.err.println("storm pass: " + n + " bolts, delta");
                final long cpu = cpuNanos();
                final Result r = storm(stream, labels, params, n, SyncStrategy.DELTA, broker, work.resolve("d" + n));
                final double stormCpu = (cpuNanos() - cpu) / 1e3 / r.summary.tweets();
                if (n == 1) {
                    oneBolt = r.summary.tweetsPerSecond();
                }
                table.row("storm", n, "delta", r.summary.tweets(), r.summary.seconds(), r.summary.tweetsPerSecond(),
                    r.summary.tweetsPerSecond() / oneBolt, r.summary.meanLfkNmi(), r.syncs, r.bytesPerSync,
                    r.msPerSync, heapMiB(), stormCpu);
            }
            table.note("target", String.format(Locale.ROOT, ">= %,.0f tweets/s; 2 bolts >= 1.6 x 1 bolt; "
                + "LFK-NMI within 0.02 of sequential", TARGET_TWEETS_PER_SECOND));
            if (!onlySync) {
                table.print(System.out);
                System.out.println();
                table.writeJson(out);
                System.out.println("wrote " + out);
            }
            if (!skipSync) {
                final Path syncOut = Path.of(out.toString().replace(".json", "-sync.json"));
                syncComparison(prefix(stream, fullTweets, work), labels, fullTweets, params, broker, work)
                    .writeJson(syncOut);
                System.out.println("wrote " + syncOut);
            }
        }
        System.exit(0); // Storm's and Artemis's client threads are not daemons and would keep the JVM up
    }

    /** Delta versus full sync with 2 bolts on a prefix of the stream (a full sync costs the whole window). */
    private static BenchTable syncComparison(final Path prefix, final Path labels, final long fullTweets,
        final ClusteringParams params, final EmbeddedBroker broker, final Path work) throws Exception {
        final BenchTable sync = new BenchTable("Delta vs full sync, 2 bolts, first " + fullTweets + " tweets",
            List.of("sync", "syncs", "bytes/sync", "total MiB", "ms/sync", "tweets/s", "LFK-NMI"));
        long deltaBytes = 0;
        for (final SyncStrategy s : SyncStrategy.values()) {
            System.err.println("sync pass: " + s);
            final Result r = storm(prefix, labels, params, 2, s, broker, work.resolve("s" + s));
            sync.row(s.name().toLowerCase(Locale.ROOT), r.syncs, r.bytesPerSync, r.totalBytes / 1048576.0,
                r.msPerSync, r.summary.tweetsPerSecond(), r.summary.meanLfkNmi());
            if (s == SyncStrategy.DELTA) {
                deltaBytes = r.totalBytes;
            } else {
                sync.note("delta / full bytes", String.format(Locale.ROOT, "%.4f (target <= 0.1)",
                    (double) deltaBytes / r.totalBytes));
            }
        }
        sync.print(System.out);
        return sync;
    }

    private record Result(RunSummary summary, long syncs, long bytesPerSync, long totalBytes, double msPerSync) {
    }

    private static Result storm(final Path input, final Path labels, final ClusteringParams params, final int bolts,
        final SyncStrategy strategy, final EmbeddedBroker broker, final Path dir) throws Exception {
        final SocialTopologyConfig config = new SocialTopologyConfig("bench" + bolts + strategy.name().toLowerCase(Locale.ROOT)
            + System.nanoTime() % 100000, input.toAbsolutePath().toString(), labels.toAbsolutePath().toString(),
            dir.toString(), params, bolts, SocialTopologyConfig.DEFAULT_BATCH_PER_WORKER, strategy, broker.url(),
            SocialTopologyConfig.Replay.FAST, 0, "127.0.0.1", -1, 5, "");
        final RunSummary summary = SocialTopology.runLocal(config, StepListener.NONE, Duration.ofHours(2));
        final var parallel = Json.mapper().readTree(dir.resolve("summary.json").toFile()).path("parallel");
        return new Result(summary, parallel.path("syncs").asLong(), parallel.path("meanSyncBytes").asLong(),
            parallel.path("syncBytes").asLong(), parallel.path("meanSyncMillis").asDouble());
    }

    /** The first {@code n} lines of the stream, for the costly full-sync comparison. */
    private static Path prefix(final Path stream, final long n, final Path dir) throws IOException {
        final Path file = dir.resolve("prefix.jsonl");
        try (var in = io.dikw.core.io.InputFiles.open(stream); var w = Files.newBufferedWriter(file)) {
            String line;
            for (long i = 0; i < n && (line = in.readLine()) != null; i++) {
                w.write(line);
                w.newLine();
            }
        }
        return file;
    }

    /** CPU time of the whole process: unlike wall time, barely affected by other load on the machine. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    }

    private static long heapMiB() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }
}
