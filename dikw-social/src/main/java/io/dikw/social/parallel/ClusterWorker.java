package io.dikw.social.parallel;

import io.dikw.social.cluster.Cluster;
import io.dikw.social.cluster.ClusteringParams;
import io.dikw.social.cluster.Decision;
import io.dikw.social.cluster.SlidingWindowClusterer;
import io.dikw.social.protomeme.Protomeme;
import org.agrona.collections.Long2LongHashMap;

/**
 * One parallel clustering worker: classifies its share of the protomemes against its copy of
 * the clusters, and brings that copy up to date from the coordinator's {@link SyncMessage}s.
 *
 * <p>Within a batch the worker applies its own decisions at once, tentatively, so a protomeme sees
 * the effect of the worker's earlier ones exactly as in the sequential algorithm; other workers'
 * decisions arrive with the sync. At the sync the tentative changes are rolled back exactly and
 * the authoritative ones applied, so all copies stay identical. With a single worker the result
 * is therefore the sequential algorithm's, decision for decision. Plain Java: no engine imports.
 */
public final class ClusterWorker {
    private final int index;
    private final SlidingWindowClusterer replica;
    /** Cluster id → seq of the protomeme that started it, for clusters started in this batch. */
    private final Long2LongHashMap startedBy = new Long2LongHashMap(-1);
    private long appliedBatch = -1;

    /**
     * @param index this worker's number, 0-based
     * @param params clustering parameters (the same on every worker and the coordinator)
     */
    public ClusterWorker(final int index, final ClusteringParams params) {
        this.index = index;
        this.replica = new SlidingWindowClusterer(params);
        replica.beginSpeculation();
    }

    /**
     * Classifies a protomeme and applies the decision tentatively.
     *
     * @param seq its position in the stream
     * @param pm the protomeme
     * @return the decision, for the coordinator
     */
    public Classified classify(final long seq, final Protomeme pm) {
        final Decision decision = replica.decide(pm);
        final Cluster cluster = replica.apply(pm, decision);
        long clusterId = -1;
        long clusterSeq = -1;
        if (decision.kind().startsCluster()) {
            startedBy.put(cluster.id(), seq);
        } else {
            final long started = startedBy.get(cluster.id());
            if (started >= 0) {
                clusterSeq = started;
            } else {
                clusterId = cluster.id();
            }
        }
        return new Classified(seq, index, decision.kind(), clusterId, clusterSeq, decision.similarity(), pm);
    }

    /**
     * Replaces the tentative changes of the batch with the coordinator's.
     *
     * @param message the sync for the batch this worker just finished
     * @throws IllegalStateException when the message does not follow the last one applied, or the
     *     copy no longer matches the coordinator's (a bug, never expected)
     */
    public void applySync(final SyncMessage message) {
        if (message.batch() != appliedBatch + 1) {
            throw new IllegalStateException("sync out of order: worker " + index + " expected batch "
                + (appliedBatch + 1) + ", got " + message.batch());
        }
        replica.rollbackSpeculation();
        startedBy.clear();
        if (message instanceof SyncMessage.Delta delta) {
            for (final SyncMessage.Op op : delta.ops()) {
                replay(op);
            }
            replica.restoreStats(delta.stats(), delta.bootstrapped());
            if (delta.expireBefore() >= 0) {
                replica.expireBefore(delta.expireBefore());
            }
        } else if (message instanceof SyncMessage.Full full) {
            replica.restoreAll(full.table(), full.stats(), full.bootstrapped());
        }
        replica.discardStepStats();
        appliedBatch = message.batch();
        replica.beginSpeculation();
    }

    private void replay(final SyncMessage.Op op) {
        final Decision decision;
        if (op.kind().startsCluster()) {
            decision = new Decision(op.kind(), null, op.similarity());
        } else {
            final Cluster target = replica.table().byId(op.clusterId());
            if (target == null) {
                throw new IllegalStateException("worker " + index + " diverged: cluster " + op.clusterId()
                    + " of marker " + op.protomeme().marker() + " is not live here");
            }
            decision = new Decision(op.kind(), target, op.similarity());
        }
        final Cluster placed = replica.apply(op.protomeme(), decision);
        if (placed.id() != op.clusterId()) {
            throw new IllegalStateException("worker " + index + " diverged: started cluster " + placed.id()
                + " where the coordinator started " + op.clusterId());
        }
    }

    /** @return this worker's number */
    public int index() {
        return index;
    }

    /** @return the last batch applied, -1 before any */
    public long appliedBatch() {
        return appliedBatch;
    }

    /** @return the worker's copy (read-only use: summaries, tests) */
    public SlidingWindowClusterer replica() {
        return replica;
    }
}
