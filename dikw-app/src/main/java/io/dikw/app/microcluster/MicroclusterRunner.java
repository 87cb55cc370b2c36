package io.dikw.app.microcluster;

import io.dikw.core.chart.LineChart;
import io.dikw.core.io.DeadLetters;
import io.dikw.core.io.JsonLinesWriter;
import io.dikw.core.progress.ProgressBar;
import io.dikw.microcluster.data.CsvLayout;
import io.dikw.microcluster.data.CsvLayouts;
import io.dikw.microcluster.data.CsvPointSource;
import io.dikw.microcluster.data.Kdd99;
import io.dikw.microcluster.data.Normalizer;
import io.dikw.microcluster.engine.BatchListener;
import io.dikw.microcluster.engine.BatchResult;
import io.dikw.microcluster.engine.ClusteringEngine;
import io.dikw.microcluster.engine.EngineConfig;
import io.dikw.microcluster.engine.LocalEngine;
import io.dikw.microcluster.engine.RunSummary;
import io.dikw.microcluster.engine.SequentialEngine;
import io.dikw.microcluster.offline.OfflinePhase;
import io.dikw.microcluster.online.OnlineParams;
import io.dikw.microcluster.storm.MicroClusterTopology;
import io.dikw.microcluster.storm.SourceSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Runs {@code dikw microcluster run}: opens the input, runs the chosen engine, reports. */
final class MicroclusterRunner {
    /** Most window points kept for scoring. */
    static final int MAX_SCORED_POINTS = 200_000;

    private final PrintStream out;
    private final PrintStream err;

    MicroclusterRunner(final PrintStream out, final PrintStream err) {
        this.out = out;
        this.err = err;
    }

    void run(final MicroclusterCommand.Run o) throws Exception {
        if (!Files.isRegularFile(o.input)) {
            throw new IllegalArgumentException("input not found: " + o.input + " (make one with ./dikw generate kdd "
                + "--count 500000 --out kdd.csv)");
        }
        final CsvLayout layout = layout(o);
        final EngineConfig config = new EngineConfig(new OnlineParams(o.q, o.init, o.boundary,
            OnlineParams.DEFAULT_RELEVANCE_M, o.horizon == null ? o.window : o.horizon, o.seed), o.k, o.parallelism,
            o.window, o.batch, OfflinePhase.RESTARTS_DEFAULT, !o.noScore, MAX_SCORED_POINTS, 1024);
        Files.createDirectories(o.out);
        final Path dead = o.out.resolve("dead-letters.jsonl");
        Files.deleteIfExists(dead);
        err.printf(Locale.ROOT, "microcluster: %s, %d attributes, q=%d, k=%d, window %.0f s, batch %.0f s, p=%d, engine %s%n",
            o.input, layout.dims(), o.q, o.k, o.window, o.batch, o.parallelism,
            o.engine.name().toLowerCase(Locale.ROOT));
        final ProgressBar bar = new ProgressBar("clustering", 0, err);
        final List<BatchResult> results = Collections.synchronizedList(new ArrayList<>());
        final RunSummary summary;
        final Normalizer normalizer;
        try (JsonLinesWriter lines = JsonLinesWriter.create(o.out.resolve("batches.jsonl"))) {
            final BatchListener listener = r -> {
                results.add(r);
                try {
                    lines.write(json(r));
                } catch (final IOException e) {
                    throw new UncheckedIOException(e);
                }
                bar.update(r.totalPoints(), String.format(Locale.ROOT, "batch %d, window %,.0f points%s", r.batch(),
                    r.windowPoints(), r.quality() == null ? "" : String.format(Locale.ROOT, ", SSQ/point %.3g",
                        r.quality().meanSsq())));
            };
            if (o.engine == MicroclusterCommand.Engine.STORM) {
                normalizer = CsvPointSource.fit(o.input, layout, o.normalize);
                final SourceSpec spec = new SourceSpec(o.input.toString(), layout, o.normalize, o.onBadRow,
                    dead.toString());
                summary = MicroClusterTopology.runLocal(UUID.randomUUID().toString(), spec, config, listener,
                    n -> bar.update(n), Duration.ofMillis((long) (o.timeout * 1000)));
            } else {
                try (DeadLetters dl = DeadLetters.toFile(dead);
                    CsvPointSource source = CsvPointSource.open(o.input, layout, o.normalize, o.onBadRow, dl)) {
                    normalizer = source.normalizer();
                    final ClusteringEngine engine = o.engine == MicroclusterCommand.Engine.SEQUENTIAL
                        ? new SequentialEngine(config) : new LocalEngine(config);
                    summary = engine.run(source, listener, n -> bar.update(n));
                }
            }
        }
        bar.finish(String.format(Locale.ROOT, "%,d points, %,d batches, %,.0f points/s%s", summary.points(),
            summary.batches(), summary.pointsPerSecond(), summary.rejected() == 0 ? ""
                : String.format(Locale.ROOT, ", %,d bad rows skipped", summary.rejected())));
        report(o, layout, summary, normalizer, results, dead);
    }

    private static CsvLayout layout(final MicroclusterCommand.Run o) throws IOException {
        if (o.preset == MicroclusterCommand.Preset.KDD99) {
            if (!o.columns.isEmpty() || o.labelColumn != null || o.timeColumn != null) {
                throw new IllegalArgumentException("--preset kdd99 fixes the columns; drop --columns, --label-column "
                    + "and --time-column, or use --preset none");
            }
            return Kdd99.layout(o.rate);
        }
        return CsvLayouts.resolve(o.input, o.header, o.columns, o.labelColumn, o.timeColumn, o.rate);
    }

    private static Map<String, Object> json(final BatchResult r) {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("batch", r.batch());
        m.put("end", r.end());
        m.put("points", r.batchPoints());
        m.put("totalPoints", r.totalPoints());
        m.put("windowPoints", r.windowPoints());
        m.put("microClusters", r.microClusters());
        m.put("macroClusters", r.macro().k());
        m.put("processingMs", r.processingMillis());
        m.put("schedulingDelayMs", r.schedulingDelayMillis());
        if (r.quality() != null) {
            m.put("scoredPoints", r.quality().points());
            m.put("ssq", r.quality().ssq());
            if (!Double.isNaN(r.quality().purity())) {
                m.put("purity", r.quality().purity());
                m.put("nmi", r.quality().nmi());
            }
        }
        return m;
    }

    private void report(final MicroclusterCommand.Run o, final CsvLayout layout, final RunSummary summary,
        final Normalizer normalizer, final List<BatchResult> results, final Path dead) throws IOException {
        final BatchResult last = summary.last();
        if (last == null) {
            out.println("The stream had no usable rows: nothing to cluster.");
            return;
        }
        out.printf(Locale.ROOT, "%nMacro clusters of the last window (%.0f s to %.0f s of stream time, %,.0f points "
            + "in %d micro-clusters):%n", Math.max(0, last.end() - o.window), last.end(), last.windowPoints(),
            last.microClusters());
        MacroClusterTable.print(out, last, normalizer, layout.featureNames(), summary.labelNames());
        if (last.quality() != null) {
            out.printf(Locale.ROOT, "%nWindow SSQ %.4g (%.3g per point)%s%n", last.quality().ssq(),
                last.quality().meanSsq(), Double.isNaN(last.quality().purity()) ? ""
                    : String.format(Locale.ROOT, ", purity %.3f, NMI %.3f", last.quality().purity(),
                        last.quality().nmi()));
        }
        out.printf(Locale.ROOT, "Online phase: %s%n", summary.online());
        final double proc = results.stream().mapToDouble(BatchResult::processingMillis).average().orElse(0);
        final double delay = results.stream().mapToDouble(BatchResult::schedulingDelayMillis).average().orElse(0);
        out.printf(Locale.ROOT, "Per batch: processing %.1f ms, scheduling delay %.1f ms on average%n", proc, delay);
        if (summary.rejected() > 0) {
            out.printf(Locale.ROOT, "%,d bad rows skipped: %s%n", summary.rejected(), dead);
        }
        final Path chart = chart(o.out.resolve("batches.png"), results);
        out.println("Per-batch metrics: " + o.out.resolve("batches.jsonl") + (chart == null ? "" : ", chart: " + chart));
    }

    private static Path chart(final Path file, final List<BatchResult> results) throws IOException {
        if (results.size() < 2) {
            return null;
        }
        final double[] x = new double[results.size()];
        final double[] proc = new double[x.length];
        final double[] delay = new double[x.length];
        final double[] ssq = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            final BatchResult r = results.get(i);
            x[i] = r.end();
            proc[i] = r.processingMillis();
            delay[i] = r.schedulingDelayMillis();
            ssq[i] = r.quality() == null ? Double.NaN : r.quality().meanSsq();
        }
        final LineChart c = LineChart.titled("Per batch").xAxis("stream time (s)").yAxis("ms, or SSQ per point")
            .series("processing (ms)", x, proc).series("scheduling delay (ms)", x, delay);
        if (results.get(0).quality() != null) {
            c.series("window SSQ per point", x, ssq);
        }
        return c.writePng(file);
    }
}
