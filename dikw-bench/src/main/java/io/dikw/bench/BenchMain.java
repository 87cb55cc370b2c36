package io.dikw.bench;

import io.dikw.bench.social.SequentialSocialBench;
import java.util.Arrays;

/** Runs one benchmark by name: {@code BenchMain NAME [options]}. */
public final class BenchMain {
    private BenchMain() {
    }

    /**
     * @param args the benchmark's name, then its options
     * @throws Exception whatever the benchmark throws
     */
    public static void main(final String[] args) throws Exception {
        final String name = args.length == 0 ? "" : args[0];
        final String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        try {
            run(name, rest);
        } catch (final IllegalArgumentException e) { // a bad option: say which, without a stack trace
            System.err.println("bench " + name + ": " + e.getMessage());
            System.exit(2);
        }
    }

    private static void run(final String name, final String[] rest) throws Exception {
        switch (name) {
            case "social-sequential" -> SequentialSocialBench.main(rest);
            case "social-parallel" -> io.dikw.bench.social.ParallelSocialBench.main(rest);
            case "microcluster" -> io.dikw.bench.microcluster.MicroClusterBench.main(rest);
            case "microcluster-jmh" -> io.dikw.bench.microcluster.NearestKernelJmh.main(rest);
            case "graph-ingest" -> io.dikw.bench.graph.GraphIngestBench.main(rest);
            case "harmonic" -> io.dikw.bench.harmonic.HarmonicBench.main(rest);
            case "collectives" -> io.dikw.bench.collectives.CollectivesBench.main(rest);
            default -> {
                System.err.println("usage: dikw-bench/bench NAME [options]\n"
                    + "  social-sequential [--sample FILE] [--tweets N] [--rate R] [--out FILE]\n"
                    + "      sequential meme clustering tweets/s and heap on the sample and a generated stream\n"
                    + "  social-parallel [--tweets N] [--rate R] [--full-tweets N] [--bolts 1,2,4] [--skip-sync] [--out FILE]\n"
                    + "      sequential vs Storm with 1, 2, 4 bolts (tweets/s, LFK-NMI), delta vs full sync bytes\n"
                    + "  microcluster [--points N] [--rbf-points N] [--moa-points N] [--p 1,2,4] [--repeats R] [--out FILE]\n"
                    + "      parallel SCluStream vs MOA CluStream: points/s and window SSQ on KDD'99-like and RBF streams\n"
                    + "  microcluster-jmh [JMH options]\n"
                    + "      JMH: the nearest-micro-cluster kernel, dimension-major vs row-major centroids\n"
                    + "  graph-ingest [--scale 20] [--edge-factor 16] [--batches 1000,10000,100000] [--threads T]\n"
                    + "      [--peer-scale S] [--no-peers] [--no-tcp] [--out FILE]\n"
                    + "      R-MAT insert/delete rates in-process and over TCP vs JGraphT and a ConcurrentHashMap baseline\n"
                    + "  harmonic [--sizes 1KB,100KB,1MB,10MB] [--megabytes M] [--quick]\n"
                    + "      [--systems harmonic,harmonic-pertuple,storm,storm-inworker,artemis] [--storm-pending N]\n"
                    + "      HarmonicIO (master + 2 workers) vs Storm LocalCluster vs Artemis: msg/s and MB/s per payload size\n"
                    + "  collectives [--sizes 100,1000] [--tasks 8,16] [--algorithms serial,binary-tree] [--point-millis MS]\n"
                    + "      broadcast p50/p99 latency and throughput, every algorithm vs serial (allGrouping), PNG charts");
                System.exit(name.isEmpty() || "--help".equals(name) ? 0 : 2);
            }
        }
    }
}
