package io.dikw.app.generate;

import io.dikw.core.io.InputFiles;
import io.dikw.core.progress.ProgressBar;
import io.dikw.microcluster.data.KddGenerator;
import io.dikw.social.generate.GenerationStats;
import io.dikw.social.generate.GeneratorConfig;
import io.dikw.social.generate.TweetStreamGenerator;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dikw generate}: synthetic streams with known ground truth. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Generate synthetic streams with planted ground truth (no real corpus is needed).",
    subcommands = {GenerateCommand.Tweets.class, GenerateCommand.Kdd.class})
public final class GenerateCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code dikw generate tweets}. */
    @Command(name = "tweets", mixinStandardHelpOptions = true,
        description = "Write a stream of tweets in the Twitter API v1.1 shape with planted memes: each meme has its "
            + "own hashtags, words, URLs and community of users; tweets mention and retweet along a follower graph; "
            + "memes rise and fade; many tweets are background chatter. The true meme of every tweet goes to a "
            + "separate labels file (tweet_id<TAB>meme, '-' for background), never into the tweet.")
    static final class Tweets implements Callable<Integer> {
        @Option(names = "--count", paramLabel = "N", defaultValue = "100000", description = "Tweets; default: ${DEFAULT-VALUE}.")
        long count;

        @Option(names = "--memes", paramLabel = "M", defaultValue = "100", description = "Planted memes; default: ${DEFAULT-VALUE}.")
        int memes;

        @Option(names = "--users", paramLabel = "U", defaultValue = "10000", description = "Users; default: ${DEFAULT-VALUE}.")
        int users;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed (same seed, same stream); default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--rate", paramLabel = "TWEETS_PER_S", defaultValue = "10",
            description = "Average tweets per second of stream time; default: ${DEFAULT-VALUE}.")
        double rate;

        @Option(names = "--background", paramLabel = "SHARE", defaultValue = "0.5",
            description = "Share of background tweets that belong to no meme; default: ${DEFAULT-VALUE}.")
        double background;

        @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE",
            description = "Tweets file (.jsonl, or .jsonl.gz to compress), or - for standard output.")
        Path out;

        @Option(names = "--labels", paramLabel = "FILE",
            description = "Labels file; default: beside --out, named <out>-labels.tsv.gz.")
        Path labels;

        @Override
        public Integer call() throws Exception {
            final GeneratorConfig config = GeneratorConfig.defaults().withCount(count).withMemes(memes).withUsers(users)
                .withSeed(seed).withTweetsPerSecond(rate).withBackgroundShare(background);
            final Path labelsFile = labels != null ? labels : defaultLabels(out);
            final ProgressBar bar = new ProgressBar("generating", count, System.err);
            final GenerationStats stats;
            try (Writer tweets = InputFiles.create(out); Writer labelWriter = InputFiles.create(labelsFile)) {
                stats = new TweetStreamGenerator(config).write(tweets, labelWriter, done -> bar.update(done, ""));
            }
            bar.finish(String.format(Locale.ROOT, "%,d tweets", count));
            System.err.println(String.format(Locale.ROOT, "%,d tweets: %,d background, %,d retweets, %,d quotes, "
                + "%,d replies; times %s to %s", stats.tweets(), stats.background(), stats.retweets(), stats.quotes(),
                stats.replies(), stats.first(), stats.last()));
            System.err.println("tweets: " + out + "\nlabels: " + labelsFile);
            return 0;
        }

        static Path defaultLabels(final Path out) {
            if (InputFiles.isStandardStream(out)) {
                return Path.of("labels.tsv.gz");
            }
            final String name = out.getFileName().toString().replaceFirst("\\.jsonl?(\\.gz)?$", "")
                .replaceFirst("\\.gz$", "");
            return out.resolveSibling(name + "-labels.tsv.gz");
        }
    }

    /** {@code dikw generate kdd}. */
    @Command(name = "kdd", mixinStandardHelpOptions = true,
        description = "Write a KDD Cup '99-shaped stream of network connections (the real data set is not needed): "
            + "41 attributes with the real names and types and the label last, no header, as in the original file; "
            + "classes in the proportions of the 10%% file (smurf, neptune, normal, ...) arriving in long single-class "
            + "bursts; heavy-tailed byte counts, rates in [0,1]. Read it with: ./dikw microcluster run --input FILE "
            + "--preset kdd99")
    static final class Kdd implements Callable<Integer> {
        @Option(names = "--count", paramLabel = "N", defaultValue = "494021",
            description = "Records; default: ${DEFAULT-VALUE} (the size of the 10%% file).")
        long count;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed (same seed, same stream); default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE",
            description = "CSV file (.csv, or .csv.gz to compress), or - for standard output.")
        Path out;

        @Override
        public Integer call() throws Exception {
            if (count < 0) {
                throw new IllegalArgumentException("--count must not be negative, got " + count);
            }
            final ProgressBar bar = new ProgressBar("generating", count, System.err);
            final long[] perClass;
            try (Writer w = InputFiles.create(out)) {
                perClass = new KddGenerator(seed).write(count, w, bar::update);
            }
            bar.finish(String.format(Locale.ROOT, "%,d records", count));
            final StringBuilder mix = new StringBuilder();
            for (int c = 0; c < perClass.length && mix.length() < 200; c++) {
                if (perClass[c] > 0) {
                    mix.append(mix.length() == 0 ? "" : ", ").append(KddGenerator.label(c)).append(' ')
                        .append(String.format(Locale.ROOT, "%.1f%%", 100.0 * perClass[c] / Math.max(1, count)));
                }
            }
            System.err.println("classes: " + mix);
            System.err.println("records: " + out);
            return 0;
        }
    }
}
