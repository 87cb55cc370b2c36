package io.dikw.collectives.cost;

import io.dikw.collectives.plan.Algorithm;
import java.io.Serializable;
import java.util.List;

/**
 * Predicts a broadcast's latency per algorithm and picks the fastest ({@link Algorithm#AUTO}).
 *
 * <p>After the seed paper's formulas, with three costs: {@code hop} (latency of one hop between
 * workers), {@code copy} (sender time per copy sent: serialization, framing) and {@code perByte}
 * (sender time per byte of a copy). With n machines, w workers per machine, T target tasks, message
 * size S and send cost c = copy + perByte·S:
 * <pre>
 * serial       hop + T·c
 * flat-tree    2·hop + (n−1)·c + (w−1)·c
 * binary-tree  (⌈log2 n⌉ + ⌈log2 w⌉)·(hop + 2c)
 * ring         (n·w − 1)·(hop + c)
 * bidi-ring    ⌈(n·w − 1)/2⌉·(hop + c)
 * </pre>
 * Each prediction is linear in (hop, copy, perByte), so {@link #fit} calibrates the three from
 * measured latencies by least squares.
 *
 * @param hopNanos latency of one hop between workers
 * @param copyNanos sender time per copy
 * @param perByteNanos sender time per byte of a copy
 */
public record CostModel(double hopNanos, double copyNanos, double perByteNanos) implements Serializable {
    /** The algorithms AUTO chooses from. */
    public static final List<Algorithm> CANDIDATES = List.of(Algorithm.SERIAL, Algorithm.FLAT_TREE,
        Algorithm.BINARY_TREE, Algorithm.RING, Algorithm.BIDI_RING);

    /**
     * Fitted on the p50 latencies of {@code ./dikw collectives bench --point-millis 1000
     * --latency-messages 100 --throughput-messages 1000} in LocalCluster (4 machines × 2 workers,
     * Netty between in-process workers, 2 cores shared with other builds, 2026-11-22); see the
     * module README. Refit on the cluster it will run on: the fit is printed by every bench run.
     *
     * @return the default model
     */
    public static CostModel calibrated() {
        return new CostModel(1_778_457, 351_370, 3.409);
    }

    /**
     * @param algorithm a concrete algorithm
     * @param shape the layout
     * @param bytes the message size
     * @return the predicted latency in nanoseconds
     */
    public double predictNanos(final Algorithm algorithm, final Shape shape, final long bytes) {
        final double[] f = features(algorithm, shape, bytes);
        return f[0] * hopNanos + f[1] * copyNanos + f[2] * perByteNanos;
    }

    /**
     * @param shape the layout
     * @param bytes the expected message size
     * @return the candidate with the lowest predicted latency (ties go to the earlier candidate)
     */
    public Algorithm choose(final Shape shape, final long bytes) {
        Algorithm best = CANDIDATES.get(0);
        double bestCost = Double.MAX_VALUE;
        for (final Algorithm a : CANDIDATES) {
            final double c = predictNanos(a, shape, bytes);
            if (c < bestCost) {
                bestCost = c;
                best = a;
            }
        }
        return best;
    }

    /**
     * @return how many hops, copies and copied bytes lie on the critical path: the coefficients of
     *     (hop, copy, perByte)
     */
    static double[] features(final Algorithm algorithm, final Shape shape, final long bytes) {
        final int n = shape.machines();
        final int w = shape.workersPerMachine();
        final double s = bytes;
        final double hops;
        final double copies;
        switch (algorithm) {
            case SERIAL -> {
                hops = 1;
                copies = shape.tasks();
            }
            case FLAT_TREE -> {
                hops = 2;
                copies = (n - 1) + (w - 1);
            }
            case BINARY_TREE -> {
                hops = ceilLog2(n) + ceilLog2(w);
                copies = 2 * hops;
            }
            case RING -> {
                hops = n * w - 1;
                copies = hops;
            }
            case BIDI_RING -> {
                hops = Math.ceil((n * w - 1) / 2.0);
                copies = hops;
            }
            default -> throw new IllegalArgumentException("no cost formula for " + algorithm);
        }
        return new double[] {Math.max(hops, 1), Math.max(copies, 1), Math.max(copies, 1) * s};
    }

    private static int ceilLog2(final int x) {
        return x <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(x - 1);
    }

    /**
     * One measured point for calibration.
     *
     * @param algorithm the algorithm measured
     * @param shape the layout it ran over
     * @param bytes the message size
     * @param latencyNanos the measured latency
     */
    public record Observation(Algorithm algorithm, Shape shape, long bytes, double latencyNanos) {
    }

    /**
     * Least-squares fit of (hop, copy, perByte) to measured latencies, each cost kept non-negative.
     *
     * @param observations at least three measured points
     * @return the calibrated model
     * @throws IllegalArgumentException with fewer than three points
     */
    public static CostModel fit(final List<Observation> observations) {
        if (observations.size() < 3) {
            throw new IllegalArgumentException("calibration needs at least 3 observations, got " + observations.size());
        }
        // scale each row by 1/latency: relative errors, so small messages count as much as large ones
        final double[][] ata = new double[3][3];
        final double[] atb = new double[3];
        for (final Observation o : observations) {
            final double[] f = features(o.algorithm(), o.shape(), o.bytes());
            final double wgt = 1.0 / Math.max(o.latencyNanos(), 1);
            for (int i = 0; i < 3; i++) {
                atb[i] += f[i] * wgt * o.latencyNanos() * wgt;
                for (int j = 0; j < 3; j++) {
                    ata[i][j] += f[i] * wgt * f[j] * wgt;
                }
            }
        }
        final double[] x = solve(ata, atb);
        return new CostModel(Math.max(x[0], 0), Math.max(x[1], 0), Math.max(x[2], 0));
    }

    /** Gaussian elimination with partial pivoting; a singular column gets 0. */
    private static double[] solve(final double[][] a, final double[] b) {
        final int n = b.length;
        final double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
                    p = r;
                }
            }
            final double[] t = m[c];
            m[c] = m[p];
            m[p] = t;
            if (Math.abs(m[c][c]) < 1e-300) {
                continue;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    final double k = m[r][c] / m[c][c];
                    for (int k2 = c; k2 <= n; k2++) {
                        m[r][k2] -= k * m[c][k2];
                    }
                }
            }
        }
        final double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.abs(m[i][i]) < 1e-300 ? 0 : m[i][n] / m[i][i];
        }
        return x;
    }
}
