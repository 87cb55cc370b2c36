package io.dikw.social.pipeline;

import io.dikw.core.io.DeadLetters;
import io.dikw.social.cluster.Cluster;
import io.dikw.social.cluster.ClusteringParams;
import io.dikw.social.cluster.SlidingWindowClusterer;
import io.dikw.social.cluster.StepStats;
import io.dikw.social.protomeme.PhraseAnalyzer;
import io.dikw.social.protomeme.ProtomemeExtractor;
import io.dikw.social.protomeme.TimeStep;
import io.dikw.social.protomeme.Vocabulary;
import io.dikw.social.quality.GroundTruth;
import io.dikw.social.quality.WindowEvaluator;
import io.dikw.social.quality.WindowQuality;
import io.dikw.social.tweet.Tweet;
import io.dikw.social.tweet.TweetReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The sequential meme-clustering job: tweets → time steps of protomemes → sliding-window
 * clustering → per-step reports, with quality against ground truth when labels are given.
 *
 * <p>Time steps follow the tweets' own timestamps: the first step starts at the first tweet's
 * time rounded down to a step boundary. A tweet older than the current step (out of order) is
 * counted as late and joins the current step; steps without tweets are skipped.
 */
public final class SequentialPipeline {
    /** Terms of each kind in a cluster summary. */
    public static final int SUMMARY_TERMS = 5;
    /** Clusters in the final summary. */
    public static final int FINAL_TOP_CLUSTERS = 10;

    private final ClusteringParams params;
    private final GroundTruth truth;
    private final StepListener listener;
    private Set<String> excludedHashtags = Set.of();

    /**
     * @param params clustering parameters
     * @param truth ground-truth labels, or null
     * @param listener hears every step
     */
    public SequentialPipeline(final ClusteringParams params, final GroundTruth truth, final StepListener listener) {
        this.params = params;
        this.truth = truth;
        this.listener = listener;
    }

    /**
     * Builds no protomeme for these hashtags (ground-truth hashtags in a hashtag-based evaluation).
     *
     * @param hashtags hashtags without '#', any case
     * @return this
     */
    public SequentialPipeline excludingHashtags(final Set<String> hashtags) {
        this.excludedHashtags = Set.copyOf(hashtags);
        return this;
    }

    /**
     * Runs until the reader is exhausted.
     *
     * @param reader the tweets (its dead letters receive bad records)
     * @param deadLetters the dead letters the reader writes to, for the summary's counts
     * @return the outcome
     * @throws IOException when reading fails
     */
    public RunSummary run(final TweetReader reader, final DeadLetters deadLetters) throws IOException {
        final long start = System.nanoTime();
        final Vocabulary vocabulary = new Vocabulary();
        final SlidingWindowClusterer clusterer = new SlidingWindowClusterer(params);
        final WindowEvaluator evaluator = truth == null ? null : new WindowEvaluator(truth, params.windowSteps());
        final ClusterSummarizer summarizer = new ClusterSummarizer(vocabulary, truth, SUMMARY_TERMS);
        final long stepMillis = params.step().toMillis();
        final Totals totals = new Totals();
        try (PhraseAnalyzer analyzer = new PhraseAnalyzer()) {
            final ProtomemeExtractor extractor = new ProtomemeExtractor(analyzer, vocabulary, excludedHashtags);
            long origin = Long.MIN_VALUE;
            long current = -1;
            Tweet tweet;
            while ((tweet = reader.next()) != null) {
                if (origin == Long.MIN_VALUE) {
                    origin = Math.floorDiv(tweet.createdAtMillis(), stepMillis) * stepMillis;
                    current = 0;
                }
                final long step = Math.floorDiv(tweet.createdAtMillis() - origin, stepMillis);
                if (step > current) {
                    if (extractor.pendingTweets() > 0) {
                        finishStep(extractor, current, origin, clusterer, evaluator, summarizer, vocabulary,
                            reader, totals, start);
                    }
                    current = step;
                } else if (step < current) {
                    totals.late++;
                }
                extractor.add(tweet, current);
            }
            if (extractor.pendingTweets() > 0) {
                finishStep(extractor, current, origin, clusterer, evaluator, summarizer, vocabulary, reader, totals,
                    start);
            }
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        final List<ClusterSummary> top = summaries(clusterer.clusters(), FINAL_TOP_CLUSTERS, summarizer, totals.lastStep);
        return new RunSummary(reader.tweetsRead(), deadLetters.count(), deadLetters.countsByReason(), totals.late,
            totals.protomemes, totals.steps, clusterer.clusters().size(),
            totals.qualitySteps == 0 ? Double.NaN : totals.lfkSum / totals.qualitySteps,
            totals.qualitySteps == 0 ? Double.NaN : totals.nmiSum / totals.qualitySteps,
            seconds, totals.clusteringNanos / 1e9, seconds == 0 ? 0 : reader.tweetsRead() / seconds,
            seconds == 0 ? 0 : totals.protomemes / seconds, top);
    }

    private void finishStep(final ProtomemeExtractor extractor, final long index, final long origin,
        final SlidingWindowClusterer clusterer, final WindowEvaluator evaluator, final ClusterSummarizer summarizer,
        final Vocabulary vocabulary, final TweetReader reader, final Totals totals, final long start) {
        final TimeStep step = extractor.finishStep(index, origin + index * params.step().toMillis());
        final StepStats stats = clusterer.process(step);
        vocabulary.forgetBefore(index - params.windowSteps() + 1);
        totals.steps++;
        totals.protomemes += stats.protomemes();
        totals.clusteringNanos += stats.nanos();
        totals.lastStep = index;
        WindowQuality quality = null;
        if (evaluator != null) {
            quality = evaluator.evaluate(index, step.tweetIds(), clusterer.clusters());
            if (quality.labelledTweets() > 0) {
                totals.qualitySteps++;
                totals.lfkSum += quality.lfkNmi();
                totals.nmiSum += quality.nmi();
            }
        }
        final StepReport report = new StepReport(stats, quality, reader.tweetsRead(),
            reader.rejected(), System.nanoTime() - start);
        listener.onStep(report, n -> summaries(clusterer.clusters(), n, summarizer, index));
    }

    private static List<ClusterSummary> summaries(final List<Cluster> clusters, final int n,
        final ClusterSummarizer summarizer, final long step) {
        final List<Cluster> sorted = new ArrayList<>(clusters);
        sorted.sort(Comparator.comparingInt(Cluster::tweetCount).reversed().thenComparingLong(Cluster::id));
        final int count = n <= 0 ? sorted.size() : Math.min(n, sorted.size());
        final List<ClusterSummary> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(summarizer.summarize(step, sorted.get(i)));
        }
        return list;
    }

    /** Running totals of one run. */
    private static final class Totals {
        private long steps;
        private long protomemes;
        private long late;
        private long clusteringNanos;
        private long qualitySteps;
        private double lfkSum;
        private double nmiSum;
        private long lastStep;
    }
}
