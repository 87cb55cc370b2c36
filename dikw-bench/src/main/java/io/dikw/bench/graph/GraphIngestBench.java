package io.dikw.bench.graph;

import io.dikw.bench.BenchTable;
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
 * Rates are updates per second; first/last batch rates are the mean over the first and last 5%
 * of batches; bytes per edge are the store's own count of its arrays (dikw) or the heap growth
 * after a full GC (all). JGraphT's delete rate is timed on the first {@link #JGRAPHT_DELETE_SAMPLE}
 * edges. Prints a table and writes JSON.
 *
 * <p>Usage: {@code GraphIngestBench [--scale S] [--edge-factor F] [--batches 1000,10000,100000]
 * [--threads T] [--peer-scale S] [--no-peers] [--no-tcp] [--out FILE]}.
 */
public final class GraphIngestBench {
    /** Targets from the issue. */
    static final double TARGET_IN_PROCESS = 2_000_000;
    static final double TARGET_TCP = 1_000_000;
    static final double TARGET_BYTES_PER_EDGE = 32;
    static final double TARGET_SLOWDOWN = 2;
    /** JGraphT's delete rate is measured on the first this-many edges (deleting all takes many minutes). */
    static final int JGRAPHT_DELETE_SAMPLE = 500_000;

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
                case "--scale" -> scale = Integer.parseInt(args[++i]);
                case "--edge-factor" -> edgeFactor = Integer.parseInt(args[++i]);
                case "--batches" -> batches = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--peer-scale" -> peerScale = Integer.parseInt(args[++i]);
                case "--no-peers" -> peers = false;
                case "--no-tcp" -> tcp = false;
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (options: --scale S "
                    + "--edge-factor F --batches 1000,10000,100000 --threads T --peer-scale S --no-peers --no-tcp --out FILE)");
            }
        }
        final long seed = 1;
        System.err.printf(Locale.ROOT, "generating R-MAT scale %d, edge factor %d...%n", scale, edgeFactor);
        final long[] edges = RmatBatches.generate(scale, edgeFactor, seed);
        final BenchTable table = new BenchTable(String.format(Locale.ROOT,
            "Graph ingest: R-MAT scale %d, edge factor %d (%,d edges), %d threads", scale, edgeFactor, edges.length,
            threads), List.of("system", "batch", "unique edges", "insert/s", "delete/s", "first batches/s",
            "last batches/s", "slowdown", "bytes/edge"));
        final long[] warmUp = RmatBatches.generate(Math.min(scale, 18), edgeFactor, 2);
        for (final int batch : batches) {
            // Warm up with the same batch size, twice, so the first timed batches do not pay for
            // the JIT (the apply's code differs with the batch size: parts, sorting, bulk paths).
            System.err.println("warm-up (scale " + Math.min(scale, 18) + ", batches of " + batch + ")...");
            inProcess(warmUp, batch, threads, null);
            inProcess(warmUp, batch, threads, null);
            System.err.println("dikw in-process, batches of " + batch);
            inProcess(edges, batch, threads, table);
        }
        if (tcp) {
            for (final int batch : batches) {
                System.err.println("dikw over TCP (string ids, sender in a separate JVM), batches of " + batch);
                overTcp(scale, edgeFactor, seed, edges.length, batch, threads, table);
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
        table.note("STINGER", "about 73,000 edges/s end to end on this machine (string ids, 100k batches), falling from "
            + "~230k/s on the first batch to ~43k/s");
        table.note("rmat", "a=" + RmatGenerator.A + " b=" + RmatGenerator.B + " c=" + RmatGenerator.C + " d="
            + RmatGenerator.D + " seed=" + seed);
        table.print(System.out);
        table.writeJson(out);
        System.err.println("wrote " + out);
    }

    /** Mean of per-batch rates over the first and last 5% of batches (at least one each). */
    private static double[] firstLast(final double[] rates) {
        final int k = Math.max(1, rates.length / 20);
        double first = 0;
        double last = 0;
        for (int i = 0; i < k; i++) {
            first += rates[i];
            last += rates[rates.length - 1 - i];
        }
        return new double[] {first / k, last / k};
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

    private static void inProcess(final long[] edges, final int batch, final int threads, final BenchTable table) {
        final int count = (edges.length + batch - 1) / batch;
        final long heapBefore = usedHeapAfterGc();
        try (GraphStore store = new GraphStore(1 << 30, threads)) {
            final double[] rates = new double[count];
            final long[] gcMillis = new long[count];
            long insertNanos = 0;
            for (int i = 0; i < count; i++) {
                final EdgeBatch inserts = batch(edges, batch, i, false);
                final long gcBefore = gcMillis();
                final ApplyResult r = store.apply(inserts);
                gcMillis[i] = gcMillis() - gcBefore;
                insertNanos += r.nanos();
                rates[i] = inserts.size() / (r.nanos() / 1e9);
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
                final double[] fl = firstLast(rates);
                table.row("dikw in-process", batch, unique, edges.length / (insertNanos / 1e9),
                    edges.length / (deleteNanos / 1e9), fl[0], fl[1], fl[0] / fl[1],
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
        final int threads, final BenchTable table) throws Exception {
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
            final int insertBatches = (total + batch - 1) / batch;
            final double[] rates = new double[insertBatches - 1];
            for (int i = 1; i < insertBatches; i++) {
                rates[i - 1] = batch / ((doneAt[i] - doneAt[i - 1]) / 1e9);
            }
            final double[] fl = rates.length == 0 ? new double[] {Double.NaN, Double.NaN} : firstLast(rates);
            table.row("dikw TCP, string ids", batch, unique, total / ((inserted - start) / 1e9),
                total / ((deleted - inserted) / 1e9), fl[0], fl[1], fl[0] / fl[1],
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
                edges.length / ((t2 - t1) / 1e9), "-", "-", "-", String.format(Locale.ROOT, "heap %.1f", bytes));
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
            edges.length / ((t1 - t0) / 1e9), sample / ((t2 - t1) / 1e9), "-", "-", "-",
            String.format(Locale.ROOT, "heap %.1f", bytes));
    }

    /** @return milliseconds the collectors have spent since the JVM started */
    private static long gcMillis() {
        long ms = 0;
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
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
