package io.dikw.collectives.bench;

import io.dikw.collectives.cost.CostModel;
import io.dikw.collectives.cost.Shape;
import io.dikw.collectives.plan.Algorithm;
import io.dikw.core.chart.LineChart;
import io.dikw.core.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's results side by side: a table with each algorithm's ratio over serial, a JSON
 * file, and PNG charts in the style of the paper's Fig. 9 (latency improvement, serial p50 / p50)
 * and Fig. 10 (throughput improvement, throughput / serial throughput) against message size, one
 * line per N.
 */
public final class BenchReport {
    private final BenchConfig config;
    private final List<BenchPoint> points;

    /**
     * @param config the grid measured
     * @param points its points
     */
    public BenchReport(final BenchConfig config, final List<BenchPoint> points) {
        this.config = config;
        this.points = List.copyOf(points);
    }

    /** @return the points */
    public List<BenchPoint> points() {
        return points;
    }

    private BenchPoint find(final Algorithm a, final int tasks, final int bytes) {
        for (final BenchPoint p : points) {
            if (p.algorithm() == a && p.tasks() == tasks && p.bytes() == bytes) {
                return p;
            }
        }
        return null;
    }

    /**
     * @param p a point
     * @return serial's p50 latency over this point's (NaN without a serial point)
     */
    public double latencyRatio(final BenchPoint p) {
        final BenchPoint s = find(Algorithm.SERIAL, p.tasks(), p.bytes());
        return s == null ? Double.NaN : s.p50Micros() / p.p50Micros();
    }

    /**
     * @param p a point
     * @return this point's throughput over serial's (NaN without a serial point)
     */
    public double throughputRatio(final BenchPoint p) {
        final BenchPoint s = find(Algorithm.SERIAL, p.tasks(), p.bytes());
        return s == null ? Double.NaN : p.broadcastsPerSecond() / s.broadcastsPerSecond();
    }

    /**
     * Calibrates the cost model on the measured p50 latencies (AUTO's own points left out). The
     * layout is taken as the scheduler spreads N tasks: over min(N, machines) machines and up to
     * workersPerMachine workers on each.
     *
     * @return the fitted model
     */
    public CostModel fitCostModel() {
        final List<CostModel.Observation> obs = new ArrayList<>();
        for (final BenchPoint p : points) {
            if (p.algorithm() != Algorithm.AUTO && Double.isFinite(p.p50Micros())) {
                obs.add(new CostModel.Observation(p.algorithm(), shape(p.tasks()), p.bytes(), p.p50Micros() * 1e3));
            }
        }
        return obs.size() < 3 ? CostModel.calibrated() : CostModel.fit(obs);
    }

    private Shape shape(final int tasks) {
        final int machines = Math.min(tasks, config.machines());
        final int workers = Math.min(config.workersPerMachine(), (tasks + machines - 1) / machines);
        return new Shape(machines, workers, tasks);
    }

    /** @param out where the table goes */
    public void printTable(final PrintStream out) {
        out.printf(Locale.ROOT, "%4s %9s %-12s %10s %10s %8s %12s %12s %8s%n", "N", "bytes", "algorithm", "p50 us",
            "p99 us", "lat x", "bcast/s", "msg/s at G", "tput x");
        for (final BenchPoint p : points) {
            out.printf(Locale.ROOT, "%4d %9d %-12s %10.0f %10.0f %8.2f %12.0f %12.0f %8.2f%n", p.tasks(), p.bytes(),
                p.algorithm().cliName(), p.p50Micros(), p.p99Micros(), latencyRatio(p), p.broadcastsPerSecond(),
                p.messagesPerSecond(), throughputRatio(p));
        }
        final CostModel m = fitCostModel();
        out.printf(Locale.ROOT, "cost model fitted on these latencies: hop %.0f ns, copy %.0f ns, %.3f ns/byte%n",
            m.hopNanos(), m.copyNanos(), m.perByteNanos());
    }

    /**
     * @param file the JSON file to write (directories created)
     * @param machine facts about the machine it ran on
     * @throws IOException when it cannot be written
     */
    public void writeJson(final Path file, final Map<String, Object> machine) throws IOException {
        final Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("benchmark", "collectives-broadcast");
        doc.put("config", config);
        doc.put("machine", machine);
        final List<Map<String, Object>> rows = new ArrayList<>();
        for (final BenchPoint p : points) {
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("algorithm", p.algorithm().cliName());
            row.put("tasks", p.tasks());
            row.put("bytes", p.bytes());
            row.put("rounds", p.rounds());
            row.put("p50Micros", finite(p.p50Micros()));
            row.put("p99Micros", finite(p.p99Micros()));
            row.put("meanMicros", finite(p.meanMicros()));
            row.put("broadcastsPerSecond", finite(p.broadcastsPerSecond()));
            row.put("messagesPerSecond", finite(p.messagesPerSecond()));
            row.put("latencyRatioOverSerial", finite(latencyRatio(p)));
            row.put("throughputRatioOverSerial", finite(throughputRatio(p)));
            rows.add(row);
        }
        doc.put("points", rows);
        doc.put("fittedCostModel", fitCostModel());
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Json.writeFile(file, doc);
    }

    private static Double finite(final double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * @param dir where the PNG files go: latency-ALG.png and throughput-ALG.png per algorithm but serial
     * @return the files written
     * @throws IOException when one cannot be written
     */
    public List<Path> writeCharts(final Path dir) throws IOException {
        Files.createDirectories(dir);
        final List<Path> files = new ArrayList<>();
        for (final Algorithm a : config.algorithms()) {
            if (a == Algorithm.SERIAL) {
                continue;
            }
            final LineChart lat = LineChart.titled("Latency improvement of " + a.cliName() + " over serial (p50)")
                .xAxis("message size (log10 bytes)").yAxis("serial p50 / " + a.cliName() + " p50");
            final LineChart tput = LineChart.titled("Throughput improvement of " + a.cliName() + " over serial")
                .xAxis("message size (log10 bytes)").yAxis(a.cliName() + " / serial broadcasts per second");
            for (final int n : config.tasks()) {
                final double[] x = new double[config.sizes().size()];
                final double[] yl = new double[x.length];
                final double[] yt = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    final int bytes = config.sizes().get(i);
                    x[i] = Math.log10(bytes);
                    final BenchPoint p = find(a, n, bytes);
                    yl[i] = p == null ? Double.NaN : latencyRatio(p);
                    yt[i] = p == null ? Double.NaN : throughputRatio(p);
                }
                lat.series("N=" + n, x, yl);
                tput.series("N=" + n, x, yt);
            }
            files.add(lat.writePng(dir.resolve("latency-" + a.cliName() + ".png")));
            files.add(tput.writePng(dir.resolve("throughput-" + a.cliName() + ".png")));
        }
        return files;
    }
}
