package io.dikw.social.parallel;

import io.dikw.social.cluster.Cluster;
import io.dikw.social.cluster.ClusteringParams;
import io.dikw.social.cluster.Decision;
import io.dikw.social.cluster.SlidingWindowClusterer;
import io.dikw.social.protomeme.Protomeme;
import java.util.ArrayList;
import java.util.List;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongHashSet;

/**
 * One parallel clustering worker: classifies its share of the protomemes against its copy of
 * the clusters, and brings that copy up to date from the coordinator's {@link SyncMessage}s.
 *
 * <p>Within a batch the worker applies its own decisions at once, tentatively, so a protomeme sees
 * the effect of the worker's earlier ones exactly as in the sequential algorithm; other workers'
 * decisions arrive with the sync. At a delta sync the worker keeps its own decisions up to the
 * first point where the coordinator's stream-ordered placements stop commuting with them (another
 * worker started a cluster, which takes an id and a slot in stream order; the coordinator overturned
 * one of its decisions; or another worker's protomeme joined the cluster one of its new clusters
 * replaced as least recently updated); it takes back only its decisions after that point, applies
 * the other workers' joins before it, then every placement from it on, and enters the batch into
 * the window in stream order. The copy then equals the coordinator's exactly, as if everything had
 * been rolled back and replayed ({@link #replayingEverything()} does that, for comparison). With a
 * single worker every decision stands, so nothing is redone and the result is the sequential
 * algorithm's, decision for decision. Plain Java: no engine imports.
 */
public final class ClusterWorker {
    private final int index;
    private final SlidingWindowClusterer replica;
    /** Cluster id → seq of the protomeme that started it, for clusters started in this batch. */
    private final Long2LongHashMap startedBy = new Long2LongHashMap(-1);
    /** This batch's own decisions, in stream order, as applied tentatively. */
    private final List<Tentative> tentative = new ArrayList<>();
    private final LongHashSet joinedByOthers = new LongHashSet();
    private long appliedBatch = -1;
    private boolean replayAll;
    private long kept;
    private long redone;

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
        final int mark = replica.speculationMark();
        final Cluster cluster = replica.apply(pm, decision);
        tentative.add(new Tentative(pm, decision.kind(), cluster, replica.lastReplaced(), mark));
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
        startedBy.clear();
        if (message instanceof SyncMessage.Delta delta) {
            final Protomeme[] pms = protomemesOf(delta);
            if (replayAll || !replica.bootstrappedAtSpeculation()) {
                replica.rollbackSpeculation();
                for (int i = 0; i < pms.length; i++) {
                    replay(delta.ops().get(i), pms[i], true);
                }
                redone += tentative.size();
            } else {
                settle(delta.ops(), pms);
            }
            replica.restoreStats(delta.stats(), delta.bootstrapped());
            if (delta.expireBefore() >= 0) {
                replica.expireBefore(delta.expireBefore());
            }
        } else if (message instanceof SyncMessage.Full full) {
            replica.rollbackSpeculation();
            replica.restoreAll(full.table(), full.stats(), full.bootstrapped());
        }
        tentative.clear();
        replica.discardStepStats();
        appliedBatch = message.batch();
        replica.beginSpeculation();
    }

    /**
     * The protomeme of each op: this worker's own from its tentative decisions (a message decoded
     * for it leaves them out), the others' from the message.
     */
    private Protomeme[] protomemesOf(final SyncMessage.Delta delta) {
        final List<SyncMessage.Op> ops = delta.ops();
        final Protomeme[] pms = new Protomeme[ops.size()];
        int own = 0;
        for (int i = 0; i < pms.length; i++) {
            final SyncMessage.Op op = ops.get(i);
            if (op.worker() == index) {
                if (own == tentative.size() || (op.protomeme() != null && !tentative.get(own).isFor(op.protomeme()))) {
                    throw new IllegalStateException("worker " + index + " diverged: sync " + delta.batch()
                        + " has decisions of this worker it did not take (op " + i + ")");
                }
                pms[i] = tentative.get(own++).pm;
            } else if (op.protomeme() == null) {
                throw new IllegalStateException("sync " + delta.batch() + " lacks the protomeme of worker "
                    + op.worker() + "'s decision (op " + i + ")");
            } else {
                pms[i] = op.protomeme();
            }
        }
        if (own != tentative.size()) {
            throw new IllegalStateException("worker " + index + " diverged: sync " + delta.batch() + " has "
                + own + " of its " + tentative.size() + " decisions");
        }
        return pms;
    }

    /**
     * Keeps the own decisions before the first placement that does not commute with them, redoes
     * the rest (see the class comment).
     */
    private void settle(final List<SyncMessage.Op> ops, final Protomeme[] pms) {
        joinedByOthers.clear();
        int split = ops.size();
        int own = 0;
        for (int i = 0; i < ops.size() && split == ops.size(); i++) {
            final SyncMessage.Op op = ops.get(i);
            final Tentative t = op.worker() == index ? tentative.get(own) : null;
            if (t != null) {
                if (t.kind != op.kind() || t.cluster.id() != op.clusterId()
                    || (t.replaced != null && joinedByOthers.contains(t.replaced.id()))) {
                    split = i;
                } else {
                    own++;
                }
            } else if (op.kind().startsCluster()) {
                split = i;
            } else {
                joinedByOthers.add(op.clusterId());
            }
        }
        final int keptOwn = own;
        replica.settleSpeculation(keptOwn < tentative.size() ? tentative.get(keptOwn).mark : replica.speculationMark());
        kept += keptOwn;
        redone += tentative.size() - keptOwn;
        final Cluster[] placed = new Cluster[ops.size()];
        own = 0;
        for (int i = 0; i < split; i++) {
            final SyncMessage.Op op = ops.get(i);
            if (own < keptOwn && op.worker() == index) {
                placed[i] = tentative.get(own++).cluster;
            } else {
                placed[i] = replica.applySettled(pms[i], decisionFor(op, pms[i]));
            }
        }
        for (int i = split; i < ops.size(); i++) {
            placed[i] = replay(ops.get(i), pms[i], false);
        }
        for (int i = 0; i < ops.size(); i++) {
            replica.enterWindow(pms[i], placed[i]);
        }
    }

    /** Applies an authoritative placement, entering the window too after a whole rollback. */
    private Cluster replay(final SyncMessage.Op op, final Protomeme pm, final boolean enterWindow) {
        final Decision decision = decisionFor(op, pm);
        final Cluster placed = enterWindow ? replica.apply(pm, decision) : replica.applySettled(pm, decision);
        if (placed.id() != op.clusterId()) {
            throw new IllegalStateException("worker " + index + " diverged: started cluster " + placed.id()
                + " where the coordinator started " + op.clusterId());
        }
        return placed;
    }

    private Decision decisionFor(final SyncMessage.Op op, final Protomeme pm) {
        if (op.kind().startsCluster()) {
            return new Decision(op.kind(), null, op.similarity());
        }
        final Cluster target = replica.table().byId(op.clusterId());
        if (target == null) {
            throw new IllegalStateException("worker " + index + " diverged: cluster " + op.clusterId()
                + " of marker " + pm.marker() + " is not live here");
        }
        return new Decision(op.kind(), target, op.similarity());
    }

    /**
     * Makes every sync roll back all of the batch and replay every placement, as the published
     * protocol does: the reference {@link #applySync} must equal, and the baseline it is measured against.
     *
     * @return this
     */
    public ClusterWorker replayingEverything() {
        this.replayAll = true;
        return this;
    }

    /** @return own decisions kept at syncs so far (not taken back and redone) */
    public long keptDecisions() {
        return kept;
    }

    /** @return own decisions taken back and redone at syncs so far */
    public long redoneDecisions() {
        return redone;
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

    /** One own decision as applied tentatively, with the undo mark before it. */
    private record Tentative(Protomeme pm, Decision.Kind kind, Cluster cluster, Cluster replaced, int mark) {
        /** Protomemes are unique by step and marker. */
        boolean isFor(final Protomeme other) {
            return pm.step() == other.step() && pm.marker().equals(other.marker());
        }
    }
}
