package io.dikw.graph.rmat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RmatGeneratorTest {

    @Test
    void isDeterministicAndStaysInRange() {
        final long[] a = RmatBatches.generate(10, 4, 7);
        assertThat(RmatBatches.generate(10, 4, 7)).isEqualTo(a);
        assertThat(RmatBatches.generate(10, 4, 8)).isNotEqualTo(a);
        for (final long e : a) {
            assertThat(RmatGenerator.source(e)).isBetween(0, 1023);
            assertThat(RmatGenerator.destination(e)).isBetween(0, 1023);
        }
    }

    @Test
    void degreesAreSkewedAsGraph500Expects() {
        final long[] edges = RmatBatches.generate(14, 16, 1);
        final int[] out = new int[1 << 14];
        for (final long e : edges) {
            out[RmatGenerator.source(e)]++;
        }
        Arrays.sort(out);
        final double mean = 16.0;
        // the busiest vertex has far more edges than the mean, and many vertices have none
        assertThat(out[out.length - 1]).isGreaterThan((int) (50 * mean));
        assertThat(Arrays.stream(out).filter(d -> d == 0).count()).isGreaterThan(out.length / 10);
    }

    @Test
    void quadrantFrequenciesMatchTheParameters() {
        final RmatGenerator g = new RmatGenerator(1, 3);
        final int[] q = new int[4];
        final int n = 200_000;
        for (int i = 0; i < n; i++) {
            final long e = g.next();
            final int s = RmatGenerator.source(e);
            final int d = RmatGenerator.destination(e);
            q[s * 2 + d]++;
        }
        // with scale 1 the scramble is a bijection on {0,1}; compare the sorted frequencies
        final double[] f = Arrays.stream(q).mapToDouble(c -> c / (double) n).sorted().toArray();
        assertThat(f[3]).isCloseTo(RmatGenerator.A, org.assertj.core.data.Offset.offset(0.01));
        assertThat(f[0]).isCloseTo(RmatGenerator.D, org.assertj.core.data.Offset.offset(0.01));
    }
}
