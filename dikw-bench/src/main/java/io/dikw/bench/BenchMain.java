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
        switch (name) {
            case "social-sequential" -> SequentialSocialBench.main(rest);
            case "social-parallel" -> io.dikw.bench.social.ParallelSocialBench.main(rest);
            case "harmonic" -> io.dikw.bench.harmonic.HarmonicBench.main(rest);
            default -> {
                System.err.println("usage: dikw-bench/bench NAME [options]\n"
                    + "  social-sequential [--sample FILE] [--tweets N] [--rate R] [--out FILE]\n"
                    + "      sequential meme clustering tweets/s and heap on the sample and a generated stream\n"
                    + "  social-parallel [--tweets N] [--rate R] [--full-tweets N] [--bolts 1,2,4] [--out FILE]\n"
                    + "      sequential vs Storm with 1, 2, 4 bolts (tweets/s, LFK-NMI), delta vs full sync bytes\n"
                    + "  harmonic [--sizes 1KB,100KB,1MB,10MB] [--megabytes M] [--systems harmonic,storm,artemis] [--quick]\n"
                    + "      HarmonicIO (master + 2 workers) vs Storm LocalCluster vs Artemis: msg/s and MB/s per payload size");
                System.exit(name.isEmpty() || "--help".equals(name) ? 0 : 2);
            }
        }
    }
}
