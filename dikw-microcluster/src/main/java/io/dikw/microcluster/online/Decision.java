package io.dikw.microcluster.online;

/** What the online phase did with a point: the counts of each are kept in {@link OnlineStats}. */
public enum Decision {
    /** Buffered for the k-means++ initialisation. */
    BUFFERED,
    /** Joined its nearest micro-cluster (within the maximum boundary). */
    ABSORBED,
    /** Started a new micro-cluster in a free slot. */
    CREATED,
    /** Started a new micro-cluster in place of the least relevant one, older than the horizon. */
    REPLACED_STALE,
    /** Started a new micro-cluster after the two closest were merged. */
    MERGED_CLOSEST
}
