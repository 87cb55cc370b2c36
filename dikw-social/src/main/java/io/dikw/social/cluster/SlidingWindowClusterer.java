package io.dikw.social.cluster;

import io.dikw.social.protomeme.Protomeme;
import io.dikw.social.protomeme.TimeStep;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Sequential single-pass clustering of protomemes over a sliding window of time steps, after
 * Gao, Ferrara &amp; Qiu, "Parallel clustering of high-dimensional social media data streams"
 * (CCGrid 2015).
 *
 * <p>For each protomeme of a step, in order: if its marker maps to a cluster it joins that
 * cluster; while fewer than K clusters exist it starts one (the bootstrap; when the K-th starts,
 * the similarity statistics are seeded from the best similarity of each seed to the others);
 * otherwise it joins its most similar cluster when that similarity is positive and above
 * mean − t·std ({@link SimilarityStats}), or else starts a new cluster ({@link ClusterTable}).
 * Before a step is clustered, steps older than the window are subtracted from their clusters.
 *
 * <p>Cost per protomeme is proportional to the keys it shares with clusters (the inverted
 * index), not to the number or size of clusters; memory is bounded by the window.
 */
public final class SlidingWindowClusterer {
    private final ClusteringParams params;
    private final ClusterTable table;
    private final SimilarityStats stats;
    private final ArrayDeque<WindowStep> window = new ArrayDeque<>();
    private final List<Protomeme> seeds = new ArrayList<>();
    private boolean bootstrapped;
    private boolean useIndex = true;

    /** @param params the clustering parameters */
    public SlidingWindowClusterer(final ClusteringParams params) {
        this.params = Objects.requireNonNull(params, "params");
        this.table = new ClusterTable(params.maxClusters());
        this.stats = new SimilarityStats(params.outlierSigmas(), params.sigmaStep());
    }

    /**
     * Compares every protomeme with every cluster instead of using the inverted index. Results
     * are identical; this exists to prove it and to measure what the index saves.
     *
     * @return this
     */
    public SlidingWindowClusterer scanAllClusters() {
        this.useIndex = false;
        return this;
    }

    /**
     * Expires steps that left the window, then clusters the step's protomemes.
     *
     * @param step the next time step (indices must increase)
     * @return what happened
     */
    public StepStats process(final TimeStep step) {
        final long start = System.nanoTime();
        if (!window.isEmpty() && step.index() <= window.peekLast().index) {
            throw new IllegalArgumentException("steps must arrive in order: step=" + step.index()
                + " after step=" + window.peekLast().index);
        }
        final int expired = expireBefore(step.index() - params.windowSteps() + 1);
        final WindowStep entry = new WindowStep(step.index(), step.protomemes().size());
        int byMarker = 0;
        int bySimilarity = 0;
        int outliers = 0;
        int replaced = 0;
        for (final Protomeme pm : step.protomemes()) {
            table.markerEntered(pm.marker());
            final Cluster mapped = table.clusterOf(pm.marker());
            final Cluster assigned;
            if (mapped != null) {
                table.add(mapped, pm);
                assigned = mapped;
                byMarker++;
            } else if (!bootstrapped) {
                assigned = table.startCluster(pm).cluster();
                outliers++; // a seed starts a cluster, as an outlier does
                seeds.add(pm);
                if (seeds.size() == params.clusters()) {
                    seedStatistics();
                }
            } else {
                stats.adapt();
                final ClusterTable.Match match = useIndex ? table.nearest(pm) : table.nearestByScan(pm);
                if (match.similarity() > 0 && match.similarity() > stats.threshold()) {
                    table.add(match.cluster(), pm);
                    table.mapMarker(pm.marker(), match.cluster());
                    stats.accept(match.similarity());
                    assigned = match.cluster();
                    bySimilarity++;
                } else {
                    final ClusterTable.Placement placement = table.startCluster(pm);
                    assigned = placement.cluster();
                    outliers++;
                    if (placement.replaced() != null) {
                        replaced++;
                    }
                }
            }
            entry.add(pm, assigned);
        }
        window.addLast(entry);
        return new StepStats(step.index(), step.startMillis(), step.tweetCount(), step.protomemes().size(),
            byMarker, bySimilarity, outliers, replaced, expired, table.size(), stats.threshold(), stats.mean(),
            stats.std(), stats.sigmas(), System.nanoTime() - start);
    }

    /**
     * Seeds the statistics when the K-th cluster starts: each seed contributes 0.5 + m/2, where m
     * is its best similarity to the other seed clusters (as the published implementation does).
     */
    private void seedStatistics() {
        bootstrapped = true;
        final List<Cluster> clusters = table.clusters();
        for (final Protomeme seed : seeds) {
            final Cluster own = table.clusterOf(seed.marker());
            double best = 0;
            for (final Cluster c : clusters) {
                if (c != own) {
                    best = Math.max(best, c.similarity(seed));
                }
            }
            stats.accept(0.5 + best / 2);
        }
        seeds.clear();
    }

    private int expireBefore(final long oldestKept) {
        int expired = 0;
        while (!window.isEmpty() && window.peekFirst().index < oldestKept) {
            final WindowStep old = window.pollFirst();
            for (int i = 0; i < old.size; i++) {
                table.expire(old.clusters[i], old.protomemes[i]);
                table.markerLeft(old.protomemes[i].marker());
            }
            expired += old.size;
        }
        return expired;
    }

    /** @return the live clusters, in slot order */
    public List<Cluster> clusters() {
        return table.clusters();
    }

    /** @return the cluster table, for summaries and diagnostics */
    public ClusterTable table() {
        return table;
    }

    /** @return the similarity statistics */
    public SimilarityStats stats() {
        return stats;
    }

    /** @return the parameters */
    public ClusteringParams params() {
        return params;
    }

    /** @return the index of the oldest step still in the window, or -1 when empty */
    public long oldestStep() {
        return window.isEmpty() ? -1 : window.peekFirst().index;
    }

    /** @return protomemes currently in the window */
    public long protomemesInWindow() {
        long n = 0;
        for (final WindowStep s : window) {
            n += s.size;
        }
        return n;
    }

    /** One step of the window: its protomemes and the clusters they joined. */
    private static final class WindowStep {
        private final long index;
        private final Protomeme[] protomemes;
        private final Cluster[] clusters;
        private int size;

        private WindowStep(final long index, final int capacity) {
            this.index = index;
            this.protomemes = new Protomeme[capacity];
            this.clusters = new Cluster[capacity];
        }

        private void add(final Protomeme pm, final Cluster cluster) {
            protomemes[size] = pm;
            clusters[size] = cluster;
            size++;
        }
    }
}
