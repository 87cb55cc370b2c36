package io.dikw.social.parallel;

import io.dikw.social.cluster.Decision;
import io.dikw.social.protomeme.Protomeme;

/**
 * A worker's tentative decision for one protomeme, sent to the coordinator.
 *
 * @param seq the protomeme's position in the stream (the order the sequential algorithm uses)
 * @param worker the worker that classified it
 * @param kind what the worker decided
 * @param clusterId the cluster it joins, when that cluster existed at the last sync; else -1
 * @param clusterSeq when it joins a cluster the worker started in this batch: the seq of the
 *     protomeme that started it; else -1
 * @param similarity the best similarity the worker found
 * @param protomeme the protomeme
 */
public record Classified(long seq, int worker, Decision.Kind kind, long clusterId, long clusterSeq, double similarity,
    Protomeme protomeme) {
}
