package io.dikw.app.social;

import io.dikw.app.Paths;
import io.dikw.app.cluster.SubmitTarget;
import io.dikw.core.io.DeadLetters;
import io.dikw.core.io.InputFiles;
import io.dikw.core.json.Json;
import io.dikw.core.progress.ProgressBar;
import io.dikw.social.cluster.ClusteringParams;
import io.dikw.social.pipeline.ClusterSummary;
import io.dikw.social.pipeline.RunOutputs;
import io.dikw.social.pipeline.RunSummary;
import io.dikw.social.pipeline.SequentialPipeline;
import io.dikw.social.pipeline.StepListener;
import io.dikw.social.pipeline.StepReport;
import io.dikw.social.quality.GroundTruth;
import io.dikw.social.storm.SocialTopology;
import io.dikw.social.storm.SocialTopologyConfig;
import io.dikw.social.tweet.TweetReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Runs the meme-clustering job for the CLI, sequentially or on Storm: opens the input, labels and
 * outputs, shows progress, and prints the outcome as a table people can read.
 */
public final class SocialRunner {
    /** Below this share of its tweets, a cluster is not said to be a planted meme. */
    private static final double MEME_SHARE_SHOWN = 0.2;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param out where results go
     * @param err where progress goes
     */
    public SocialRunner(final PrintStream out, final PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * What to cluster and where the results go.
     *
     * @param input the tweets (JSON lines, plain or gzip, "-" for standard input)
     * @param labels ground-truth labels, or null
     * @param outDir where results go
     * @param params clustering parameters
     * @param clustersPerStep cluster summaries written per step (0 = all)
     * @param stepLinesEvery print a line every this many steps (0: none, progress bar only)
     * @param excludedHashtags hashtags that build no protomeme
     */
    public record Job(Path input, Path labels, Path outDir, ClusteringParams params, int clustersPerStep,
        int stepLinesEvery, Set<String> excludedHashtags) {
    }

    /**
     * Runs the sequential reference pipeline in this thread.
     *
     * @param job what to run
     * @return the outcome
     * @throws IOException when an input cannot be read or an output written
     */
    public RunSummary runSequential(final Job job) throws IOException {
        requireInput(job.input());
        Files.createDirectories(job.outDir());
        final Path deadLetterFile = job.outDir().resolve("dead-letters.jsonl");
        Files.deleteIfExists(deadLetterFile);
        try (DeadLetters deadLetters = DeadLetters.toFile(deadLetterFile);
             RunOutputs outputs = new RunOutputs(job.outDir(), job.clustersPerStep())) {
            final GroundTruth truth = job.labels() == null ? null : GroundTruth.read(job.labels(), deadLetters);
            if (truth != null) {
                err.printf(Locale.ROOT, "labels: %,d labelled tweets in %d memes from %s%n", truth.size(),
                    truth.names().size(), job.labels());
            }
            final AtomicLong consumed = new AtomicLong();
            final long size = InputFiles.isStandardStream(job.input()) ? 0 : Files.size(job.input());
            final ProgressBar bar = new ProgressBar("clustering", size, err);
            final StepListener progress = progress(bar, job.stepLinesEvery(), r -> size > 0 ? consumed.get() : r.tweetsSoFar());
            final RunSummary summary;
            try (TweetReader reader = new TweetReader(InputFiles.open(job.input(), consumed), job.input().toString(),
                deadLetters)) {
                summary = new SequentialPipeline(job.params(), truth, StepListener.all(List.of(outputs, progress)))
                    .excludingHashtags(job.excludedHashtags()).run(reader, deadLetters);
            }
            bar.finish(String.format(Locale.ROOT, "%,d tweets", summary.tweets()));
            final Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("input", job.input().toString());
            extra.put("labels", job.labels() == null ? null : job.labels().toString());
            extra.put("params", job.params());
            extra.put("engine", "sequential");
            outputs.finish(summary, extra);
            deadLetters.flush();
            print(summary, job.outDir(), null);
            return summary;
        }
    }

    /**
     * Runs the Storm topology embedded (LocalCluster, with an in-process broker unless one is
     * given), or submits it to a cluster.
     *
     * @param job what to run
     * @param parallel how
     * @return the outcome (null when the topology was submitted to a cluster)
     * @throws Exception when the run fails
     */
    public RunSummary runParallel(final Job job, final ParallelOptions parallel) throws Exception {
        requireInput(job.input());
        if (InputFiles.isStandardStream(job.input()) && parallel.submit != null) {
            throw new IllegalArgumentException("--submit needs a file input that exists on the cluster, not standard input");
        }
        Files.createDirectories(job.outDir());
        final SocialTopologyConfig config = new SocialTopologyConfig(UUID.randomUUID().toString().substring(0, 8),
            job.input().toAbsolutePath().toString(), job.labels() == null ? "" : job.labels().toAbsolutePath().toString(),
            job.outDir().toAbsolutePath().toString(), job.params(), parallel.parallelism, parallel.batch, parallel.sync,
            parallel.broker == null ? "" : parallel.broker, parallel.replay, parallel.replayValue, parallel.httpHost,
            parallel.httpPort, job.clustersPerStep(), String.join(",", job.excludedHashtags()));
        if (parallel.submit != null) {
            submit(config, parallel);
            return null;
        }
        final long lines = countLines(job.input());
        err.printf(Locale.ROOT, "starting Storm (LocalCluster) with %d clustering bolts, %s sync over %s%s%n",
            parallel.parallelism, parallel.sync.name().toLowerCase(Locale.ROOT),
            parallel.broker == null ? "an embedded Artemis broker" : parallel.broker,
            parallel.httpPort < 0 ? "" : "; live results on http://" + parallel.httpHost + ":"
                + (parallel.httpPort == 0 ? "<free port>" : parallel.httpPort) + "/");
        final ProgressBar bar = new ProgressBar("clustering", lines, err);
        final RunSummary summary = SocialTopology.runEmbedded(config,
            progress(bar, job.stepLinesEvery(), StepReport::tweetsSoFar), Duration.ofDays(7));
        bar.finish(String.format(Locale.ROOT, "%,d tweets", summary.tweets()));
        print(summary, job.outDir(), job.outDir().resolve(RunOutputs.SUMMARY));
        return summary;
    }

    private void submit(final SocialTopologyConfig config, final ParallelOptions parallel) throws Exception {
        final SubmitTarget target = SubmitTarget.parse(parallel.submit);
        if (config.brokerUrl().isEmpty()) {
            throw new IllegalArgumentException("--submit needs --broker tcp://HOST:PORT reachable from the cluster");
        }
        final Path jar = Paths.home().resolve("dikw-social/target/dikw-social-topology.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("topology jar not found: " + jar + " (build it: mvn -B -q install -DskipTests)");
        }
        SocialTopology.submit(config, target.host(), target.port(), parallel.submitWorkers, jar.toString());
        out.println("Submitted topology dikw-social-" + config.runId() + " to Nimbus " + target
            + "; results go to " + config.outDir() + " on the coordinator's machine"
            + (config.httpPort() >= 0 ? " and live to port " + config.httpPort() + " there" : "") + ".");
    }

    private static void requireInput(final Path input) throws java.nio.file.NoSuchFileException {
        if (!InputFiles.isStandardStream(input) && !Files.isRegularFile(input)) {
            throw new java.nio.file.NoSuchFileException(input.toString(), null, "input file not found (absolute: "
                + input.toAbsolutePath() + "); check the path, or pass - to read standard input");
        }
    }

    /** Counts the input's lines (for the progress bar); 0 for standard input. */
    private static long countLines(final Path input) throws IOException {
        if (InputFiles.isStandardStream(input)) {
            return 0;
        }
        long n = 0;
        try (BufferedReader reader = InputFiles.open(input)) {
            final char[] buf = new char[1 << 16];
            int r;
            while ((r = reader.read(buf)) > 0) {
                for (int i = 0; i < r; i++) {
                    if (buf[i] == '\n') {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private StepListener progress(final ProgressBar bar, final int lineEvery,
        final java.util.function.ToLongFunction<StepReport> done) {
        return (report, summaries) -> {
            final Object syncBytes = report.engine().get("meanSyncBytes");
            final String detail = String.format(Locale.ROOT, "step %d · %,d tweets · %,.0f tw/s · %d clusters%s%s",
                report.stats().step(), report.tweetsSoFar(), report.tweetsPerSecond(), report.stats().clusters(),
                report.quality() == null || Double.isNaN(report.quality().lfkNmi()) ? ""
                    : String.format(Locale.ROOT, " · LFK-NMI %.3f", report.quality().lfkNmi()),
                syncBytes == null ? "" : String.format(Locale.ROOT, " · %,d B/sync", ((Number) syncBytes).longValue()));
            if (lineEvery > 0 && report.stats().step() % lineEvery == 0) {
                bar.printAbove(detail);
            }
            bar.update(done.applyAsLong(report), detail);
        };
    }

    private void print(final RunSummary s, final Path outDir, final Path summaryJson) throws IOException {
        out.println();
        out.printf(Locale.ROOT, "Clustered %,d tweets into %,d protomemes over %,d time steps in %.1f s "
            + "(%,.0f tweets/s).%n", s.tweets(), s.protomemes(), s.steps(), s.seconds(), s.tweetsPerSecond());
        if (summaryJson != null) {
            final var parallel = Json.mapper().readTree(summaryJson.toFile()).path("parallel");
            out.printf(Locale.ROOT, "Storm: %d clustering bolts, %s sync: %,d syncs, %,d bytes per sync on average "
                + "(largest %,d), %.1f ms per sync.%n", parallel.path("parallelism").asInt(),
                parallel.path("sync").asText(), parallel.path("syncs").asLong(), parallel.path("meanSyncBytes").asLong(),
                parallel.path("maxSyncBytes").asLong(), parallel.path("meanSyncMillis").asDouble());
        }
        if (!Double.isNaN(s.meanLfkNmi())) {
            out.printf(Locale.ROOT, "Quality against the labels (mean over steps): LFK-NMI %.3f, NMI %.3f.%n",
                s.meanLfkNmi(), s.meanNmi());
        }
        final Path deadLetters = outDir.resolve("dead-letters.jsonl");
        if (s.rejected() > 0) {
            out.printf(Locale.ROOT, "Rejected %,d input records %s, kept in %s.%n", s.rejected(), s.rejectedByReason(),
                deadLetters);
        } else {
            out.println("No input record was rejected.");
        }
        if (s.lateTweets() > 0) {
            out.printf(Locale.ROOT, "%,d tweets arrived out of order and joined the current step.%n", s.lateTweets());
        }
        out.println();
        out.println("Top memes at the end of the stream:");
        out.println(table(s.topClusters()));
        out.println("Results in " + outDir.toAbsolutePath() + ":");
        out.println("  " + RunOutputs.STEPS + "     one line per time step (clusters, outliers, threshold, quality)");
        out.println("  " + RunOutputs.CLUSTERS + "  the largest clusters after every step");
        out.println("  " + RunOutputs.SUMMARY + "    this outcome as JSON");
        out.println("  " + RunOutputs.QUALITY_CHART + ", " + RunOutputs.ACTIVITY_CHART + "  charts per step");
    }

    /**
     * @param clusters cluster summaries
     * @return a plain-text table of them
     */
    public static String table(final List<ClusterSummary> clusters) {
        final StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-6s %7s  %-28s %-34s %-22s %s%n", "id", "tweets", "top hashtags",
            "top words", "top users", "meme (share)"));
        for (final ClusterSummary c : clusters) {
            sb.append(String.format(Locale.ROOT, "%-6d %7d  %-28s %-34s %-22s %s%n", c.id(), c.tweets(),
                terms(c.topHashtags(), 3, 28), terms(c.topWords(), 4, 34), terms(c.topUsers(), 2, 22),
                c.meme() == null || c.memeShare() < MEME_SHARE_SHOWN ? "-"
                    : String.format(Locale.ROOT, "%s (%.0f%%)", c.meme(), 100 * c.memeShare())));
        }
        return sb.toString();
    }

    private static String terms(final List<ClusterSummary.Term> terms, final int n, final int width) {
        final String s = terms.stream().limit(n).map(ClusterSummary.Term::term).collect(Collectors.joining(" "));
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
