package io.dikw.social.parallel;

import io.dikw.social.cluster.Decision;
import io.dikw.social.cluster.SimilarityStats;
import io.dikw.social.cluster.TableState;
import io.dikw.social.protomeme.Protomeme;
import java.util.List;

/**
 * What the coordinator publishes after each batch so every worker holds the same clusters.
 * Both kinds carry the statistics (mean, std, t) and whether the K seeds exist.
 */
public sealed interface SyncMessage permits SyncMessage.Delta, SyncMessage.Full {
    /** @return the batch number this message closes */
    long batch();

    /** @return the similarity statistics after the batch */
    SimilarityStats.State stats();

    /** @return whether the K seed clusters exist */
    boolean bootstrapped();

    /**
     * The changes of one batch, in stream order; a worker replays them on its copy.
     *
     * @param batch the batch number
     * @param stats statistics after the batch
     * @param bootstrapped whether the K seeds exist
     * @param expireBefore after the changes, expire steps older than this (-1: no expiry)
     * @param ops what happened to each protomeme
     */
    record Delta(long batch, SimilarityStats.State stats, boolean bootstrapped, long expireBefore, List<Op> ops)
        implements SyncMessage {
    }

    /**
     * The whole state after one batch; a worker replaces its copy with it.
     *
     * @param batch the batch number
     * @param stats statistics after the batch
     * @param bootstrapped whether the K seeds exist
     * @param table every cluster and the marker map
     */
    record Full(long batch, SimilarityStats.State stats, boolean bootstrapped, TableState table)
        implements SyncMessage {
    }

    /**
     * One protomeme's authoritative placement.
     *
     * @param kind how it was placed
     * @param clusterId the cluster it joined or started
     * @param similarity the similarity it was accepted with (SIMILAR), else informative only
     * @param worker the worker that classified it
     * @param protomeme the protomeme; null when the message was decoded for that worker, which
     *     holds it ({@link WireFormat#decodeSync(byte[], int)})
     */
    record Op(Decision.Kind kind, long clusterId, double similarity, int worker, Protomeme protomeme) {
    }
}
