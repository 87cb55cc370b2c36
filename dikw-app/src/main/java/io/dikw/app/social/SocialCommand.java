package io.dikw.app.social;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dikw social}: clustering of social-media streams into memes. */
@Command(name = "social", description = "Cluster social-media streams (tweets) into memes.",
    mixinStandardHelpOptions = true, subcommands = SocialCommand.Run.class)
public final class SocialCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code dikw social run}: the sequential sliding-window clustering of a tweet stream. */
    @Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Cluster a stream of tweets into memes over a sliding window of time steps, in parallel on "
            + "Apache Storm (embedded LocalCluster; clustering bolts synchronized through an Artemis pub-sub broker), "
            + "or sequentially with --sequential.",
            "Input: JSON lines of tweets in the Twitter API v1.1 or v2 shape, plain or gzip, or - for standard input. "
            + "Bad records are counted, written to dead-letters.jsonl in the output directory, and skipped."})
    static final class Run implements Callable<Integer> {
        @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE",
            description = "Tweets as JSON lines (.jsonl or .jsonl.gz), or - for standard input.")
        Path input;

        @Option(names = {"-l", "--labels"}, paramLabel = "FILE",
            description = "Ground truth: lines of tweet_id<TAB>meme ('-' = background) to score LFK-NMI and NMI.")
        Path labels;

        @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "dikw-out/social",
            description = "Directory for results; default: ${DEFAULT-VALUE}.")
        Path out;

        @Option(names = "--clusters-per-step", paramLabel = "N", defaultValue = "20",
            description = "Largest clusters summarized in clusters.jsonl after each step (0 = all); default: ${DEFAULT-VALUE}.")
        int clustersPerStep;

        @Option(names = {"-v", "--verbose"}, description = "Print a line per time step as well as the progress bar.")
        boolean verbose;

        @Option(names = "--sequential",
            description = "Run the sequential reference algorithm in one thread instead of the Storm topology.")
        boolean sequential;

        @Mixin
        ParallelOptions parallel;

        @Option(names = "--exclude-hashtags", paramLabel = "TAG", split = ",",
            description = "Hashtags (without #) that build no protomeme, e.g. the ground-truth hashtags of a hashtag-based evaluation.")
        java.util.Set<String> excludeHashtags = java.util.Set.of();

        @Mixin
        ClusteringOptions clustering;

        @Override
        public Integer call() throws Exception {
            final SocialRunner.Job job = new SocialRunner.Job(input, labels, out, clustering.params(), clustersPerStep,
                verbose ? 1 : 0, excludeHashtags);
            final SocialRunner runner = new SocialRunner(System.out, System.err);
            if (sequential) {
                runner.runSequential(job);
            } else {
                runner.runParallel(job, parallel);
            }
            return 0;
        }
    }
}
