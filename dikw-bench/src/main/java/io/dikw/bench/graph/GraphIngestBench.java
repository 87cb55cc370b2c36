package io.dikw.bench.graph;

import io.dikw.bench.BenchTable;
import io.dikw.core.chart.LineChart;
import io.dikw.core.json.Json;
import io.dikw.graph.rmat.RmatGenerator;
import io.dikw.graph.rmat.RmatBatches;
import io.dikw.graph.server.GraphServer;
import io.dikw.graph.server.ServerConfig;
import io.dikw.graph.store.ApplyResult;
import io.dikw.graph.store.BatchListener;
import io.dikw.graph.store.EdgeBatch;
import io.dikw.graph.store.GraphStore;
import io.dikw.graph.store.GraphView;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * Graph ingest: an R-MAT stream (Graph500 parameters; scale 20, edge factor 16 by default)
 * inserted and then deleted, in batches of 1k, 10k and 100k edges:
 * <ul>
 *   <li>dikw's store in-process (parallel batch apply over all cores);</li>
 *   <li>dikw end to end over TCP: a separate sender JVM sends string-id StingerBatch frames to a
 *       server in this JVM, which resolves names, queues and applies;</li>
 *   <li>JGraphT {@code DefaultDirectedWeightedGraph} (one thread; it is not thread-safe) and a
 *       {@code ConcurrentHashMap}-of-adjacency baseline (all cores) doing the same inserts.</li>
 * </ul>
 * Rates are updates per second; first/last batch rates are the mean of the per-batch rates over
 * the first and last 5% of batches, and the "pooled" slowdown divides the two windows' rates taken
 * as a whole (edges over time, see {@link IngestCurve}); bytes per edge are the store's own count
 * of its arrays (dikw) or the heap growth after a full GC (all). JGraphT's delete rate is timed on
 * the first {@link #JGRAPHT_DELETE_SAMPLE} edges. Prints a table and writes JSON, every insert
 * batch's time as JSON ({@code NAME-batches.json}) and a chart of the insert rate as the graph
 * fills ({@code NAME.png}).
 */
public final class GraphIngestBench {
    /** Targets from the issue. */
    static final double TARGET_IN_PROCESS = 2_000_000;
    static final double TARGET_TCP = 1_000_000;
    static final double TARGET_BYTES_PER_EDGE = 32;
    static final double TARGET_SLOWDOWN = 2;
    /** JGraphT's delete rate is measured on the first this-many edges (deleting all takes many minutes). */
    static final int JGRAPHT_DELETE_SAMPLE = 500_000;
    static final String USAGE = """
        usage: dikw-bench/bench graph-ingest [options]
          R-MAT edges inserted, then deleted, in batches: dikw's store in-process, dikw end to end over TCP
          from a separate sender JVM (string ids), JGraphT and a ConcurrentHashMap baseline.
          --scale S             R-MAT scale: 2^S vertices (default 20)
          --edge-factor F       edges per vertex (default 16)
          --batches B1,B2,...   batch sizes to time (default 1000,10000,100000)
          --threads T           apply threads (default: the cores, %d here)
          --peer-scale S        run JGraphT and the ConcurrentHashMap baseline at this scale (default: --scale)
          --no-peers            skip JGraphT and the ConcurrentHashMap baseline
          --no-tcp              skip the end-to-end runs
          --out FILE            the JSON table (default dikw-out/bench/graph-ingest.json); every insert batch's
                                time goes to FILE-batches.json and a chart of the rates to FILE.png
          Columns: "first/last batches/s" are the mean rates of the first and last 5%% of insert batches and
          "slowdown" their ratio; "slowdown (pooled)" divides the same windows' edges over their time.
        """;

    private GraphIngestBench() {
    }

    /**
     * @param args see the class comment
     * @throws Exception if a run fails
     */
    public static void main(final String[] args) throws Exception {
        int scale = 20;
        int edgeFactor = 16;
        int[] batches = {1000, 10_000, 100_000};
        int threads = Runtime.getRuntime().availableProcessors();
        Integer peerScale = null;
        boolean peers = true;
        boolean tcp = true;
        Path out = Path.of("dikw-out/bench/graph-ingest.json");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scale" -> scale = number(args, ++i);
                case "--edge-factor" -> edgeFactor = number(args, ++i);
                case "--batches" -> batches = numbers(args, ++i);
                case "--threads" -> threads = number(args, ++i);
                case "--peer-scale" -> peerScale = number(args, ++i);
                case "--no-peers" -> peers = false;
                case "--no-tcp" -> tcp = false;
                case "--out" -> out = Path.of(value(args, ++i));
                case "--help", "-h" -> {
                    System.out.print(usage());
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + usage());
            }
        }
        final long seed = 1;
        System.err.printf(Locale.ROOT, "generating R-MAT scale %d, edge factor %d...%n", scale, edgeFactor);
        final long[] edges = RmatBatches.generate(scale, edgeFactor, seed);
        final BenchTable table = new BenchTable(String.format(Locale.ROOT,
            "Graph ingest: R-MAT scale %d, edge factor %d (%,d edges), %d threads", scale, edgeFactor, edges.length,
            threads), List.of("system", "batch", "unique edges", "insert/s", "delete/s", "first batches/s",
            "last batches/s", "slowdown", "slowdown (pooled)", "bytes/edge"));
        final List<IngestCurve> curves = new ArrayList<>();
        final long[] warmUp = RmatBatches.generate(Math.min(scale, 18), edgeFactor, 2);
        for (final int batch : batches) {
            // Warm up with the same batch size, twice, so the first timed batches do not pay for
            // the JIT (the apply's code differs with the batch size: parts, sorting, bulk paths).
            System.err.println("warm-up (scale " + Math.min(scale, 18) + ", batches of " + batch + ")...");
            inProcess(warmUp, batch, threads, null, null);
            inProcess(warmUp, batch, threads, null, null);
            System.err.println("dikw in-process, batches of " + batch);
            inProcess(edges, batch, threads, table, curves);
        }
        if (tcp) {
            for (final int batch : batches) {
                System.err.println("dikw over TCP (string ids, sender in a separate JVM), batches of " + batch);
                overTcp(scale, edgeFactor, seed, edges.length, batch, threads, table, curves);
            }
        }
        if (peers) {
            final long[] peerEdges = peerScale == null ? edges : RmatBatches.generate(peerScale, edgeFactor, seed);
            final String suffix = peerScale == null ? "" : " (scale " + peerScale + ")";
            System.err.println("ConcurrentHashMap-of-adjacency baseline" + suffix);
            concurrentMap(peerEdges, batches[batches.length - 1], threads, table, suffix);
            System.err.println("JGraphT DefaultDirectedWeightedGraph" + suffix);
            jgrapht(peerEdges, table, suffix);
        }
        table.note("targets", String.format(Locale.ROOT, ">= %,.0f updates/s in-process (100k batches), >= %,.0f/s over "
            + "TCP with string ids, <= %.0fx slowdown first -> last batch, <= %.0f bytes/edge", TARGET_IN_PROCESS,
            TARGET_TCP, TARGET_SLOWDOWN, TARGET_BYTES_PER_EDGE));
        table.note("STINGER", "(measured on the 2-core machine of dikw-graph/README.md) about 73,000 edges/s end to "
            + "end (string ids, 100k batches), falling from ~230k/s on the first batch to ~43k/s");
        table.note("collector", String.join(", ", BenchTable.collectors()) + "; flags "
            + ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.contains("GC") || a.contains("Shenandoah")).toList()
            + " (the JVM's default unless BENCH_JAVA_OPTS names one; dikw-graph/README.md compares G1 and Shenandoah)");
        table.note("rmat", "a=" + RmatGenerator.A + " b=" + RmatGenerator.B + " c=" + RmatGenerator.C + " d="
            + RmatGenerator.D + " seed=" + seed);
        table.print(System.out);
        table.writeJson(out);
        final String stem = out.toString().endsWith(".json") ? out.toString().substring(0, out.toString().length() - 5)
            : out.toString();
        final Path perBatch = Path.of(stem + "-batches.json");
        Json.writeFile(perBatch, Map.of("benchmark", "graph-ingest insert batches, in the order applied",
            "machine", BenchTable.machine(), "runs", curves.stream().map(IngestCurve::toJson).toList()));
        final LineChart chart = LineChart.titled(String.format(Locale.ROOT,
            "Insert rate as the graph fills: R-MAT scale %d, edge factor %d, %d threads", scale, edgeFactor, threads))
            .xAxis("edges of the stream inserted (millions)").yAxis("insertions/s (millions)").yFromZero().size(1000, 600);
        for (final IngestCurve c : curves) {
            final double[][] line = c.chartLine();
            chart.series(String.format(Locale.ROOT, "%s, batches of %,d", c.system(), c.batch()), line[0], line[1]);
        }
        System.err.println("wrote " + out + ", " + perBatch + " and " + chart.writePng(Path.of(stem + ".png")));
    }

    /** @return {@code args[i]}, the value of the option before it; an error with the usage if there is none */
    private static String value(final String[] args, final int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + usage());
        }
        return args[i];
    }

    private static int number(final String[] args, final int i) {
        final int[] n = numbers(args, i);
        if (n.length != 1) {
            throw new IllegalArgumentException(args[i - 1] + " takes one number, not " + args[i] + "\n" + usage());
        }
        return n[0];
    }

    /** @return the comma-separated whole numbers of option value {@code args[i]}, each at least 1 */
    private static int[] numbers(final String[] args, final int i) {
        final String[] parts = value(args, i).split(",");
        final int[] out = new int[parts.length];
        for (int p = 0; p < parts.length; p++) {
            try {
                out[p] = Integer.parseInt(parts[p].strip());
            } catch (final NumberFormatException e) {
                out[p] = 0;
            }
            if (out[p] < 1) {
                throw new IllegalArgumentException(args[i - 1] + " " + args[i] + ": '" + parts[p] + "' is not a whole "
                    + "number >= 1\n" + usage());
            }
        }
        return out;
    }

    private static String usage() {
        return String.format(Locale.ROOT, USAGE, Runtime.getRuntime().availableProcessors());
    }

    private static void row(final BenchTable table, final IngestCurve curve, final long unique, final double insertRate,
        final double deleteRate, final String bytes) {
        final double[] mean = curve.meanRates();
        table.row(curve.system(), curve.batch(), unique, insertRate, deleteRate, mean[0], mean[1], mean[2],
            curve.windowRates()[2], bytes);
    }

    /**
     * Batch {@code b} of the edges, as insertions or deletions. The in-process run builds each
     * batch just before applying it (off the clock), so the heap holds the graph and one batch, as
     * a server's does, not every batch of the run.
     */
    private static EdgeBatch batch(final long[] edges, final int batch, final int b, final boolean delete) {
        final EdgeBatch.Builder builder = EdgeBatch.builder();
        for (int i = b * batch; i < Math.min(edges.length, (b + 1) * batch); i++) {
            final int s = RmatGenerator.source(edges[i]);
            final int d = RmatGenerator.destination(edges[i]);
            if (delete) {
                builder.delete(s, d, 0);
            } else {
                builder.insert(s, d, 0, 1, b);
            }
        }
        return builder.build();
    }

    private static void inProcess(final long[] edges, final int batch, final int threads, final BenchTable table,
        final List<IngestCurve> curves) {
        final int count = (edges.length + batch - 1) / batch;
        final long heapBefore = usedHeapAfterGc();
        try (GraphStore store = new GraphStore(1 << 30, threads)) {
            final int[] sizes = new int[count];
            final long[] nanos = new long[count];
            final long[] gcMillis = new long[count];
            long insertNanos = 0;
            for (int i = 0; i < count; i++) {
                final EdgeBatch inserts = batch(edges, batch, i, false);
                final long gcBefore = gcMillis();
                final ApplyResult r = store.apply(inserts);
                gcMillis[i] = gcMillis() - gcBefore;
                insertNanos += r.nanos();
                sizes[i] = inserts.size();
                nanos[i] = Math.max(1, r.nanos());
            }
            final long unique = store.edgeCount();
            final double storeBytes = store.memoryBytes() / (double) unique;
            final double heapBytes = (usedHeapAfterGc() - heapBefore) / (double) unique;
            long deleteNanos = 0;
            for (int i = 0; i < count; i++) {
                deleteNanos += store.apply(batch(edges, batch, i, true)).nanos();
            }
            if (store.edgeCount() != 0) {
                throw new IllegalStateException("deleting every edge left " + store.edgeCount());
            }
            if (table != null) {
                final IngestCurve curve = new IngestCurve("dikw in-process", batch, 0, sizes, nanos);
                curves.add(curve);
                row(table, curve, unique, edges.length / (insertNanos / 1e9), edges.length / (deleteNanos / 1e9),
                    String.format(Locale.ROOT, "%.1f (heap %.1f)", storeBytes, heapBytes));
                final int k = Math.max(1, gcMillis.length / 20);
                table.note("gc, in-process " + batch, String.format(Locale.ROOT, "collector time while inserting: %,d ms "
                    + "in all, %,d ms in the first 5%% of batches, %,d ms in the last 5%% (it is inside the batch times)",
                    Arrays.stream(gcMillis).sum(), Arrays.stream(gcMillis, 0, k).sum(),
                    Arrays.stream(gcMillis, gcMillis.length - k, gcMillis.length).sum()));
            }
        }
    }

    private static void overTcp(final int scale, final int edgeFactor, final long seed, final int total, final int batch,
        final int threads, final BenchTable table, final List<IngestCurve> curves) throws Exception {
        final ServerConfig config = new ServerConfig(0, 1 << 30, threads, ServerConfig.DEFAULT_QUEUE_BATCHES,
            io.dikw.graph.wire.Frames.DEFAULT_MAX_BODY_BYTES, null, 0);
        final long heapBefore = usedHeapAfterGc();
        try (GraphServer server = GraphServer.start(config, line -> { })) {
            final long[] doneAt = new long[2 * ((total + batch - 1) / batch) + 1];
            final int[] n = {0};
            server.store().addListener(new BatchListener() {
                @Override
                public void afterApply(final GraphView after, final EdgeBatch b, final ApplyResult r) {
                    doneAt[n[0]++] = System.nanoTime();
                }
            });
            final Process sender = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-Xmx3g", "-cp",
                System.getProperty("java.class.path"), RmatSender.class.getName(), "localhost:" + server.port(),
                String.valueOf(scale), String.valueOf(edgeFactor), String.valueOf(batch), String.valueOf(seed), "--delete")
                .redirectErrorStream(true).start();
            final BufferedReader senderOut = new BufferedReader(new InputStreamReader(sender.getInputStream(),
                StandardCharsets.UTF_8));
            final String ready = senderOut.readLine();
            if (!"ready".equals(ready)) {
                throw new IllegalStateException("sender failed: " + ready);
            }
            long start = 0;
            while (server.counters().framesReceived() == 0) {
                start = System.nanoTime();
                Thread.onSpinWait();
            }
            while (server.counters().insertions() < total) {
                Thread.sleep(1);
            }
            final long inserted = System.nanoTime();
            final long unique = server.store().edgeCount();
            final double storeBytes = server.store().memoryBytes() / (double) unique;
            while (server.counters().deletions() < total) {
                Thread.sleep(1);
            }
            final long deleted = System.nanoTime();
            if (!sender.waitFor(60, TimeUnit.SECONDS)) {
                sender.destroyForcibly();
            }
            // A batch's time is the gap since the batch before completed, so the first is not timed.
            final int insertBatches = (total + batch - 1) / batch;
            final int[] sizes = new int[insertBatches - 1];
            final long[] nanos = new long[insertBatches - 1];
            for (int i = 1; i < insertBatches; i++) {
                sizes[i - 1] = Math.min(batch, total - i * batch);
                nanos[i - 1] = Math.max(1, doneAt[i] - doneAt[i - 1]);
            }
            final IngestCurve curve = new IngestCurve("dikw TCP, string ids", batch, batch, sizes, nanos);
            curves.add(curve);
            row(table, curve, unique, total / ((inserted - start) / 1e9), total / ((deleted - inserted) / 1e9),
                String.format(Locale.ROOT, "%.1f (+names: heap %.1f)", storeBytes,
                    (usedHeapAfterGc() - heapBefore) / (double) unique));
        }
    }

    private static void concurrentMap(final long[] edges, final int batch, final int threads, final BenchTable table,
        final String suffix) throws Exception {
        final long heapBefore = usedHeapAfterGc();
        final ConcurrentHashMap<Integer, ConcurrentHashMap<Long, long[]>> graph = new ConcurrentHashMap<>();
        final ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            final long t0 = System.nanoTime();
            runSliced(pool, edges, batch, threads, (s, d, b) -> graph.computeIfAbsent(s, k -> new ConcurrentHashMap<>())
                .compute((long) d << 16, (k, e) -> {
                    if (e == null) {
                        return new long[] {1, b, b};
                    }
                    e[0]++;
                    e[2] = Math.max(e[2], b);
                    return e;
                }));
            final long t1 = System.nanoTime();
            final long unique = graph.values().stream().mapToLong(ConcurrentHashMap::size).sum();
            final double bytes = (usedHeapAfterGc() - heapBefore) / (double) unique;
            runSliced(pool, edges, batch, threads, (s, d, b) -> {
                final ConcurrentHashMap<Long, long[]> adj = graph.get(s);
                if (adj != null) {
                    adj.remove((long) d << 16);
                }
            });
            final long t2 = System.nanoTime();
            table.row("ConcurrentHashMap adjacency" + suffix, batch, unique, edges.length / ((t1 - t0) / 1e9),
                edges.length / ((t2 - t1) / 1e9), "-", "-", "-", "-", String.format(Locale.ROOT, "heap %.1f", bytes));
        } finally {
            pool.shutdownNow();
        }
    }

    /** One edge operation: source, destination, batch number. */
    private interface EdgeOp {
        void apply(int source, int destination, int batch);
    }

    /** Each batch is cut into one slice per thread; the slices run in parallel, batches one after another. */
    private static void runSliced(final ExecutorService pool, final long[] edges, final int batch, final int threads,
        final EdgeOp op) throws Exception {
        for (int from = 0, b = 0; from < edges.length; from += batch, b++) {
            final int to = Math.min(edges.length, from + batch);
            final List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                final int lo = from + (int) ((long) (to - from) * t / threads);
                final int hi = from + (int) ((long) (to - from) * (t + 1) / threads);
                final int bn = b;
                parts.add(pool.submit(() -> {
                    for (int i = lo; i < hi; i++) {
                        op.apply(RmatGenerator.source(edges[i]), RmatGenerator.destination(edges[i]), bn);
                    }
                }));
            }
            for (final Future<?> f : parts) {
                f.get();
            }
        }
    }

    private static void jgrapht(final long[] edges, final BenchTable table, final String suffix) {
        final long heapBefore = usedHeapAfterGc();
        final DefaultDirectedWeightedGraph<Integer, DefaultWeightedEdge> g =
            new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        final long t0 = System.nanoTime();
        for (final long e : edges) {
            final Integer s = RmatGenerator.source(e);
            final Integer d = RmatGenerator.destination(e);
            g.addVertex(s);
            g.addVertex(d);
            final DefaultWeightedEdge existing = g.getEdge(s, d);
            if (existing == null) {
                g.setEdgeWeight(g.addEdge(s, d), 1);
            } else {
                g.setEdgeWeight(existing, g.getEdgeWeight(existing) + 1);
            }
        }
        final long t1 = System.nanoTime();
        final long unique = g.edgeSet().size();
        final double bytes = (usedHeapAfterGc() - heapBefore) / (double) unique;
        final int sample = Math.min(edges.length, JGRAPHT_DELETE_SAMPLE); // its deletions are slow: time a sample
        for (int i = 0; i < sample; i++) {
            g.removeEdge(RmatGenerator.source(edges[i]), RmatGenerator.destination(edges[i]));
        }
        final long t2 = System.nanoTime();
        table.row("JGraphT DefaultDirectedWeightedGraph" + suffix, "1 (no batches)", unique,
            edges.length / ((t1 - t0) / 1e9), sample / ((t2 - t1) / 1e9), "-", "-", "-", "-",
            String.format(Locale.ROOT, "heap %.1f", bytes));
    }

    /** @return milliseconds the collectors have stopped the program since the JVM started */
    private static long gcMillis() {
        long ms = 0;
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!gc.getName().endsWith("Cycles")) { // Shenandoah's and ZGC's cycles run beside the program
                ms += Math.max(0, gc.getCollectionTime());
            }
        }
        return ms;
    }

    private static long usedHeapAfterGc() {
        final Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
