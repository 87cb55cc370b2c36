package io.dikw.microcluster.engine;

import io.dikw.microcluster.eval.Quality;
import io.dikw.microcluster.offline.MacroClusters;

/**
 * What one batch produced, with the paper's per-batch metrics.
 *
 * @param batch             batch index (0-based)
 * @param end               the batch's end in stream seconds
 * @param batchPoints       points in this batch
 * @param totalPoints       points so far
 * @param windowPoints      points summarized by the window's micro-clusters (Σ N)
 * @param microClusters     micro-clusters in the window after the merge
 * @param macro             the macro clusters
 * @param quality           scores over the window's points; null when not evaluating
 * @param processingMillis  from the first partition starting the batch to the macro clusters being ready
 * @param schedulingDelayMillis from the batch being handed over to its processing starting
 */
public record BatchResult(long batch, double end, long batchPoints, long totalPoints, double windowPoints,
    int microClusters, MacroClusters macro, Quality quality, double processingMillis, double schedulingDelayMillis) {
}
