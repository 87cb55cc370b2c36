package io.dikw.bench.microcluster;

import io.dikw.microcluster.online.NearestCentroid;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH: the nearest-micro-cluster search of the online phase (q centroids, d dimensions, one point
 * per call, 1,024 different points in turn), with centroids dimension-major (the layout dikw uses)
 * and row-major (the object-per-cluster layout, as MOA has it). Run:
 * {@code ./dikw-bench/bench microcluster-jmh} (extra arguments go to JMH, e.g. {@code -f 1 -wi 2}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NearestKernelJmh {
    private static final int POINTS = 1024;

    /** Micro-clusters. */
    @Param({"50"})
    public int q;
    /** Dimensions. */
    @Param({"34"})
    public int d;

    private double[] dimMajor;
    private double[] rowMajor;
    private double[] points;
    private double[] acc;
    private int next;

    /** Random centroids and points. */
    @Setup
    public void setUp() {
        final SplittableRandom r = new SplittableRandom(1);
        dimMajor = new double[q * d];
        rowMajor = new double[q * d];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < d; j++) {
                final double v = r.nextGaussian();
                rowMajor[i * d + j] = v;
                dimMajor[j * q + i] = v;
            }
        }
        points = r.doubles((long) POINTS * d).toArray();
        acc = new double[q];
    }

    /** @return the nearest centroid (dimension-major) */
    @Benchmark
    public int dimensionMajor() {
        final int p = next++ & (POINTS - 1);
        return NearestCentroid.nearest(dimMajor, q, q, d, points, p * d, acc);
    }

    /** @return the nearest centroid (row-major) */
    @Benchmark
    public int rowMajor() {
        final int p = next++ & (POINTS - 1);
        return NearestCentroid.nearestRowMajor(rowMajor, q, d, points, p * d);
    }

    /**
     * @param args JMH command-line options
     * @throws Exception when JMH fails
     */
    public static void main(final String[] args) throws Exception {
        final CommandLineOptions cli = new CommandLineOptions(args);
        new Runner(new OptionsBuilder().parent(cli).include(NearestKernelJmh.class.getName()).build()).run();
    }
}
