package io.dikw.microcluster.eval;

import io.dikw.core.quality.Nmi;
import io.dikw.microcluster.data.PointBlock;
import io.dikw.microcluster.offline.MacroClusters;
import io.dikw.microcluster.offline.WeightedKMeans;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The raw points of the sliding window, kept batch by batch to score a clustering of it: SSQ as in
 * the SCluStream paper, and purity and NMI when the points carry labels. Memory is bounded: beyond
 * {@code maxPoints} over the window, each batch keeps a stride sample.
 */
public final class WindowPoints {
    private final int dims;
    private final double window;
    private final int perBatchBudget;
    private final ArrayDeque<Kept> batches = new ArrayDeque<>();
    private long held;
    private int labelCount;

    private record Kept(double end, double[] values, int[] labels, int count) {
    }

    /**
     * @param dims      dimensions
     * @param window    window length (stream seconds)
     * @param batch     batch length (stream seconds)
     * @param maxPoints most points held over the window
     */
    public WindowPoints(final int dims, final double window, final double batch, final int maxPoints) {
        this.dims = dims;
        this.window = window;
        this.perBatchBudget = (int) Math.max(1, Math.floor(maxPoints * batch / window));
    }

    /**
     * Adds a batch and drops the batches that left the window.
     *
     * @param end    the batch's end time
     * @param blocks its points
     */
    public void addBatch(final double end, final List<PointBlock> blocks) {
        int total = 0;
        for (final PointBlock b : blocks) {
            total += b.count();
        }
        final int stride = Math.max(1, (total + perBatchBudget - 1) / perBatchBudget);
        final int keep = (total + stride - 1) / stride;
        final double[] values = new double[keep * dims];
        final int[] labels = new int[keep];
        int seen = 0;
        int kept = 0;
        for (final PointBlock b : blocks) {
            for (int p = 0; p < b.count(); p++, seen++) {
                if (seen % stride == 0 && kept < keep) {
                    System.arraycopy(b.values(), p * dims, values, kept * dims, dims);
                    labels[kept++] = b.labels()[p];
                    labelCount = Math.max(labelCount, b.labels()[p] + 1);
                }
            }
        }
        batches.addLast(new Kept(end, values, labels, kept));
        held += kept;
        while (!batches.isEmpty() && batches.peekFirst().end() <= end - window + 1e-9) {
            held -= batches.removeFirst().count();
        }
    }

    /** @return one more than the largest label id seen (0 without labels) */
    public int labelCount() {
        return labelCount;
    }

    /** @return points held */
    public long held() {
        return held;
    }

    /**
     * Scores macro clusters on the held points.
     *
     * @param macro the clustering
     * @return the scores
     */
    public Quality score(final MacroClusters macro) {
        final int k = macro.k();
        final long[][] counts = new long[k][Math.max(labelCount, 0)];
        if (k == 0 || held == 0) {
            return new Quality(0, 0, Double.NaN, Double.NaN, counts);
        }
        final int[] clusterOf = new int[(int) held];
        final int[] labelOf = new int[(int) held];
        double ssq = 0;
        int at = 0;
        boolean labelled = labelCount > 0;
        for (final Kept b : batches) {
            for (int p = 0; p < b.count(); p++, at++) {
                int best = 0;
                double bestDist = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    final double s = WeightedKMeans.squared(b.values(), p * dims, macro.centers(), c * dims, dims);
                    if (s < bestDist) {
                        bestDist = s;
                        best = c;
                    }
                }
                ssq += bestDist;
                clusterOf[at] = best;
                final int label = b.labels()[p];
                labelOf[at] = label;
                if (label < 0) {
                    labelled = false;
                } else if (label < labelCount) {
                    counts[best][label]++;
                }
            }
        }
        if (!labelled) {
            return new Quality(held, ssq, Double.NaN, Double.NaN, counts);
        }
        long majority = 0;
        for (final long[] row : counts) {
            long max = 0;
            for (final long v : row) {
                max = Math.max(max, v);
            }
            majority += max;
        }
        return new Quality(held, ssq, (double) majority / held, Nmi.between(clusterOf, labelOf), counts);
    }
}
