package io.dikw.microcluster.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.dikw.core.io.DeadLetters;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KddGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void writesKddShapedRowsInTheOriginalProportionsAndBursts() throws Exception {
        final StringWriter out = new StringWriter();
        final long[] counts = new KddGenerator(5).write(200_000, out, null);
        final String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(200_000);
        int bursts = 1;
        int badShape = 0;
        int rateOutOfRange = 0;
        String previous = null;
        for (final String line : lines) {
            final String[] f = line.split(",", -1);
            if (f.length != 42 || !(f[1].equals("tcp") || f[1].equals("udp") || f[1].equals("icmp"))
                || !f[41].endsWith(".")) {
                badShape++;
                continue;
            }
            for (final int rate : new int[] {24, 25, 26, 27, 28, 29, 30, 33, 34, 35, 36, 37, 38, 39, 40}) {
                final double v = Double.parseDouble(f[rate]);
                if (v < 0 || v > 1) {
                    rateOutOfRange++;
                }
            }
            if (previous != null && !previous.equals(f[41])) {
                bursts++;
            }
            previous = f[41];
        }
        assertThat(badShape).isZero();
        assertThat(rateOutOfRange).isZero();
        // smurf ~57%, neptune ~22%, normal ~20% as in the 10% file
        assertThat(counts[0] / 200_000.0).isBetween(0.35, 0.75);
        assertThat(counts[2] / 200_000.0).isBetween(0.08, 0.35);
        assertThat(200_000.0 / bursts).isGreaterThan(500); // long single-class runs
        final Path f = dir.resolve("kdd.csv");
        Files.writeString(f, out.toString());
        try (CsvPointSource src = CsvPointSource.open(f, Kdd99.layout(1000), Normalizer.Kind.ZSCORE, BadRowPolicy.FAIL,
            DeadLetters.inMemory(1))) {
            final double[] x = new double[34];
            long n = 0;
            while (src.next(x, 0)) {
                n++;
            }
            assertThat(n).isEqualTo(200_000);
            assertThat(src.labelNames()).contains("smurf", "neptune", "normal");
        }
    }

    @Test
    void theSameSeedGivesTheSameStream() throws Exception {
        final StringWriter a = new StringWriter();
        final StringWriter b = new StringWriter();
        new KddGenerator(9).write(1000, a, null);
        new KddGenerator(9).write(1000, b, null);
        assertThat(a.toString()).isEqualTo(b.toString());
    }
}
