package io.dikw.microcluster.data;

import java.io.IOException;
import java.io.Writer;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Writes a KDD Cup '99-shaped stream (the data set itself is not available offline): 41
 * attributes with the real names and types, the label last, no header, like the original file.
 * Classes come in the proportions of the 10% file, in long single-class bursts (a class is chosen
 * with probability ∝ share / mean burst, then repeated for an exponentially distributed burst),
 * so the stream drifts as the original does. Byte counts are log-normal (heavy-tailed), rates lie
 * in [0, 1], most counters are zero. Same seed, same stream.
 */
public final class KddGenerator {
    private final long seed;

    /** @param seed the random seed */
    public KddGenerator(final long seed) {
        this.seed = seed;
    }

    /**
     * @param count    records to write
     * @param out      where the lines go
     * @param progress hears records written (every 10,000); may be null
     * @return per-class record counts, in {@link KddTraffic#CLASSES} order
     * @throws IOException when writing fails
     */
    public long[] write(final long count, final Writer out, final LongConsumer progress) throws IOException {
        final SplittableRandom r = new SplittableRandom(seed);
        final int classes = KddTraffic.CLASSES.size();
        final double[] pick = new double[classes];
        double total = 0;
        for (int c = 0; c < classes; c++) {
            final KddTraffic t = KddTraffic.CLASSES.get(c);
            total += t.count() / t.meanBurst();
            pick[c] = total;
        }
        final long[] written = new long[classes];
        final StringBuilder line = new StringBuilder(256);
        long remaining = 0;
        int current = 0;
        for (long i = 0; i < count; i++) {
            if (remaining == 0) {
                final double u = r.nextDouble() * total;
                current = 0;
                while (pick[current] < u) {
                    current++;
                }
                final double mean = KddTraffic.CLASSES.get(current).meanBurst();
                remaining = Math.max(1, Math.round(-mean * Math.log(1 - r.nextDouble())));
            }
            remaining--;
            line.setLength(0);
            KddTraffic.CLASSES.get(current).write(r, line);
            out.append(line).append('\n');
            written[current]++;
            if (progress != null && (i + 1) % 10_000 == 0) {
                progress.accept(i + 1);
            }
        }
        if (progress != null) {
            progress.accept(count);
        }
        return written;
    }

    /** @param c a class index @return its label */
    public static String label(final int c) {
        return KddTraffic.CLASSES.get(c).label();
    }
}
