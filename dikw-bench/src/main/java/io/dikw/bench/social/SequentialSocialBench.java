package io.dikw.bench.social;

import io.dikw.bench.BenchTable;
import io.dikw.core.io.DeadLetters;
import io.dikw.core.io.InputFiles;
import io.dikw.social.cluster.ClusteringParams;
import io.dikw.social.generate.GeneratorConfig;
import io.dikw.social.generate.TweetStreamGenerator;
import io.dikw.social.pipeline.RunSummary;
import io.dikw.social.pipeline.SequentialPipeline;
import io.dikw.social.pipeline.StepListener;
import io.dikw.social.tweet.TweetReader;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Sequential meme clustering throughput and memory, end to end (read gzip JSON, parse, extract
 * protomemes, cluster): on the bundled sample and on a generated stream of a million tweets,
 * K = 120, 20-step window. Heap is sampled after a full GC at intervals of the stream in a
 * separate pass, so GC pauses do not distort the timed pass.
 *
 * <p>Usage: {@code SequentialSocialBench [--sample FILE] [--tweets N] [--rate R] [--out FILE]}.
 */
public final class SequentialSocialBench {
    /** The published implementation processed about 1,750 tweets/s; the goal is 10× that. */
    public static final double TARGET_TWEETS_PER_SECOND = 17_500;
    /** Passes over the sample before anything is timed. */
    public static final int WARM_UP_PASSES = 2;

    private SequentialSocialBench() {
    }

    /**
     * @param args see the class comment
     * @throws IOException when inputs cannot be read or results written
     */
    public static void main(final String[] args) throws IOException {
        Path sample = Path.of("examples/social/sample-tweets.jsonl.gz");
        long tweets = 1_000_000;
        double rate = 100;
        Path out = Path.of("dikw-out/bench/social-sequential.json");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sample" -> sample = Path.of(args[++i]);
                case "--tweets" -> tweets = Long.parseLong(args[++i]);
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                    + " (options: --sample FILE --tweets N --rate R --out FILE)");
            }
        }
        final ClusteringParams params = ClusteringParams.defaults();
        final Path generated = generated(tweets, rate);
        // the JIT needs two passes over 50k tweets to settle (the first runs at a quarter of the speed)
        for (int pass = 1; pass <= WARM_UP_PASSES; pass++) {
            System.err.println("warm-up pass " + pass + " over " + sample);
            run(sample, params, StepListener.NONE);
        }

        final BenchTable throughput = new BenchTable("Sequential meme clustering, end to end (K=120, 20 x 30 s window)",
            List.of("stream", "tweets", "protomemes", "seconds", "tweets/s", "protomemes/s", "clustering-only pm/s",
                "x target"));
        for (final Path input : List.of(sample, generated)) {
            System.err.println("timed pass: " + input);
            final RunSummary s = run(input, params, StepListener.NONE);
            throughput.row(input.getFileName().toString(), s.tweets(), s.protomemes(), s.seconds(), s.tweetsPerSecond(),
                s.protomemesPerSecond(), s.protomemes() / s.clusteringSeconds(),
                s.tweetsPerSecond() / TARGET_TWEETS_PER_SECOND);
        }
        throughput.note("target", String.format(Locale.ROOT, "%,.0f tweets/s on one core", TARGET_TWEETS_PER_SECOND));
        throughput.note("generated stream", generated.getFileName() + " (rate " + rate + " tweets/s of stream time)");

        System.err.println("memory pass: " + generated);
        final BenchTable heap = new BenchTable("Heap after full GC while streaming " + generated.getFileName(),
            List.of("tweets so far", "time step", "protomemes in step", "heap MiB"));
        final long every = Math.max(1, tweets / 10);
        final long[] next = {every};
        run(generated, params, (report, summaries) -> {
            if (report.tweetsSoFar() >= next[0]) {
                next[0] += every;
                System.gc();
                final long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                heap.row(report.tweetsSoFar(), report.stats().step(), (long) report.stats().protomemes(), used / (1 << 20));
            }
        });
        throughput.print(System.out);
        System.out.println();
        heap.print(System.out);
        throughput.writeJson(out);
        heap.writeJson(Path.of(out.toString().replace(".json", "-heap.json")));
        System.out.println("\nwrote " + out + " and " + out.toString().replace(".json", "-heap.json"));
    }

    static RunSummary runWithLabels(final Path input, final Path labels, final ClusteringParams params)
        throws IOException {
        try (DeadLetters deadLetters = DeadLetters.inMemory(10);
             TweetReader reader = new TweetReader(InputFiles.open(input), input.toString(), deadLetters)) {
            return new SequentialPipeline(params, io.dikw.social.quality.GroundTruth.read(labels, deadLetters),
                StepListener.NONE).run(reader, deadLetters);
        }
    }

    static RunSummary run(final Path input, final ClusteringParams params, final StepListener listener)
        throws IOException {
        try (DeadLetters deadLetters = DeadLetters.inMemory(10);
             TweetReader reader = new TweetReader(InputFiles.open(input), input.toString(), deadLetters)) {
            return new SequentialPipeline(params, null, listener).run(reader, deadLetters);
        }
    }

    /** Generates the stream once and keeps it under target/ for later runs. */
    static Path generated(final long count, final double rate) throws IOException {
        final Path file = Path.of("target/bench-data", String.format(Locale.ROOT, "tweets-%d-rate%.0f-seed1.jsonl.gz",
            count, rate));
        if (Files.exists(file)) {
            return file;
        }
        System.err.printf(Locale.ROOT, "generating %,d tweets at %.0f tweets/s into %s%n", count, rate, file);
        final GeneratorConfig config = GeneratorConfig.defaults().withCount(count).withTweetsPerSecond(rate)
            .withSeed(1).withMemes(Math.max(100, (int) (count / 5_000))).withUsers(50_000);
        final Path tmp = file.resolveSibling(file.getFileName() + ".tmp.gz");
        try (Writer t = InputFiles.create(tmp); Writer l = InputFiles.create(file.resolveSibling("labels-" + file.getFileName()
            .toString().replace(".jsonl.gz", ".tsv.gz")))) {
            new TweetStreamGenerator(config).write(t, l, done -> { });
        }
        Files.move(tmp, file);
        return file;
    }
}
