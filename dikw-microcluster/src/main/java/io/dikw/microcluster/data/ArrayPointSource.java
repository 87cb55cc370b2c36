package io.dikw.microcluster.data;

import java.util.List;

/**
 * Points held in memory (flat), timed at {@code rate} points per stream second: for benchmarks
 * that time the clustering without the parsing, and for tests.
 */
public final class ArrayPointSource implements PointSource {
    private final int dims;
    private final double[] values;
    private final int[] labels;
    private final List<String> labelNames;
    private final int count;
    private final double rate;
    private int next;

    /**
     * @param dims       dimensions
     * @param values     count × dims values
     * @param labels     count labels (or null)
     * @param labelNames names of the label ids
     * @param rate       points per stream second (time of point i is i / rate)
     */
    public ArrayPointSource(final int dims, final double[] values, final int[] labels, final List<String> labelNames,
        final double rate) {
        this.dims = dims;
        this.values = values;
        this.labels = labels;
        this.labelNames = List.copyOf(labelNames);
        this.count = values.length / dims;
        this.rate = rate;
    }

    @Override
    public int dims() {
        return dims;
    }

    @Override
    public boolean next(final double[] into, final int offset) {
        if (next == count) {
            return false;
        }
        System.arraycopy(values, next * dims, into, offset, dims);
        next++;
        return true;
    }

    @Override
    public double time() {
        return (next - 1) / rate;
    }

    @Override
    public int label() {
        return labels == null ? -1 : labels[next - 1];
    }

    @Override
    public List<String> labelNames() {
        return labelNames;
    }

    /** @return points in total */
    public int count() {
        return count;
    }

    @Override
    public void close() {
    }
}
