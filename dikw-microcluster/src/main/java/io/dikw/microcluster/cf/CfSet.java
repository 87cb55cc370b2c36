package io.dikw.microcluster.cf;

import java.util.Arrays;

/**
 * A bounded set of micro-cluster feature vectors {N, LS, SS, LST, SST} (CluStream), stored as
 * flat arrays: {@code ls} and {@code ss} are row-major ({@code i * d + j}), so one cluster's
 * statistics are contiguous. No object per cluster or per point: the online phase updates these
 * arrays in place.
 *
 * <p>Each cluster also carries an {@link IdList}: the ids of the clusters merged into it, which is
 * how the window phase finds, for a cluster in an old snapshot, the cluster that holds it now.
 *
 * <p>The algebra: {@link #addPoint} absorbs a point, {@link #mergeInto} adds one cluster to another
 * (additivity), {@link #subtract} removes an older state of a cluster (subtractivity).
 */
public final class CfSet {
    private final int dims;
    private final int capacity;
    private int size;
    private final double[] n;
    private final double[] ls;
    private final double[] ss;
    private final double[] lst;
    private final double[] sst;
    private final IdList[] ids;

    /**
     * @param capacity the most clusters held
     * @param dims     the dimensions of a point
     */
    public CfSet(final int capacity, final int dims) {
        if (capacity < 1 || dims < 1) {
            throw new IllegalArgumentException("capacity=" + capacity + " and dims=" + dims + " must be at least 1");
        }
        this.capacity = capacity;
        this.dims = dims;
        this.n = new double[capacity];
        this.ls = new double[capacity * dims];
        this.ss = new double[capacity * dims];
        this.lst = new double[capacity];
        this.sst = new double[capacity];
        this.ids = new IdList[capacity];
    }

    /** @return a deep copy (statistics and id lists) */
    public CfSet copy() {
        final CfSet c = new CfSet(capacity, dims);
        c.copyFrom(this);
        return c;
    }

    /** @param other a set of the same shape whose content replaces this one's */
    public void copyFrom(final CfSet other) {
        if (other.dims != dims || other.size > capacity) {
            throw new IllegalArgumentException("shape mismatch: dims " + other.dims + " vs " + dims);
        }
        size = other.size;
        System.arraycopy(other.n, 0, n, 0, size);
        System.arraycopy(other.ls, 0, ls, 0, size * dims);
        System.arraycopy(other.ss, 0, ss, 0, size * dims);
        System.arraycopy(other.lst, 0, lst, 0, size);
        System.arraycopy(other.sst, 0, sst, 0, size);
        for (int i = 0; i < size; i++) {
            ids[i] = other.ids[i].copy();
        }
    }

    /** @return clusters held */
    public int size() {
        return size;
    }

    /** @return the most clusters held */
    public int capacity() {
        return capacity;
    }

    /** @return dimensions of a point */
    public int dims() {
        return dims;
    }

    /**
     * Appends an empty cluster.
     *
     * @param id its id
     * @return its index
     * @throws IllegalStateException when full
     */
    public int addEmpty(final long id) {
        if (size == capacity) {
            throw new IllegalStateException("micro-cluster set is full (capacity=" + capacity + ")");
        }
        final int i = size++;
        clear(i);
        ids[i] = IdList.of(id);
        return i;
    }

    /**
     * Appends a copy of cluster {@code i} of {@code from}.
     *
     * @param from another set with the same dimensions
     * @param i    the cluster to copy
     * @return its index here
     */
    public int addCopy(final CfSet from, final int i) {
        if (size == capacity) {
            throw new IllegalStateException("micro-cluster set is full (capacity=" + capacity + ")");
        }
        final int k = size++;
        n[k] = from.n[i];
        System.arraycopy(from.ls, i * dims, ls, k * dims, dims);
        System.arraycopy(from.ss, i * dims, ss, k * dims, dims);
        lst[k] = from.lst[i];
        sst[k] = from.sst[i];
        ids[k] = from.ids[i].copy();
        return k;
    }

    private void clear(final int i) {
        n[i] = 0;
        Arrays.fill(ls, i * dims, (i + 1) * dims, 0);
        Arrays.fill(ss, i * dims, (i + 1) * dims, 0);
        lst[i] = 0;
        sst[i] = 0;
    }

    /**
     * Resets cluster {@code i} to hold nothing but a new id (the slot is reused).
     *
     * @param i  the cluster
     * @param id its new id
     */
    public void reset(final int i, final long id) {
        clear(i);
        ids[i] = IdList.of(id);
    }

    /**
     * Absorbs one point.
     *
     * @param i      the cluster
     * @param points flat point values
     * @param offset where the point starts in {@code points}
     * @param time   the point's timestamp
     */
    public void addPoint(final int i, final double[] points, final int offset, final double time) {
        final int base = i * dims;
        for (int j = 0; j < dims; j++) {
            final double x = points[offset + j];
            ls[base + j] += x;
            ss[base + j] += x * x;
        }
        n[i] += 1;
        lst[i] += time;
        sst[i] += time * time;
    }

    /**
     * Adds cluster {@code from} into cluster {@code into} (additivity); ids are united.
     * {@code from} is left unchanged; the caller removes or resets it.
     *
     * @param into the cluster that grows
     * @param from the cluster added
     */
    public void mergeInto(final int into, final int from) {
        addStats(into, this, from);
        ids[into].addAll(ids[from]);
    }

    /**
     * Adds the statistics of cluster {@code i} of {@code other} into cluster {@code into}.
     *
     * @param into  a cluster here
     * @param other a set of the same dimensions
     * @param i     a cluster there
     */
    public void addStats(final int into, final CfSet other, final int i) {
        final int a = into * dims;
        final int b = i * dims;
        for (int j = 0; j < dims; j++) {
            ls[a + j] += other.ls[b + j];
            ss[a + j] += other.ss[b + j];
        }
        n[into] += other.n[i];
        lst[into] += other.lst[i];
        sst[into] += other.sst[i];
    }

    /**
     * Subtracts an older state (cluster {@code i} of {@code older}) from cluster {@code into}
     * (subtractivity): what remains summarizes the points added since.
     *
     * @param into  a cluster here
     * @param older a set of the same dimensions (a snapshot)
     * @param i     a cluster there
     */
    public void subtract(final int into, final CfSet older, final int i) {
        final int a = into * dims;
        final int b = i * dims;
        for (int j = 0; j < dims; j++) {
            ls[a + j] -= older.ls[b + j];
            ss[a + j] -= older.ss[b + j];
        }
        n[into] -= older.n[i];
        lst[into] -= older.lst[i];
        sst[into] -= older.sst[i];
    }

    /**
     * Removes cluster {@code i} by moving the last one into its slot (order is not kept).
     *
     * @param i the cluster to remove
     */
    public void removeSwap(final int i) {
        final int last = size - 1;
        if (i != last) {
            n[i] = n[last];
            System.arraycopy(ls, last * dims, ls, i * dims, dims);
            System.arraycopy(ss, last * dims, ss, i * dims, dims);
            lst[i] = lst[last];
            sst[i] = sst[last];
            ids[i] = ids[last];
        }
        ids[last] = null;
        size = last;
    }

    /** Removes every cluster. */
    public void clearAll() {
        Arrays.fill(ids, 0, size, null);
        size = 0;
    }

    /** @param i a cluster @return its number of points N */
    public double n(final int i) {
        return n[i];
    }

    /** @param i a cluster @param j a dimension @return LS_j */
    public double ls(final int i, final int j) {
        return ls[i * dims + j];
    }

    /** @param i a cluster @param j a dimension @return SS_j */
    public double ss(final int i, final int j) {
        return ss[i * dims + j];
    }

    /** @param i a cluster @return LST, the sum of timestamps */
    public double lst(final int i) {
        return lst[i];
    }

    /** @param i a cluster @return SST, the sum of squared timestamps */
    public double sst(final int i) {
        return sst[i];
    }

    /** @param i a cluster @return its id list (live; do not keep) */
    public IdList ids(final int i) {
        return ids[i];
    }

    /**
     * @param i   a cluster (N &gt; 0)
     * @param out receives the centroid LS / N in {@code out[offset .. offset + d)}
     * @param offset where to write
     */
    public void centroid(final int i, final double[] out, final int offset) {
        final double inv = 1.0 / n[i];
        final int base = i * dims;
        for (int j = 0; j < dims; j++) {
            out[offset + j] = ls[base + j] * inv;
        }
    }

    /** @param i a cluster @return its centroid as a new array */
    public double[] centroid(final int i) {
        final double[] c = new double[dims];
        centroid(i, c, 0);
        return c;
    }

    /**
     * The sum of squared distances of the cluster's points to their centroid, from the statistics:
     * Σ_j (SS_j − LS_j² / N), never negative.
     *
     * @param i a cluster
     * @return its sum of squared errors (0 when N ≤ 1)
     */
    public double sse(final int i) {
        final double count = n[i];
        if (count <= 1) {
            return 0;
        }
        final int base = i * dims;
        double s = 0;
        for (int j = 0; j < dims; j++) {
            final double l = ls[base + j];
            s += ss[base + j] - l * l / count;
        }
        return Math.max(0, s);
    }

    /**
     * The root-mean-square distance of the cluster's points to its centroid.
     *
     * @param i a cluster
     * @return sqrt(SSE / N); 0 for a singleton
     */
    public double rmsRadius(final int i) {
        return n[i] <= 1 ? 0 : Math.sqrt(sse(i) / n[i]);
    }

    /**
     * The sum of squared distances of the cluster's points to a given centre {@code c}, exact from
     * the statistics: Σ_j (SS_j − 2 c_j LS_j + N c_j²).
     *
     * @param i      a cluster
     * @param c      centres, flat
     * @param offset where the centre starts
     * @return the cost of assigning all of the cluster's points to {@code c}
     */
    public double costTo(final int i, final double[] c, final int offset) {
        final int base = i * dims;
        final double count = n[i];
        double s = 0;
        for (int j = 0; j < dims; j++) {
            final double cj = c[offset + j];
            s += ss[base + j] - 2 * cj * ls[base + j] + count * cj * cj;
        }
        return Math.max(0, s);
    }

    /**
     * The relevance stamp of CluStream: the estimated arrival time of the m/(2N)-th percentile of
     * the cluster's most recent points, from the mean and deviation of its timestamps (normal
     * approximation); the mean when the cluster has fewer than 2m points.
     *
     * @param i a cluster
     * @param m how many recent points stand for "recent"
     * @return the stamp, in the stream's time
     */
    public double relevanceStamp(final int i, final int m) {
        final double count = n[i];
        final double mu = lst[i] / count;
        if (count < 2.0 * m) {
            return mu;
        }
        final double sigma = Math.sqrt(Math.max(0, sst[i] / count - mu * mu));
        return mu + sigma * NormalQuantile.of(1 - m / (2 * count));
    }

    /**
     * Squared Euclidean distance between the centroids of cluster {@code a} here and {@code b}.
     *
     * @param a a cluster
     * @param b another cluster
     * @return the squared distance
     */
    public double centroidDistanceSquared(final int a, final int b) {
        final int x = a * dims;
        final int y = b * dims;
        final double na = 1.0 / n[a];
        final double nb = 1.0 / n[b];
        double s = 0;
        for (int j = 0; j < dims; j++) {
            final double diff = ls[x + j] * na - ls[y + j] * nb;
            s += diff * diff;
        }
        return s;
    }

    /**
     * Ward's merge cost: how much the sum of squared errors grows when clusters {@code a} and
     * {@code b} are merged, n_a · n_b / (n_a + n_b) · ||c_a − c_b||² (= SSE(a ∪ b) − SSE(a) − SSE(b)).
     *
     * @param a a cluster
     * @param b another cluster
     * @return the increase; 0 when either is empty
     */
    public double mergeCost(final int a, final int b) {
        final double na = n[a];
        final double nb = n[b];
        if (na <= 0 || nb <= 0) {
            return 0;
        }
        return na * nb / (na + nb) * centroidDistanceSquared(a, b);
    }

    /**
     * Sets cluster i's statistics from the layout of {@link CfWire}: N, LST, SST, LS (d), SS (d).
     *
     * @param i      a cluster
     * @param flat   encoded statistics
     * @param offset where cluster i's start
     */
    void setStats(final int i, final double[] flat, final int offset) {
        n[i] = flat[offset];
        lst[i] = flat[offset + 1];
        sst[i] = flat[offset + 2];
        System.arraycopy(flat, offset + 3, ls, i * dims, dims);
        System.arraycopy(flat, offset + 3 + dims, ss, i * dims, dims);
    }

    /** @return the total number of points summarized */
    public double totalN() {
        double s = 0;
        for (int i = 0; i < size; i++) {
            s += n[i];
        }
        return s;
    }
}
