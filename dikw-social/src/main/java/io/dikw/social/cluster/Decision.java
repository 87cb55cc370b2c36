package io.dikw.social.cluster;

/**
 * What the clustering rule decided for one protomeme.
 *
 * @param kind how it is placed
 * @param cluster the cluster it joins (for {@link Kind#MARKER} and {@link Kind#SIMILAR}), else null
 * @param similarity the best similarity found (0 when none was computed)
 */
public record Decision(Kind kind, Cluster cluster, double similarity) {

    /** How a protomeme is placed. */
    public enum Kind {
        /** Its marker maps to a cluster: it joins it; statistics untouched. */
        MARKER,
        /** It joins its most similar cluster; the similarity enters the statistics. */
        SIMILAR,
        /** Nothing is similar enough: it starts a new cluster. */
        OUTLIER,
        /** Fewer than K clusters exist yet: it seeds a new one. */
        SEED;

        /** @return true when the protomeme starts a new cluster */
        public boolean startsCluster() {
            return this == OUTLIER || this == SEED;
        }
    }
}
