package io.dikw.app.social;

import io.dikw.core.io.DeadLetters;
import io.dikw.core.io.InputFiles;
import io.dikw.core.progress.ProgressBar;
import io.dikw.social.cluster.ClusteringParams;
import io.dikw.social.pipeline.ClusterSummary;
import io.dikw.social.pipeline.RunOutputs;
import io.dikw.social.pipeline.RunSummary;
import io.dikw.social.pipeline.SequentialPipeline;
import io.dikw.social.pipeline.StepListener;
import io.dikw.social.quality.GroundTruth;
import io.dikw.social.tweet.TweetReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Runs the meme-clustering job for the CLI: opens the input, labels and outputs, shows progress,
 * and prints the outcome as a table people can read.
 */
public final class SocialRunner {
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
     * @param input the tweets (JSON lines, plain or gzip, "-" for standard input)
     * @param labels ground-truth labels, or null
     * @param outDir where results go
     * @param params clustering parameters
     * @param clustersPerStep cluster summaries written per step (0 = all)
     * @param verboseSteps print a line per step as well as the progress bar
     * @param excludedHashtags hashtags that build no protomeme
     * @return the outcome
     * @throws IOException when an input cannot be read or an output written
     */
    public RunSummary run(final Path input, final Path labels, final Path outDir, final ClusteringParams params,
        final int clustersPerStep, final boolean verboseSteps, final java.util.Set<String> excludedHashtags)
        throws IOException {
        Files.createDirectories(outDir);
        final Path deadLetterFile = outDir.resolve("dead-letters.jsonl");
        Files.deleteIfExists(deadLetterFile);
        try (DeadLetters deadLetters = DeadLetters.toFile(deadLetterFile);
             RunOutputs outputs = new RunOutputs(outDir, clustersPerStep)) {
            final GroundTruth truth = labels == null ? null : GroundTruth.read(labels, deadLetters);
            if (truth != null) {
                err.printf(Locale.ROOT, "labels: %,d labelled tweets in %d memes from %s%n", truth.size(),
                    truth.names().size(), labels);
            }
            final AtomicLong consumed = new AtomicLong();
            final long size = InputFiles.isStandardStream(input) ? 0 : Files.size(input);
            final ProgressBar bar = new ProgressBar("clustering", size, err);
            final StepListener progress = (report, summaries) -> {
                final String detail = String.format(Locale.ROOT, "step %d · %,d tweets · %,.0f tw/s · %d clusters%s",
                    report.stats().step(), report.tweetsSoFar(), report.tweetsPerSecond(), report.stats().clusters(),
                    report.quality() == null || Double.isNaN(report.quality().lfkNmi()) ? ""
                        : String.format(Locale.ROOT, " · LFK-NMI %.3f", report.quality().lfkNmi()));
                if (verboseSteps) {
                    err.println(detail);
                }
                bar.update(size > 0 ? consumed.get() : report.tweetsSoFar(), detail);
            };
            final RunSummary summary;
            try (TweetReader reader = new TweetReader(InputFiles.open(input, consumed), input.toString(), deadLetters)) {
                summary = new SequentialPipeline(params, truth, StepListener.all(List.of(outputs, progress)))
                    .excludingHashtags(excludedHashtags).run(reader, deadLetters);
            }
            bar.finish(String.format(Locale.ROOT, "%,d tweets", summary.tweets()));
            final Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("input", input.toString());
            extra.put("labels", labels == null ? null : labels.toString());
            extra.put("params", params);
            outputs.finish(summary, extra);
            deadLetters.flush();
            print(summary, outDir, deadLetters);
            return summary;
        }
    }

    private void print(final RunSummary s, final Path outDir, final DeadLetters deadLetters) {
        out.println();
        out.printf(Locale.ROOT, "Clustered %,d tweets into %,d protomemes over %,d time steps in %.1f s "
            + "(%,.0f tweets/s; clustering alone %.1f s).%n", s.tweets(), s.protomemes(), s.steps(), s.seconds(),
            s.tweetsPerSecond(), s.clusteringSeconds());
        if (!Double.isNaN(s.meanLfkNmi())) {
            out.printf(Locale.ROOT, "Quality against the labels (mean over steps): LFK-NMI %.3f, NMI %.3f.%n",
                s.meanLfkNmi(), s.meanNmi());
        }
        if (s.rejected() > 0) {
            out.printf(Locale.ROOT, "Rejected %,d input records %s, kept in %s.%n", s.rejected(),
                s.rejectedByReason(), deadLetters.file().map(Path::toString).orElse("(memory)"));
        } else {
            out.println("No input record was rejected.");
        }
        if (s.lateTweets() > 0) {
            out.printf(Locale.ROOT, "%,d tweets arrived out of order and joined the current step.%n", s.lateTweets());
        }
        out.println();
        out.println(table(s.topClusters()));
        out.println("Results in " + outDir.toAbsolutePath() + ":");
        out.println("  " + RunOutputs.STEPS + "     one line per time step (clusters, outliers, threshold, quality)");
        out.println("  " + RunOutputs.CLUSTERS + "  the largest clusters after every step");
        out.println("  " + RunOutputs.SUMMARY + "     this outcome as JSON");
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
                c.meme() == null ? "" : String.format(Locale.ROOT, "%s (%.0f%%)", c.meme(), 100 * c.memeShare())));
        }
        return sb.toString();
    }

    private static String terms(final List<ClusterSummary.Term> terms, final int n, final int width) {
        final String s = terms.stream().limit(n).map(ClusterSummary.Term::term).collect(Collectors.joining(" "));
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
