package io.dikw.social.parallel;

/** How the coordinator tells workers the new state of the clusters after a batch. */
public enum SyncStrategy {
    /** Only the changes: every protomeme of the batch with the cluster it went to (the paper's cluster-delta). */
    DELTA,
    /** Every cluster's full centroid vectors and the marker map (the paper's full-centroids baseline). */
    FULL
}
