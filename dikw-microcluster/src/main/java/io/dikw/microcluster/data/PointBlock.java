package io.dikw.microcluster.data;

/**
 * A block of consecutive points, flat: point p is {@code values[p * dims .. (p + 1) * dims)}, its
 * timestamp {@code times[p]} and its label {@code labels[p]} (−1 when unlabelled). Filled by one
 * thread, then handed over and only read.
 */
public final class PointBlock {
    private final int dims;
    private final double[] values;
    private final double[] times;
    private final int[] labels;
    private int count;

    /**
     * @param dims     dimensions
     * @param capacity points at most
     */
    public PointBlock(final int dims, final int capacity) {
        this.dims = dims;
        this.values = new double[dims * capacity];
        this.times = new double[capacity];
        this.labels = new int[capacity];
    }

    /** @return dimensions */
    public int dims() {
        return dims;
    }

    /** @return points held */
    public int count() {
        return count;
    }

    /** @return true when no more fit */
    public boolean full() {
        return count == times.length;
    }

    /** @return the flat values (read only) */
    public double[] values() {
        return values;
    }

    /** @return the timestamps (read only) */
    public double[] times() {
        return times;
    }

    /** @return the labels (read only; −1 for none) */
    public int[] labels() {
        return labels;
    }

    /**
     * Appends a point copied from a flat array.
     *
     * @param src    flat values
     * @param offset where the point starts
     * @param time   its timestamp
     * @param label  its label or −1
     */
    public void add(final double[] src, final int offset, final double time, final int label) {
        System.arraycopy(src, offset, values, count * dims, dims);
        times[count] = time;
        labels[count] = label;
        count++;
    }

    /**
     * Builds a block over existing arrays (no copy), e.g. a tuple received by a bolt.
     *
     * @param dims   dimensions
     * @param values flat values
     * @param times  timestamps
     * @param labels labels
     * @param count  points
     * @return the block
     */
    public static PointBlock wrap(final int dims, final double[] values, final double[] times, final int[] labels,
        final int count) {
        return new PointBlock(dims, values, times, labels, count);
    }

    private PointBlock(final int dims, final double[] values, final double[] times, final int[] labels,
        final int count) {
        this.dims = dims;
        this.values = values;
        this.times = times;
        this.labels = labels;
        this.count = count;
    }
}
