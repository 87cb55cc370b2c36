package io.dikw.bench.microcluster;

import io.dikw.bench.BenchTable;
import io.dikw.microcluster.engine.BatchResult;
import io.dikw.microcluster.engine.ClusteringEngine;
import io.dikw.microcluster.engine.EngineConfig;
import io.dikw.microcluster.engine.LocalEngine;
import io.dikw.microcluster.engine.RunSummary;
import io.dikw.microcluster.engine.SequentialEngine;
import io.dikw.microcluster.online.OnlineParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Parallel SCluStream (dikw) against MOA's CluStream side by side on the same in-memory streams
 * (the generated KDD'99-like stream and MOA's RandomRBFGeneratorEvents): points/s, and the mean
 * SSQ over the same sliding windows (plus purity and NMI against the labels); dikw sequential
 * and the local engine with p = 1, 2, 4 (the paper's Figures 4-6: processing time, scheduling
 * delay, SSQ).
 *
 * <p>Usage: {@code MicroClusterBench [--points N] [--rbf-points N] [--moa-points N] [--p 1,2,4]
 * [--rate R] [--repeats R] [--seed S] [--out FILE]}; {@code --seed} seeds dikw's k-means++ (online
 * initialisation and offline phase), to see how much of an SSQ difference is the seed's.
 */
public final class MicroClusterBench {
    /** Target: points/s of the local engine with p = 2, q = 50, d = 34 on two cores. */
    public static final double TARGET_POINTS_PER_SECOND = 1_000_000;
    /** Target: times MOA CluStream's points/s. */
    public static final double TARGET_VS_MOA = 30;
    /** Target: parallel SSQ within this share of sequential. */
    public static final double TARGET_SSQ_DRIFT = 0.02;

    private static final int Q = 50;
    private static final int K = 5;
    private static final double WINDOW = 70;
    private static final double BATCH = 5;
    private static final int INIT = 2000;
    private static final int MAX_EVAL = 200_000;
    /** Attributes of the RBF stream (MOA places no more than about 10-dimensional kernels with its default radii). */
    private static final int RBF_DIMS = 10;

    private MicroClusterBench() {
    }

    /**
     * @param args see the class comment
     * @throws Exception when a run fails
     */
    public static void main(final String[] args) throws Exception {
        int points = 1_000_000;
        int rbfPoints = 1_000_000;
        int moaPoints = -1;
        int[] ps = {1, 2, 4};
        double rate = 1000;
        int repeats = 2;
        long seed = 42;
        Path out = Path.of("dikw-out/bench/microcluster.json");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--points" -> points = Integer.parseInt(args[++i]);
                case "--rbf-points" -> rbfPoints = Integer.parseInt(args[++i]);
                case "--moa-points" -> moaPoints = Integer.parseInt(args[++i]);
                case "--p" -> ps = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (options: --points N "
                    + "--rbf-points N --moa-points N --p 1,2,4 --rate R --repeats R --seed S --out FILE)");
            }
        }
        final BenchTable table = new BenchTable(String.format(Locale.ROOT,
            "Parallel SCluStream vs MOA CluStream (q=%d, k=%d, window %.0f s, batch %.0f s, %,.0f points/s of stream "
                + "time)", Q, K, WINDOW, BATCH, rate),
            List.of("stream", "engine", "p", "points", "seconds", "points/s", "x MOA", "mean SSQ", "SSQ / MOA",
                "SSQ / seq", "purity", "NMI", "proc ms/batch", "sched delay ms"));
        final List<BenchStream> streams = new ArrayList<>();
        streams.add(BenchStream.kdd(points, 7, Path.of("dikw-out/bench/data")));
        if (rbfPoints > 0) {
            streams.add(BenchStream.rbfEvents(rbfPoints, RBF_DIMS, 1));
        }
        for (final BenchStream s : streams) {
            compare(table, s, ps, rate, repeats, moaPoints < 0 ? s.count() : Math.min(moaPoints, s.count()), seed);
        }
        table.note("targets", String.format(Locale.ROOT, ">= %,.0f points/s with p=2 (q=50, d=34); >= %.0fx MOA; SSQ "
            + "<= MOA's; parallel SSQ within %.0f%% of sequential", TARGET_POINTS_PER_SECOND, TARGET_VS_MOA,
            TARGET_SSQ_DRIFT * 100));
        table.note("timing", "points/s: best of " + repeats + " runs without scoring, in-memory points (no parsing);"
            + " MOA: time in trainOnInstance + getClusteringResult at each batch end");
        table.note("quality", "SSQ, purity, NMI: mean over batches, scored on the same window points (<= "
            + MAX_EVAL + ")");
        table.print(System.out);
        table.writeJson(out);
        System.err.println("wrote " + out);
    }

    private static EngineConfig config(final int p, final boolean evaluate, final long seed) {
        return new EngineConfig(OnlineParams.of(Q, INIT, WINDOW, seed), K, p, WINDOW, BATCH, io.dikw.microcluster.offline.OfflinePhase.RESTARTS_DEFAULT, evaluate, MAX_EVAL,
            1024);
    }

    private static void compare(final BenchTable table, final BenchStream s, final int[] ps, final double rate,
        final int repeats, final int moaPoints, final long seed) throws Exception {
        System.err.println(s.name() + ": MOA CluStream on " + moaPoints + " points");
        final MoaCluStream.Result moa = MoaCluStream.run(s, moaPoints, Q, K, (int) Math.round(WINDOW * rate), rate,
            BATCH, WINDOW, MAX_EVAL);
        table.row(s.name(), "MOA CluStream", 1, moa.points(), moa.seconds(), moa.pointsPerSecond(), 1.0, moa.meanSsq(),
            1.0, Double.NaN, moa.purity(), moa.nmi(), Double.NaN, Double.NaN);
        final Measured seq = measure(s, "sequential", new SequentialEngine(config(1, false, seed)),
            new SequentialEngine(config(1, true, seed)), rate, repeats);
        row(table, s, "dikw sequential", 1, seq, moa, seq);
        for (final int p : ps) {
            final Measured m = measure(s, "local p=" + p, new LocalEngine(config(p, false, seed)),
                new LocalEngine(config(p, true, seed)), rate, repeats);
            row(table, s, "dikw local", p, m, moa, seq);
        }
    }

    private static void row(final BenchTable table, final BenchStream s, final String engine, final int p,
        final Measured m, final MoaCluStream.Result moa, final Measured seq) {
        table.row(s.name(), engine, p, m.points, m.seconds, m.points / m.seconds,
            (m.points / m.seconds) / moa.pointsPerSecond(), m.meanSsq, m.meanSsq / moa.meanSsq(),
            m.meanSsq / seq.meanSsq, m.purity, m.nmi, m.processingMs, m.delayMs);
    }

    /** Best wall time of the timed runs, and the scores and per-batch metrics of the scored run. */
    private record Measured(long points, double seconds, double meanSsq, double purity, double nmi,
        double processingMs, double delayMs) {
    }

    private static Measured measure(final BenchStream s, final String name, final ClusteringEngine timed,
        final ClusteringEngine scored, final double rate, final int repeats) throws Exception {
        double best = Double.POSITIVE_INFINITY;
        long points = 0;
        double processing = 0;
        double delay = 0;
        for (int r = 0; r < repeats; r++) {
            final List<BatchResult> batches = new ArrayList<>();
            final RunSummary run = timed.run(s.source(rate), batches::add, null);
            if (run.seconds() < best) {
                best = run.seconds();
                processing = batches.stream().mapToDouble(BatchResult::processingMillis).average().orElse(0);
                delay = batches.stream().mapToDouble(BatchResult::schedulingDelayMillis).average().orElse(0);
            }
            points = run.points();
        }
        final List<BatchResult> batches = new ArrayList<>();
        scored.run(s.source(rate), batches::add, null);
        final double ssq = batches.stream().mapToDouble(b -> b.quality().ssq()).average().orElse(Double.NaN);
        final double purity = batches.stream().mapToDouble(b -> b.quality().purity()).average().orElse(Double.NaN);
        final double nmi = batches.stream().mapToDouble(b -> b.quality().nmi()).average().orElse(Double.NaN);
        System.err.printf(Locale.ROOT, "  %s: %,.0f points/s%n", name, points / best);
        return new Measured(points, best, ssq, purity, nmi, processing, delay);
    }
}
