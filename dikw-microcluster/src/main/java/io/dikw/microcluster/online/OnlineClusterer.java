package io.dikw.microcluster.online;

import io.dikw.microcluster.cf.CfSet;
import io.dikw.microcluster.offline.WeightedKMeans;
import java.util.SplittableRandom;

/**
 * The CluStream online phase over one stream (or one partition of it): keeps at most q
 * micro-clusters up to date, one point at a time.
 * <ol>
 *   <li>The first {@code initPoints} points are buffered, then clustered by k-means++ and Lloyd into
 *       the first q micro-clusters.</li>
 *   <li>Each later point goes to its nearest micro-cluster when within its maximum boundary:
 *       t × RMS radius, or for a singleton the distance to its nearest other micro-cluster.</li>
 *   <li>Otherwise it starts a new micro-cluster. When all q slots are taken, the least relevant
 *       micro-cluster is dropped if its relevance stamp is older than now − horizon, else the two
 *       closest micro-clusters are merged.</li>
 * </ol>
 * Centroids are cached dimension-major for {@link NearestCentroid}. Not thread-safe: one per partition.
 */
public final class OnlineClusterer {
    private final OnlineParams params;
    private final int dims;
    private final int q;
    private final CfSet clusters;
    private final double[] centroids;
    private final double[] acc;
    private final double[] pairAcc;
    private final double[] initBuffer;
    private final double[] initTimes;
    private final long idBase;
    private final OnlineStats stats = new OnlineStats();
    private int buffered;
    private boolean initialized;
    private long nextId;

    /**
     * @param params settings
     * @param dims   dimensions of a point
     * @param idBase the first micro-cluster id (partitions use disjoint ranges)
     */
    public OnlineClusterer(final OnlineParams params, final int dims, final long idBase) {
        this.params = params;
        this.dims = dims;
        this.q = params.q();
        this.clusters = new CfSet(q, dims);
        this.centroids = new double[q * dims];
        this.acc = new double[q];
        this.pairAcc = new double[q * q];
        this.initBuffer = new double[params.initPoints() * dims];
        this.initTimes = new double[params.initPoints()];
        this.idBase = idBase;
        this.nextId = idBase;
    }

    /** @return the live micro-clusters (read-only use; changes with every point) */
    public CfSet clusters() {
        return clusters;
    }

    /** @return decision counts */
    public OnlineStats stats() {
        return stats;
    }

    /** @return dimensions */
    public int dims() {
        return dims;
    }

    /** @return true once the initial k-means++ has run */
    public boolean initialized() {
        return initialized;
    }

    /** @return the first id this clusterer hands out */
    public long idBase() {
        return idBase;
    }

    /**
     * Processes one point.
     *
     * @param points flat point values
     * @param offset where the point starts
     * @param time   its timestamp (stream seconds, non-decreasing)
     * @return what was done with it
     */
    public Decision add(final double[] points, final int offset, final double time) {
        final Decision d = initialized ? place(points, offset, time) : buffer(points, offset, time);
        stats.count(d);
        return d;
    }

    /**
     * Runs the initialisation on whatever is buffered, when fewer than {@code initPoints} points
     * arrived before a result is needed (a batch ends early in the stream).
     */
    public void initializeNow() {
        if (!initialized && buffered > 0) {
            initialize();
        }
    }

    private Decision buffer(final double[] points, final int offset, final double time) {
        System.arraycopy(points, offset, initBuffer, buffered * dims, dims);
        initTimes[buffered++] = time;
        if (buffered == params.initPoints()) {
            initialize();
        }
        return Decision.BUFFERED;
    }

    private void initialize() {
        final SplittableRandom random = new SplittableRandom(params.seed() ^ idBase);
        final WeightedKMeans.Result r = WeightedKMeans.cluster(initBuffer, null, buffered, dims,
            Math.min(q, buffered), 1, random);
        final int[] slotOf = new int[r.k()];
        java.util.Arrays.fill(slotOf, -1);
        for (int p = 0; p < buffered; p++) {
            final int c = r.assignment()[p];
            if (slotOf[c] < 0) {
                slotOf[c] = clusters.addEmpty(nextId++);
            }
            clusters.addPoint(slotOf[c], initBuffer, p * dims, initTimes[p]);
        }
        for (int i = 0; i < clusters.size(); i++) {
            refreshCentroid(i);
        }
        initialized = true;
        buffered = 0;
    }

    private Decision place(final double[] points, final int offset, final double time) {
        final int size = clusters.size();
        if (size == 0) {
            final int i = clusters.addEmpty(nextId++);
            absorb(i, points, offset, time);
            return Decision.CREATED;
        }
        final int nearest = NearestCentroid.nearest(centroids, q, size, dims, points, offset, acc);
        final double dist2 = acc[nearest];
        if (dist2 <= boundarySquared(nearest, size)) {
            absorb(nearest, points, offset, time);
            return Decision.ABSORBED;
        }
        if (size < q) {
            absorb(clusters.addEmpty(nextId++), points, offset, time);
            return Decision.CREATED;
        }
        final int stale = leastRelevant(size);
        if (clusters.relevanceStamp(stale, params.relevanceM()) < time - params.horizon()) {
            clusters.reset(stale, nextId++);
            absorb(stale, points, offset, time);
            return Decision.REPLACED_STALE;
        }
        final long pair = closestPair(size);
        final int a = (int) (pair >>> 32);
        final int b = (int) pair;
        clusters.mergeInto(a, b);
        refreshCentroid(a);
        clusters.reset(b, nextId++);
        absorb(b, points, offset, time);
        return Decision.MERGED_CLOSEST;
    }

    /** The squared maximum boundary of micro-cluster i. */
    private double boundarySquared(final int i, final int size) {
        final double t = params.boundaryFactor();
        if (clusters.n(i) > 1) {
            final double r = clusters.rmsRadius(i);
            return t * t * r * r;
        }
        // a singleton has no radius: use the distance to its nearest neighbour
        double best = Double.POSITIVE_INFINITY;
        for (int o = 0; o < size; o++) {
            if (o != i) {
                double s = 0;
                for (int j = 0; j < dims; j++) {
                    final double diff = centroids[j * q + i] - centroids[j * q + o];
                    s += diff * diff;
                }
                best = Math.min(best, s);
            }
        }
        return best;
    }

    private int leastRelevant(final int size) {
        int best = 0;
        double bestStamp = Double.POSITIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            final double s = clusters.relevanceStamp(i, params.relevanceM());
            if (s < bestStamp) {
                bestStamp = s;
                best = i;
            }
        }
        return best;
    }

    /** The two closest centroids, packed as (a << 32) | b with a &lt; b. */
    private long closestPair(final int size) {
        java.util.Arrays.fill(pairAcc, 0, size * q, 0);
        for (int j = 0; j < dims; j++) {
            final int base = j * q;
            for (int a = 0; a < size; a++) {
                final double ca = centroids[base + a];
                final int row = a * q;
                for (int b = a + 1; b < size; b++) {
                    final double diff = ca - centroids[base + b];
                    pairAcc[row + b] += diff * diff;
                }
            }
        }
        int bestA = 0;
        int bestB = 1;
        double best = Double.POSITIVE_INFINITY;
        for (int a = 0; a < size; a++) {
            final int row = a * q;
            for (int b = a + 1; b < size; b++) {
                if (pairAcc[row + b] < best) {
                    best = pairAcc[row + b];
                    bestA = a;
                    bestB = b;
                }
            }
        }
        return ((long) bestA << 32) | bestB;
    }

    private void absorb(final int i, final double[] points, final int offset, final double time) {
        clusters.addPoint(i, points, offset, time);
        refreshCentroid(i);
    }

    private void refreshCentroid(final int i) {
        final double inv = 1.0 / clusters.n(i);
        for (int j = 0; j < dims; j++) {
            centroids[j * q + i] = clusters.ls(i, j) * inv;
        }
    }

    /** Recomputes every cached centroid (after the cluster set was changed from outside). */
    public void refreshAll() {
        for (int i = 0; i < clusters.size(); i++) {
            refreshCentroid(i);
        }
    }
}
