package io.dikw.social.pipeline;

import io.dikw.core.chart.LineChart;
import io.dikw.core.io.JsonLinesWriter;
import io.dikw.core.json.Json;
import io.dikw.social.cluster.StepStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Writes a run's results into a directory: {@code steps.jsonl} (one line per time step:
 * clustering statistics and quality), {@code clusters.jsonl} (summaries of the largest clusters
 * after each step), {@code summary.json} (the outcome) and two charts, {@code quality.png}
 * (LFK-NMI and NMI per step) and {@code activity.png} (tweets, outliers and clusters per step).
 */
public final class RunOutputs implements StepListener, AutoCloseable {
    /** Per-step lines. */
    public static final String STEPS = "steps.jsonl";
    /** Per-step cluster summaries. */
    public static final String CLUSTERS = "clusters.jsonl";
    /** The final outcome. */
    public static final String SUMMARY = "summary.json";
    /** Quality chart. */
    public static final String QUALITY_CHART = "quality.png";
    /** Activity chart. */
    public static final String ACTIVITY_CHART = "activity.png";

    private final Path dir;
    private final int clustersPerStep;
    private final JsonLinesWriter steps;
    private final JsonLinesWriter clusters;
    /** Chart points, one row per step: step, LFK-NMI, NMI, tweets, outliers, clusters. */
    private final List<double[]> points = new java.util.ArrayList<>();

    /**
     * @param dir the output directory (created if missing)
     * @param clustersPerStep how many of the largest clusters to summarize after each step (0 = all)
     * @throws IOException when the directory or files cannot be created
     */
    public RunOutputs(final Path dir, final int clustersPerStep) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.clustersPerStep = clustersPerStep;
        this.steps = JsonLinesWriter.create(dir.resolve(STEPS));
        this.clusters = JsonLinesWriter.create(dir.resolve(CLUSTERS));
    }

    @Override
    public void onStep(final StepReport report, final IntFunction<List<ClusterSummary>> summaries) {
        final StepStats s = report.stats();
        final Map<String, Object> line = new LinkedHashMap<>();
        line.put("step", s.step());
        line.put("start", java.time.Instant.ofEpochMilli(s.startMillis()).toString());
        line.put("tweets", s.tweets());
        line.put("protomemes", s.protomemes());
        line.put("byMarker", s.byMarker());
        line.put("bySimilarity", s.bySimilarity());
        line.put("outliers", s.outliers());
        line.put("replaced", s.replaced());
        line.put("expired", s.expired());
        line.put("clusters", s.clusters());
        line.put("threshold", s.threshold());
        line.put("meanSimilarity", s.mean());
        line.put("stdSimilarity", s.std());
        line.put("sigmas", s.sigmas());
        line.put("clusteringMillis", s.nanos() / 1e6);
        if (report.quality() != null) {
            line.put("lfkNmi", report.quality().lfkNmi());
            line.put("nmi", report.quality().nmi());
            line.put("labelledTweets", report.quality().labelledTweets());
        }
        line.put("tweetsSoFar", report.tweetsSoFar());
        line.put("rejectedSoFar", report.rejectedSoFar());
        try {
            steps.write(line);
            for (final ClusterSummary summary : summaries.apply(clustersPerStep)) {
                clusters.write(summary);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write results to " + dir + ": " + e.getMessage(), e);
        }
        points.add(new double[] {s.step(),
            report.quality() == null ? Double.NaN : report.quality().lfkNmi(),
            report.quality() == null ? Double.NaN : report.quality().nmi(),
            s.tweets(), s.outliers(), s.clusters()});
    }

    /**
     * Writes the summary and the charts.
     *
     * @param summary the run's outcome
     * @param extra more fields for summary.json (inputs, parameters); may be empty
     * @throws IOException when writing fails
     */
    public void finish(final RunSummary summary, final Map<String, Object> extra) throws IOException {
        final Map<String, Object> json = new LinkedHashMap<>(extra);
        json.put("result", summary);
        Json.writeFile(dir.resolve(SUMMARY), json);
        final double[] x = column(0);
        if (x.length > 0) {
            LineChart.titled("Clustering quality per time step (window)")
                .xAxis("time step").yAxis("score")
                .series("LFK-NMI", x, column(1))
                .series("NMI", x, column(2))
                .writePng(dir.resolve(QUALITY_CHART));
            LineChart.titled("Stream activity per time step")
                .xAxis("time step").yAxis("count")
                .series("tweets", x, column(3))
                .series("outliers (new clusters)", x, column(4))
                .series("live clusters", x, column(5))
                .writePng(dir.resolve(ACTIVITY_CHART));
        }
    }

    private double[] column(final int c) {
        final double[] values = new double[points.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = points.get(i)[c];
        }
        return values;
    }

    /** @return the output directory */
    public Path dir() {
        return dir;
    }

    @Override
    public void close() throws IOException {
        try {
            steps.close();
        } finally {
            clusters.close();
        }
    }
}
