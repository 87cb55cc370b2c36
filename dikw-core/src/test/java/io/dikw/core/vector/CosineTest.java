package io.dikw.core.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CosineTest {

    @Test
    void identicalDirectionsHaveCosineOne() {
        final SparseVector point = SparseVector.countsOf(new long[] {1, 2, 2, 3});
        final SumVector centroid = new SumVector();
        centroid.add(point);
        assertThat(Cosine.between(point, centroid)).isEqualTo(1.0);
        centroid.add(point);
        centroid.add(point);
        assertThat(Cosine.between(point, centroid)).isEqualTo(1.0);
    }

    @Test
    void disjointVectorsHaveCosineZero() {
        final SumVector centroid = new SumVector();
        centroid.add(SparseVector.setOf(new long[] {1, 2}));
        assertThat(Cosine.between(SparseVector.setOf(new long[] {3, 4}), centroid)).isZero();
    }

    @Test
    void emptySidesHaveCosineZero() {
        final SumVector empty = new SumVector();
        final SumVector full = new SumVector();
        full.add(SparseVector.setOf(new long[] {1}));
        assertThat(Cosine.between(SparseVector.EMPTY, full)).isZero();
        assertThat(Cosine.between(SparseVector.setOf(new long[] {1}), empty)).isZero();
        assertThat(Cosine.between(SparseVector.EMPTY, empty)).isZero();
    }

    @Test
    void knownValue() {
        // a = (1, 1, 0), b = (1, 0, 1): cos = 1 / 2
        final SumVector b = new SumVector();
        b.add(SparseVector.setOf(new long[] {10, 30}));
        assertThat(Cosine.between(SparseVector.setOf(new long[] {10, 20}), b)).isCloseTo(0.5, within(1e-15));
        // a = (3, 4), b = (4, 3): cos = 24 / 25
        final SumVector c = new SumVector();
        c.addCount(1, 4);
        c.addCount(2, 3);
        assertThat(Cosine.between(SparseVector.of(new long[] {1, 2}, new long[] {3, 4}), c))
            .isCloseTo(24.0 / 25.0, within(1e-15));
    }

    @Test
    void ofIsZeroWhenTheDotOrANormIsZero() {
        assertThat(Cosine.of(0, 5, 5)).isZero();
        assertThat(Cosine.of(3, 0, 5)).isZero();
        assertThat(Cosine.of(3, 5, 0)).isZero();
    }

    @Test
    void ofIsCappedAtOne() {
        assertThat(Cosine.of(10, 10, 10)).isEqualTo(1.0);
        assertThat(Cosine.of(11, 10, 10)).isEqualTo(1.0);
        assertThat(Cosine.of(2, 1, 4)).isEqualTo(1.0);
    }

    @Test
    void ofHandlesNormsWhoseProductOverflowsALong() {
        final long big = 1L << 40;
        assertThat(Cosine.of(big, big, big)).isEqualTo(1.0);
        assertThat(Cosine.of(big / 2, big, big)).isCloseTo(0.5, within(1e-12));
    }

    @Property(tries = 300)
    void betweenMatchesANaiveComputationAndStaysInTheUnitInterval(
        @ForAll @Size(max = 25) final List<@LongRange(min = 0, max = 12) Long> pointKeys,
        @ForAll @Size(max = 60) final List<@LongRange(min = 0, max = 12) Long> centroidKeys) {
        final SparseVector point = SparseVector.countsOf(pointKeys.stream().mapToLong(Long::longValue).toArray());
        final SumVector centroid = new SumVector();
        centroid.add(SparseVector.countsOf(centroidKeys.stream().mapToLong(Long::longValue).toArray()));
        final Map<Long, Long> a = counts(pointKeys);
        final Map<Long, Long> b = counts(centroidKeys);
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (final Map.Entry<Long, Long> e : a.entrySet()) {
            dot += (double) e.getValue() * b.getOrDefault(e.getKey(), 0L);
            na += (double) e.getValue() * e.getValue();
        }
        for (final long c : b.values()) {
            nb += (double) c * c;
        }
        final double expected = dot == 0 ? 0 : dot / (Math.sqrt(na) * Math.sqrt(nb));
        final double cos = Cosine.between(point, centroid);
        assertThat(cos).isBetween(0.0, 1.0).isCloseTo(Math.min(1.0, expected), within(1e-12));
        assertThat(cos).isEqualTo(Cosine.of(centroid.dot(point), point.normSquared(), centroid.normSquared()));
    }

    @Property(tries = 100)
    void cosineDoesNotDependOnTheCentroidsScale(
        @ForAll @Size(min = 1, max = 20) final List<@LongRange(min = 0, max = 8) Long> pointKeys,
        @ForAll @Size(min = 1, max = 20) final List<@LongRange(min = 0, max = 8) Long> memberKeys,
        @ForAll @IntRange(min = 2, max = 9) final int copies) {
        final SparseVector point = SparseVector.countsOf(pointKeys.stream().mapToLong(Long::longValue).toArray());
        final SparseVector member = SparseVector.countsOf(memberKeys.stream().mapToLong(Long::longValue).toArray());
        final SumVector once = new SumVector();
        once.add(member);
        final SumVector many = new SumVector();
        for (int i = 0; i < copies; i++) {
            many.add(member);
        }
        assertThat(Cosine.between(point, many)).isCloseTo(Cosine.between(point, once), within(1e-12));
    }

    private static Map<Long, Long> counts(final List<Long> keys) {
        final Map<Long, Long> m = new HashMap<>();
        for (final long k : keys) {
            m.merge(k, 1L, Long::sum);
        }
        return m;
    }
}
