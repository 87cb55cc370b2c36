package io.dikw.microcluster.online;

/**
 * Settings of the CluStream online phase.
 *
 * @param q              micro-clusters kept (50 in the SCluStream paper)
 * @param initPoints     points buffered and clustered by k-means++ into the first q micro-clusters
 * @param boundaryFactor t: a point joins its nearest micro-cluster when within t × its RMS radius
 * @param relevanceM     m: the "most recent m points" of the relevance stamp
 * @param horizon        a micro-cluster whose relevance stamp is older than now − horizon may be deleted (stream seconds)
 * @param seed           seed of the k-means++ initialisation
 */
public record OnlineParams(int q, int initPoints, double boundaryFactor, int relevanceM, double horizon, long seed)
    implements java.io.Serializable {
    /** Default boundary factor t (CluStream's and MOA's). */
    public static final double DEFAULT_BOUNDARY_FACTOR = 2.0;
    /** Default m of the relevance stamp. */
    public static final int DEFAULT_RELEVANCE_M = 100;

    /** Validates. */
    public OnlineParams {
        if (q < 2) {
            throw new IllegalArgumentException("q (micro-clusters) must be at least 2, got " + q);
        }
        if (initPoints < 1) {
            throw new IllegalArgumentException("init points must be at least 1, got " + initPoints);
        }
        if (!(boundaryFactor > 0)) {
            throw new IllegalArgumentException("boundary factor t must be positive, got " + boundaryFactor);
        }
        if (relevanceM < 1) {
            throw new IllegalArgumentException("relevance m must be at least 1, got " + relevanceM);
        }
        if (!(horizon > 0)) {
            throw new IllegalArgumentException("horizon must be positive, got " + horizon);
        }
    }

    /**
     * @param q          micro-clusters
     * @param initPoints initial points
     * @param horizon    deletion horizon in stream seconds
     * @param seed       seed
     * @return settings with the default t and m
     */
    public static OnlineParams of(final int q, final int initPoints, final double horizon, final long seed) {
        return new OnlineParams(q, initPoints, DEFAULT_BOUNDARY_FACTOR, DEFAULT_RELEVANCE_M, horizon, seed);
    }

    /** @param points initial points @return a copy with that many */
    public OnlineParams withInitPoints(final int points) {
        return new OnlineParams(q, points, boundaryFactor, relevanceM, horizon, seed);
    }

    /** @param s a seed @return a copy with it */
    public OnlineParams withSeed(final long s) {
        return new OnlineParams(q, initPoints, boundaryFactor, relevanceM, horizon, s);
    }
}
