package io.dikw.bench.graph;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The insert batches of one ingest run, as they were timed: how many edges each batch held and how
 * long it took. From it come the slowdown figures (first batches against last batches, as the
 * graph fills), a series for the JSON file and a line of the chart.
 *
 * @param system      what ran, e.g. "dikw in-process"
 * @param batch       the batch size asked for (the last batch of a stream may be smaller)
 * @param edgesBefore edges of the stream inserted before the first timed batch (an end-to-end run
 *                    cannot time its first batch: a batch's time is the gap since the one before)
 * @param sizes       edges in each timed batch, in order
 * @param nanos       each timed batch's time, in nanoseconds (at least 1)
 */
record IngestCurve(String system, int batch, long edgesBefore, int[] sizes, long[] nanos) {
    /** The share of batches at each end that the first and last rates are taken over: 5%. */
    static final int WINDOW_DIVISOR = 20;
    /** At most this many points per chart line: neighbouring batches are pooled. */
    static final int MAX_CHART_POINTS = 120;

    IngestCurve {
        if (sizes.length != nanos.length) {
            throw new IllegalArgumentException(sizes.length + " batch sizes for " + nanos.length + " batch times");
        }
        for (int i = 0; i < nanos.length; i++) {
            if (nanos[i] <= 0 || sizes[i] <= 0) {
                throw new IllegalArgumentException("batch " + i + " of " + system + " has " + sizes[i] + " edges in "
                    + nanos[i] + " ns; both must be positive");
            }
        }
    }

    /** @return how many batches each end's window holds: 5% of them, at least one */
    int window() {
        return Math.max(1, sizes.length / WINDOW_DIVISOR);
    }

    /**
     * @return the mean of the per-batch rates (edges/s) over the first and the last {@link #window()}
     *     batches, and their ratio: {first, last, first / last}; NaNs when no batch was timed
     */
    double[] meanRates() {
        if (sizes.length == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        final int k = window();
        double first = 0;
        double last = 0;
        for (int i = 0; i < k; i++) {
            first += rate(i);
            last += rate(sizes.length - 1 - i);
        }
        return new double[] {first / k, last / k, first / last};
    }

    /**
     * @return the edges over the time of the first and of the last {@link #window()} batches (the
     *     rate of each window taken as a whole), and their ratio: {first, last, first / last}; NaNs
     *     when no batch was timed
     */
    double[] windowRates() {
        if (sizes.length == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        final int k = window();
        final double first = pooledRate(0, k);
        final double last = pooledRate(sizes.length - k, sizes.length);
        return new double[] {first, last, first / last};
    }

    /** @return edges per second of timed batch {@code i} */
    double rate(final int i) {
        return sizes[i] / (nanos[i] / 1e9);
    }

    /**
     * The line to draw: neighbouring batches pooled into at most {@link #MAX_CHART_POINTS} points.
     *
     * @return {x, y}: x is the millions of edges of the stream inserted by the end of each point's
     *     batches, y the millions of edges per second over them
     */
    double[][] chartLine() {
        final int per = Math.max(1, (sizes.length + MAX_CHART_POINTS - 1) / MAX_CHART_POINTS);
        final int points = (sizes.length + per - 1) / per;
        final double[] x = new double[points];
        final double[] y = new double[points];
        long inserted = edgesBefore;
        for (int p = 0; p < points; p++) {
            final int from = p * per;
            final int to = Math.min(sizes.length, from + per);
            for (int i = from; i < to; i++) {
                inserted += sizes[i];
            }
            x[p] = inserted / 1e6;
            y[p] = pooledRate(from, to) / 1e6;
        }
        return new double[][] {x, y};
    }

    /** @return the run for a JSON file: system, batch size, window, both slowdowns, every batch */
    Map<String, Object> toJson() {
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("system", system);
        json.put("batch", batch);
        json.put("edgesBefore", edgesBefore);
        json.put("window", window());
        json.put("slowdownOfMeanRates", meanRates()[2]);
        json.put("slowdownOfWindows", windowRates()[2]);
        json.put("batchEdges", sizes);
        json.put("batchNanos", nanos);
        return json;
    }

    private double pooledRate(final int from, final int to) {
        long edges = 0;
        long time = 0;
        for (int i = from; i < to; i++) {
            edges += sizes[i];
            time += nanos[i];
        }
        return edges / (time / 1e9);
    }
}
