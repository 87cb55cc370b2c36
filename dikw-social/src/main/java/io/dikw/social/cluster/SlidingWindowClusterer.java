package io.dikw.social.cluster;

import io.dikw.social.protomeme.Protomeme;
import io.dikw.social.protomeme.TimeStep;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>The rule is split into {@link #decide} (read-only but for t's adaptation) and {@link #apply}
 * so the parallel version can decide on workers and apply on a coordinator and on replicas.
 * Cost per protomeme is proportional to the keys it shares with clusters (the inverted index), not
 * to the number or size of clusters; memory is bounded by the window.
 */
public final class SlidingWindowClusterer {
    private final ClusteringParams params;
    private final ClusterTable table;
    private SimilarityStats stats;
    private final ArrayDeque<WindowStep> window = new ArrayDeque<>();
    private final List<Protomeme> seeds = new ArrayList<>();
    private boolean bootstrapped;
    private boolean useIndex = true;
    private final Counters counters = new Counters();
    // saved at beginSpeculation
    private SimilarityStats.State savedStats;
    private boolean savedBootstrapped;
    private int savedSeeds;

    /** @param params the clustering parameters */
    public SlidingWindowClusterer(final ClusteringParams params) {
        this(params, true);
    }

    /**
     * @param params the clustering parameters
     * @param indexed false to keep no inverted index: for a copy that applies decisions but rarely
     *     searches (a parallel coordinator), where maintaining the index costs more than it saves
     */
    public SlidingWindowClusterer(final ClusteringParams params, final boolean indexed) {
        this.params = Objects.requireNonNull(params, "params");
        this.table = new ClusterTable(params.maxClusters(), indexed);
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
        expireBefore(step.index() - params.windowSteps() + 1);
        for (final Protomeme pm : step.protomemes()) {
            apply(pm, decide(pm));
        }
        return takeStepStats(step.index(), step.startMillis(), step.tweetCount(), System.nanoTime() - start);
    }

    /**
     * Decides where a protomeme goes, without changing any cluster. Before a similarity-based
     * decision, t adapts (see {@link SimilarityStats#adapt()}), as in the sequential algorithm.
     *
     * @param pm the protomeme
     * @return the decision
     */
    public Decision decide(final Protomeme pm) {
        final Cluster mapped = table.clusterOf(pm.marker());
        if (mapped != null) {
            return new Decision(Decision.Kind.MARKER, mapped, 0);
        }
        if (!bootstrapped) {
            return new Decision(Decision.Kind.SEED, null, 0);
        }
        stats.adapt();
        final ClusterTable.Match match = useIndex ? table.nearest(pm) : table.nearestByScan(pm);
        if (match.similarity() > 0 && match.similarity() > stats.threshold()) {
            return new Decision(Decision.Kind.SIMILAR, match.cluster(), match.similarity());
        }
        return new Decision(Decision.Kind.OUTLIER, null, match.similarity());
    }

    /**
     * Applies a decision: the protomeme joins or starts a cluster and enters the window.
     *
     * @param pm the protomeme (its step must not be older than the newest step in the window)
     * @param decision where it goes ({@link Decision#cluster()} must be live for joins)
     * @return the cluster it is now in
     */
    public Cluster apply(final Protomeme pm, final Decision decision) {
        final Cluster assigned = applyToClusters(pm, decision);
        addToWindow(pm, assigned);
        return assigned;
    }

    /** {@link #apply} without entering the window (the window is rebuilt in stream order at a sync). */
    private Cluster applyToClusters(final Protomeme pm, final Decision decision) {
        lastReplaced = null;
        table.markerEntered(pm.marker());
        final Cluster assigned;
        switch (decision.kind()) {
            case MARKER -> {
                requireLive(decision.cluster(), pm);
                table.add(decision.cluster(), pm);
                assigned = decision.cluster();
                counters.byMarker++;
            }
            case SIMILAR -> {
                requireLive(decision.cluster(), pm);
                table.add(decision.cluster(), pm);
                table.mapMarker(pm.marker(), decision.cluster());
                stats.accept(decision.similarity());
                assigned = decision.cluster();
                counters.bySimilarity++;
            }
            case OUTLIER, SEED -> {
                final ClusterTable.Placement placement = table.startCluster(pm);
                assigned = placement.cluster();
                counters.outliers++;
                if (placement.replaced() != null) {
                    counters.replaced++;
                    lastReplaced = placement.replaced();
                }
                if (decision.kind() == Decision.Kind.SEED) {
                    seeds.add(pm);
                    if (seeds.size() == params.clusters()) {
                        seedStatistics();
                    }
                }
            }
            default -> throw new IllegalStateException("unknown decision " + decision.kind());
        }
        return assigned;
    }

    /** @return the cluster the last {@link #apply} replaced to make room, or null */
    public Cluster lastReplaced() {
        return lastReplaced;
    }

    private static void requireLive(final Cluster cluster, final Protomeme pm) {
        if (cluster == null || cluster.isRetired()) {
            throw new IllegalArgumentException("cannot join a cluster that is not live: cluster=" + cluster
                + " marker=" + pm.marker());
        }
    }

    private void addToWindow(final Protomeme pm, final Cluster cluster) {
        WindowStep last = window.peekLast();
        if (last == null || last.index < pm.step()) {
            last = new WindowStep(pm.step());
            window.addLast(last);
            if (table.isSpeculating()) {
                speculativeSteps++;
            }
        } else if (last.index > pm.step()) {
            throw new IllegalArgumentException("protomeme of step " + pm.step() + " after step " + last.index);
        }
        last.add(pm, cluster);
    }

    private int speculativeSteps;
    private Cluster lastReplaced;

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

    /**
     * Subtracts every step older than {@code oldestKept} from its clusters.
     *
     * @param oldestKept the oldest step index that stays in the window
     * @return protomemes that left
     */
    public int expireBefore(final long oldestKept) {
        int expired = 0;
        while (!window.isEmpty() && window.peekFirst().index < oldestKept) {
            final WindowStep old = window.pollFirst();
            for (int i = 0; i < old.size; i++) {
                table.expire(old.clusters[i], old.protomemes[i]);
                table.markerLeft(old.protomemes[i].marker());
            }
            expired += old.size;
        }
        counters.expired += expired;
        return expired;
    }

    /**
     * Reports what happened since the last report and starts counting afresh.
     *
     * @param step the step index
     * @param startMillis the step's start
     * @param tweets tweets in the step
     * @param nanos time spent
     * @return the statistics
     */
    public StepStats takeStepStats(final long step, final long startMillis, final int tweets, final long nanos) {
        final Counters c = counters;
        final StepStats s = new StepStats(step, startMillis, tweets, c.byMarker + c.bySimilarity + c.outliers,
            c.byMarker, c.bySimilarity, c.outliers, c.replaced, c.expired, table.size(), stats.threshold(), stats.mean(),
            stats.std(), stats.sigmas(), nanos);
        c.reset();
        return s;
    }

    /** Drops the counts since the last report: for a replica, whose steps the coordinator reports. */
    public void discardStepStats() {
        counters.reset();
    }

    // ------------------------------------------------------------ speculation (parallel workers)

    /**
     * Starts applying decisions tentatively: everything until {@link #rollbackSpeculation()} can be
     * taken back exactly.
     */
    public void beginSpeculation() {
        savedStats = stats.state();
        savedBootstrapped = bootstrapped;
        savedSeeds = seeds.size();
        speculativeSteps = 0;
        for (final WindowStep s : window) {
            s.savedSize = s.size;
        }
        table.beginSpeculation();
    }

    /** Takes back every decision applied since {@link #beginSpeculation()}. */
    public void rollbackSpeculation() {
        table.rollback();
        stats.restore(savedStats);
        bootstrapped = savedBootstrapped;
        while (seeds.size() > savedSeeds) {
            seeds.remove(seeds.size() - 1);
        }
        dropSpeculativeWindowEntries();
    }

    /** Takes the window's entries made since {@link #beginSpeculation()} out, and the counters' too. */
    private void dropSpeculativeWindowEntries() {
        for (; speculativeSteps > 0; speculativeSteps--) {
            window.pollLast();
        }
        for (final WindowStep s : window) {
            Arrays.fill(s.protomemes, s.savedSize, s.size, null);
            Arrays.fill(s.clusters, s.savedSize, s.size, null);
            s.size = s.savedSize;
        }
        counters.reset();
    }

    /**
     * @return a mark of the speculation so far: {@link #settleSpeculation} keeps the changes made
     *     before it
     */
    public int speculationMark() {
        return table.undoSize();
    }

    /**
     * Ends a speculation keeping only the changes made before {@code mark}, and takes the window's
     * speculative entries out (the caller then applies the rest with {@link #applySettled} and
     * enters every protomeme of the speculation into the window again, in stream order, with
     * {@link #enterWindow}). Requires the bootstrap to be over when the speculation began.
     *
     * @param mark a {@link #speculationMark()}
     */
    public void settleSpeculation(final int mark) {
        if (!savedBootstrapped) {
            throw new IllegalStateException("a speculation during the bootstrap can only be rolled back whole");
        }
        table.rollbackTo(mark);
        dropSpeculativeWindowEntries();
    }

    /**
     * Applies an authoritative decision after {@link #settleSpeculation}, without entering the window.
     *
     * @param pm the protomeme
     * @param decision where it goes
     * @return the cluster it is now in
     */
    public Cluster applySettled(final Protomeme pm, final Decision decision) {
        return applyToClusters(pm, decision);
    }

    /**
     * Enters a protomeme into the window after {@link #settleSpeculation}, in stream order.
     *
     * @param pm the protomeme
     * @param cluster the cluster it joined or started
     */
    public void enterWindow(final Protomeme pm, final Cluster cluster) {
        addToWindow(pm, cluster);
    }

    /** @return whether the K seeds existed when the current speculation began */
    public boolean bootstrappedAtSpeculation() {
        return savedBootstrapped;
    }

    /**
     * Sets the statistics and bootstrap state a coordinator made authoritative.
     *
     * @param state the statistics
     * @param isBootstrapped whether the K seeds exist
     */
    public void restoreStats(final SimilarityStats.State state, final boolean isBootstrapped) {
        stats.restore(state);
        bootstrapped = isBootstrapped;
        if (bootstrapped) {
            seeds.clear();
        }
    }

    /**
     * Replaces all clusters with a coordinator's copy (full synchronization); a replica fed this
     * way keeps no window of its own, since the coordinator expires.
     *
     * @param state the clusters
     * @param statsState the statistics
     * @param isBootstrapped whether the K seeds exist
     */
    public void restoreAll(final TableState state, final SimilarityStats.State statsState, final boolean isBootstrapped) {
        window.clear();
        table.restore(state);
        restoreStats(statsState, isBootstrapped);
    }

    /** @return whether the K seed clusters exist */
    public boolean isBootstrapped() {
        return bootstrapped;
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

    /** Counts of what happened since the last {@link #takeStepStats}. */
    private static final class Counters {
        private int byMarker;
        private int bySimilarity;
        private int outliers;
        private int replaced;
        private int expired;

        private void reset() {
            byMarker = 0;
            bySimilarity = 0;
            outliers = 0;
            replaced = 0;
            expired = 0;
        }
    }

    /** One step of the window: its protomemes and the clusters they joined. */
    private static final class WindowStep {
        private final long index;
        private Protomeme[] protomemes = new Protomeme[64];
        private Cluster[] clusters = new Cluster[64];
        private int size;
        private int savedSize;

        private WindowStep(final long index) {
            this.index = index;
        }

        private void add(final Protomeme pm, final Cluster cluster) {
            if (size == protomemes.length) {
                protomemes = Arrays.copyOf(protomemes, size * 2);
                clusters = Arrays.copyOf(clusters, size * 2);
            }
            protomemes[size] = pm;
            clusters[size] = cluster;
            size++;
        }
    }
}
