package io.dikw.social.pipeline;

import io.dikw.social.cluster.Cluster;
import io.dikw.social.cluster.ClusteringParams;
import io.dikw.social.cluster.StepStats;
import io.dikw.social.protomeme.Vocabulary;
import io.dikw.social.quality.GroundTruth;
import io.dikw.social.quality.WindowEvaluator;
import io.dikw.social.quality.WindowQuality;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What happens after every time step, whichever engine clustered it: scoring against the ground
 * truth, running totals, forgetting display names that left the window, and telling the
 * {@link StepListener}. Also builds the final {@link RunSummary}.
 */
public final class StepReporter {
    /** Terms of each kind in a cluster summary. */
    public static final int SUMMARY_TERMS = 5;
    /** Clusters in the final summary. */
    public static final int FINAL_TOP_CLUSTERS = 10;

    private final ClusteringParams params;
    private final Vocabulary vocabulary;
    private final StepListener listener;
    private final WindowEvaluator evaluator;
    private final ClusterSummarizer summarizer;
    private final long start = System.nanoTime();
    private long steps;
    private long protomemes;
    private long clusteringNanos;
    private long qualitySteps;
    private double lfkSum;
    private double nmiSum;
    private long lastStep;
    private Supplier<Map<String, Object>> engine = Map::of;

    /**
     * @param params clustering parameters
     * @param truth ground truth, or null
     * @param vocabulary display names
     * @param listener hears every step
     */
    public StepReporter(final ClusteringParams params, final GroundTruth truth, final Vocabulary vocabulary,
        final StepListener listener) {
        this.params = params;
        this.vocabulary = vocabulary;
        this.listener = listener;
        this.evaluator = truth == null ? null : new WindowEvaluator(truth, params.windowSteps());
        this.summarizer = new ClusterSummarizer(vocabulary, truth, SUMMARY_TERMS);
    }

    /**
     * @param figures gives the engine's figures for each step's report
     * @return this
     */
    public StepReporter withEngineFigures(final Supplier<Map<String, Object>> figures) {
        this.engine = figures;
        return this;
    }

    /**
     * @param stats what clustering did in the step
     * @param stepTweetIds the step's tweets
     * @param clusters the clusters after the step
     * @param tweetsSoFar tweets read so far
     * @param rejectedSoFar records rejected so far
     */
    public void report(final StepStats stats, final long[] stepTweetIds, final List<Cluster> clusters,
        final long tweetsSoFar, final long rejectedSoFar) {
        final long index = stats.step();
        steps++;
        protomemes += stats.protomemes();
        clusteringNanos += stats.nanos();
        lastStep = index;
        WindowQuality quality = null;
        if (evaluator != null) {
            quality = evaluator.evaluate(index, stepTweetIds, clusters);
            if (quality.labelledTweets() > 0) {
                qualitySteps++;
                lfkSum += quality.lfkNmi();
                nmiSum += quality.nmi();
            }
        }
        final StepReport report = new StepReport(stats, quality, tweetsSoFar, rejectedSoFar, System.nanoTime() - start,
            engine.get());
        listener.onStep(report, n -> summaries(clusters, n, index));
        vocabulary.forgetBefore(index - params.windowSteps() + 1);
    }

    /**
     * @param clusters clusters
     * @param n how many of the largest (0 = all)
     * @param step the step they are after
     * @return their summaries, largest first
     */
    public List<ClusterSummary> summaries(final List<Cluster> clusters, final int n, final long step) {
        final List<Cluster> sorted = new ArrayList<>(clusters);
        sorted.sort(Comparator.comparingInt(Cluster::tweetCount).reversed().thenComparingLong(Cluster::id));
        final int count = n <= 0 ? sorted.size() : Math.min(n, sorted.size());
        final List<ClusterSummary> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(summarizer.summarize(step, sorted.get(i)));
        }
        return list;
    }

    /**
     * @param tweets tweets read
     * @param rejected records rejected
     * @param rejectedByReason rejections per reason
     * @param late late tweets
     * @param finalClusters the clusters at the end
     * @return the run's outcome
     */
    public RunSummary summary(final long tweets, final long rejected, final Map<String, Long> rejectedByReason,
        final long late, final List<Cluster> finalClusters) {
        final double seconds = (System.nanoTime() - start) / 1e9;
        return new RunSummary(tweets, rejected, rejectedByReason, late, protomemes, steps, finalClusters.size(),
            qualitySteps == 0 ? Double.NaN : lfkSum / qualitySteps,
            qualitySteps == 0 ? Double.NaN : nmiSum / qualitySteps,
            seconds, clusteringNanos / 1e9, seconds == 0 ? 0 : tweets / seconds,
            seconds == 0 ? 0 : protomemes / seconds, summaries(finalClusters, FINAL_TOP_CLUSTERS, lastStep));
    }
}
