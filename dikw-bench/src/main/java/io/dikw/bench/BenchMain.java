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
            default -> {
                System.err.println("usage: dikw-bench/bench NAME [options]\n"
                    + "  social-sequential [--sample FILE] [--tweets N] [--rate R] [--out FILE]\n"
                    + "      sequential meme clustering tweets/s and heap on the sample and a generated stream");
                System.exit(name.isEmpty() || "--help".equals(name) ? 0 : 2);
            }
        }
    }
}
