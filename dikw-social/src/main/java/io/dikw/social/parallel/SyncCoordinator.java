package io.dikw.social.parallel;

import io.dikw.social.cluster.Cluster;
import io.dikw.social.cluster.ClusteringParams;
import io.dikw.social.cluster.Decision;
import io.dikw.social.cluster.SlidingWindowClusterer;
import io.dikw.social.cluster.StepStats;
import io.dikw.social.protomeme.Protomeme;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The single coordinator of parallel clustering: turns the workers' tentative decisions of one
 * batch into the authoritative clusters and the {@link SyncMessage} every worker applies.
 *
 * <p>Decisions are taken in stream order (by seq). A worker's decision stands when it is still
 * valid against the authoritative state: a join needs its cluster alive and (for a similarity
 * join) the similarity above the current threshold. Outliers and similarity joins are also
 * compared with the clusters other workers started in the same batch, which their worker could
 * not see (the paper clusters outliers among themselves): an outlier joins the best of them above
 * the threshold, and a join moves to one of them that is more similar. Without the latter, a
 * tweet's protomemes split over workers miss the cluster its first protomeme just started,
 * accepted similarities drop, and the adaptive threshold drifts away from the sequential run's. Anything else is decided afresh here.
 * With one worker every decision stands, so the result equals the sequential algorithm's.
 * Plain Java: no engine imports.
 */
public final class SyncCoordinator {
    private final SlidingWindowClusterer clusters;
    private final SyncStrategy strategy;
    private long batch;

    /**
     * @param params clustering parameters
     * @param strategy what to send after each batch
     */
    public SyncCoordinator(final ClusteringParams params, final SyncStrategy strategy) {
        // the coordinator only applies decisions (its rare own searches scan): no inverted index to maintain
        this.clusters = new SlidingWindowClusterer(params, false);
        this.strategy = strategy;
    }

    /**
     * Settles one batch.
     *
     * @param decisions every worker's decisions for the batch, in any order
     * @param expireBefore when the batch ends a time step: the oldest step the window keeps for the
     *     next step (older ones are expired after the batch); -1 otherwise
     * @return the message for the workers
     */
    public SyncMessage settle(final List<Classified> decisions, final long expireBefore) {
        return settle(decisions, null, expireBefore);
    }

    /**
     * Settles one batch that may end a time step.
     *
     * @param decisions every worker's decisions for the batch, in any order
     * @param stepEnd called when the batch ends a time step, with the clusters after the step and
     *     before expiry (exactly when the sequential algorithm would report it); null otherwise
     * @param expireBefore the oldest step the window keeps for the next step (-1: no expiry)
     * @return the message for the workers
     */
    public SyncMessage settle(final List<Classified> decisions, final Runnable stepEnd, final long expireBefore) {
        final SyncMessage[] sent = new SyncMessage[1];
        settle(decisions, stepEnd, expireBefore, m -> sent[0] = m);
        return sent[0];
    }

    /**
     * Settles one batch and hands the sync message to {@code publish} as early as it is final: a
     * delta right after the decisions are applied (workers can go on while the coordinator reports
     * the step and expires), a full copy only after the expiry it must include.
     *
     * @param decisions every worker's decisions for the batch, in any order
     * @param stepEnd called when the batch ends a time step (see {@link #settle(List, Runnable, long)}), or null
     * @param expireBefore the oldest step the window keeps for the next step (-1: no expiry)
     * @param publish receives the message
     */
    public void settle(final List<Classified> decisions, final Runnable stepEnd, final long expireBefore,
        final java.util.function.Consumer<SyncMessage> publish) {
        final List<Classified> ordered = new ArrayList<>(decisions);
        ordered.sort(Comparator.comparingLong(Classified::seq));
        final Long2ObjectHashMap<Cluster> startedBySeq = new Long2ObjectHashMap<>();
        final Map<Cluster, Integer> startedByWorker = new HashMap<>();
        final List<SyncMessage.Op> ops = new ArrayList<>(ordered.size());
        for (final Classified c : ordered) {
            final Decision decision = resolve(c, startedBySeq, startedByWorker);
            final Cluster placed = clusters.apply(c.protomeme(), decision);
            if (decision.kind().startsCluster()) {
                startedBySeq.put(c.seq(), placed);
                startedByWorker.put(placed, c.worker());
            }
            ops.add(new SyncMessage.Op(decision.kind(), placed.id(), decision.similarity(), c.worker(), c.protomeme()));
        }
        final long number = batch++;
        if (strategy == SyncStrategy.DELTA) {
            // the statistics do not change after the decisions: the message is final now
            publish.accept(new SyncMessage.Delta(number, clusters.stats().state(), clusters.isBootstrapped(),
                expireBefore, ops));
        }
        if (stepEnd != null) {
            stepEnd.run();
        }
        if (expireBefore >= 0) {
            clusters.expireBefore(expireBefore);
        }
        if (strategy == SyncStrategy.FULL) {
            publish.accept(new SyncMessage.Full(number, clusters.stats().state(), clusters.isBootstrapped(),
                clusters.table().snapshot()));
        }
    }

    private Decision resolve(final Classified c, final Long2ObjectHashMap<Cluster> startedBySeq,
        final Map<Cluster, Integer> startedByWorker) {
        final Protomeme pm = c.protomeme();
        switch (c.kind()) {
            case MARKER -> {
                final Cluster mapped = clusters.table().clusterOf(pm.marker());
                return mapped != null ? new Decision(Decision.Kind.MARKER, mapped, 0) : clusters.decide(pm);
            }
            case SIMILAR -> {
                final Cluster target = c.clusterSeq() >= 0 ? startedBySeq.get(c.clusterSeq())
                    : clusters.table().byId(c.clusterId());
                if (target == null || target.isRetired() || clusters.table().clusterOf(pm.marker()) != null) {
                    return clusters.decide(pm);
                }
                clusters.stats().adapt();
                // a cluster another worker started in this batch may fit better (the worker could not see it)
                final Decision others = outlierOrJoinOthers(c, startedByWorker);
                if (others.kind() == Decision.Kind.SIMILAR && others.similarity() > c.similarity()) {
                    return others;
                }
                if (c.similarity() > clusters.stats().threshold()) {
                    return new Decision(Decision.Kind.SIMILAR, target, c.similarity());
                }
                return others;
            }
            case OUTLIER -> {
                if (clusters.table().clusterOf(pm.marker()) != null || !clusters.isBootstrapped()) {
                    return clusters.decide(pm);
                }
                clusters.stats().adapt();
                return outlierOrJoinOthers(c, startedByWorker);
            }
            case SEED -> {
                return clusters.isBootstrapped() || clusters.table().clusterOf(pm.marker()) != null
                    ? clusters.decide(pm) : new Decision(Decision.Kind.SEED, null, 0);
            }
            default -> throw new IllegalStateException("unknown decision " + c.kind());
        }
    }

    /**
     * Compares a protomeme with the clusters other workers started in this batch, which its worker
     * could not see. (Also comparing with the clusters other workers' protomemes of the same tweets
     * joined was tried: it moved LFK-NMI further from the sequential run, not closer.)
     */
    private Decision outlierOrJoinOthers(final Classified c, final Map<Cluster, Integer> startedByWorker) {
        Cluster best = null;
        double bestSim = 0;
        final List<Cluster> candidates = new ArrayList<>();
        for (final Map.Entry<Cluster, Integer> e : startedByWorker.entrySet()) {
            if (e.getValue() != c.worker()) {
                candidates.add(e.getKey());
            }
        }
        for (final Cluster other : candidates) {
            if (!other.isRetired()) {
                final double sim = other.similarity(c.protomeme());
                if (sim > bestSim || (sim == bestSim && best != null && other.id() < best.id())) {
                    best = other;
                    bestSim = sim;
                }
            }
        }
        if (best != null && bestSim > 0 && bestSim > clusters.stats().threshold()) {
            return new Decision(Decision.Kind.SIMILAR, best, bestSim);
        }
        return new Decision(Decision.Kind.OUTLIER, null, c.similarity());
    }

    /**
     * Reports what happened since the last report (call at the end of each time step).
     *
     * @param step the step index
     * @param startMillis its start
     * @param tweets its tweets
     * @param nanos time spent on it
     * @return the statistics
     */
    public StepStats takeStepStats(final long step, final long startMillis, final int tweets, final long nanos) {
        return clusters.takeStepStats(step, startMillis, tweets, nanos);
    }

    /** @return the authoritative clusters */
    public SlidingWindowClusterer clusters() {
        return clusters;
    }

    /** @return the next batch number */
    public long nextBatch() {
        return batch;
    }

    /** @return the strategy */
    public SyncStrategy strategy() {
        return strategy;
    }
}
