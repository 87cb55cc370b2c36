package io.dikw.bench.microcluster;

import com.yahoo.labs.samoa.instances.DenseInstance;
import io.dikw.microcluster.data.PointBlock;
import io.dikw.microcluster.eval.Quality;
import io.dikw.microcluster.eval.WindowPoints;
import io.dikw.microcluster.offline.MacroClusters;
import java.util.List;
import moa.cluster.Clustering;
import moa.clusterers.clustream.WithKmeans;

/**
 * MOA's CluStream with k-means macro clustering ({@code moa.clusterers.clustream.WithKmeans}) run
 * on a benchmark stream with the same batches as dikw: at each batch end it asks MOA for its
 * macro clusters, and (outside the timed part) scores them on the same window of points.
 */
final class MoaCluStream {
    /**
     * Timing and quality of one MOA run.
     *
     * @param points    points fed
     * @param seconds   seconds spent in MOA (training and the macro clustering at each batch end)
     * @param batches   batches
     * @param meanSsq   mean over batches of the window SSQ
     * @param purity    mean purity
     * @param nmi       mean NMI
     */
    record Result(long points, double seconds, long batches, double meanSsq, double purity, double nmi) {
        double pointsPerSecond() {
            return points / seconds;
        }
    }

    private MoaCluStream() {
    }

    /**
     * @param stream     the points
     * @param points     how many of them to feed
     * @param q          micro-clusters (maxNumKernels)
     * @param k          macro clusters
     * @param horizonPts MOA's horizon, in points (its timestamps count points)
     * @param rate       points per stream second (for the batch cut)
     * @param batch      batch length in stream seconds
     * @param window     window length in stream seconds (for scoring)
     * @param maxEval    most window points scored
     * @return the run
     */
    static Result run(final BenchStream stream, final int points, final int q, final int k, final int horizonPts,
        final double rate, final double batch, final double window, final int maxEval) {
        final WithKmeans moa = new WithKmeans();
        moa.maxNumKernelsOption.setValue(q);
        moa.kOption.setValue(k);
        moa.timeWindowOption.setValue(horizonPts);
        moa.kernelRadiFactorOption.setValue(2);
        moa.prepareForUse();
        final int d = stream.dims();
        final WindowPoints windowPoints = new WindowPoints(d, window, batch, maxEval);
        final long perBatch = Math.round(batch * rate);
        long nanos = 0;
        long batches = 0;
        double ssq = 0;
        double purity = 0;
        double nmi = 0;
        int from = 0;
        while (from < points) {
            final int to = (int) Math.min(points, from + perBatch);
            final long t0 = System.nanoTime();
            for (int i = from; i < to; i++) {
                moa.trainOnInstanceImpl(new DenseInstance(1.0, java.util.Arrays.copyOfRange(stream.values(), i * d,
                    (i + 1) * d)));
            }
            final Clustering macro = moa.getClusteringResult();
            nanos += System.nanoTime() - t0;
            final PointBlock block = PointBlock.wrap(d, java.util.Arrays.copyOfRange(stream.values(), from * d, to * d),
                new double[to - from], java.util.Arrays.copyOfRange(stream.labels(), from, to), to - from);
            windowPoints.addBatch((batches + 1) * batch, List.of(block));
            final Quality quality = windowPoints.score(toMacro(macro, d));
            ssq += quality.ssq();
            purity += quality.purity();
            nmi += quality.nmi();
            batches++;
            from = to;
        }
        return new Result(points, nanos / 1e9, batches, ssq / batches, purity / batches, nmi / batches);
    }

    private static MacroClusters toMacro(final Clustering c, final int d) {
        final int k = c.size();
        final double[] centers = new double[k * d];
        final double[] sizes = new double[k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(c.get(i).getCenter(), 0, centers, i * d, d);
            sizes[i] = c.get(i).getWeight();
        }
        return new MacroClusters(k, d, centers, sizes, Double.NaN);
    }
}
