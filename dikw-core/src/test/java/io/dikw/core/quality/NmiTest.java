package io.dikw.core.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class NmiTest {

    @Test
    void identicalPartitionsScoreOne() {
        assertThat(Nmi.between(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 1})).isEqualTo(1.0);
    }

    @Test
    void renamedLabelsStillScoreOne() {
        assertThat(Nmi.between(new int[] {0, 0, 1, 1, 2}, new int[] {9, 9, 4, 4, 100})).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void crossingPartitionsScoreZero() {
        assertThat(Nmi.between(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1})).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void twoVersusThreeClustersMatchesHandComputedValue() {
        // a = [0,0,0,1,1,1], b = [0,0,1,1,2,2]; m = 6, natural logs.
        // H(a) = ln 2 = 0.693147, H(b) = ln 3 = 1.098612.
        // Non-zero cells: (0,0)=2, (0,1)=1, (1,1)=1, (1,2)=2.
        // I = 2·(2/6)·ln((2/6)/(1/2·1/3)) + 2·(1/6)·ln((1/6)/(1/2·1/3)) = (2/3)·ln 2 + 0 = 0.462098.
        // NMI = 2·0.462098 / (0.693147 + 1.098612) = 0.515804 (scikit-learn gives the same).
        assertThat(Nmi.between(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 2, 2}))
            .isCloseTo(0.5158037, within(1e-6));
    }

    @Test
    void itemsUnassignedOnEitherSideAreSkipped() {
        final double expected = Nmi.between(new int[] {0, 0, 1}, new int[] {0, 1, 1});

        assertThat(Nmi.between(new int[] {0, -1, 0, 1, 1}, new int[] {0, 3, 1, -1, 1}))
            .isCloseTo(expected, within(1e-15));
    }

    @Test
    void bothSingleClusterOrNoItemsScoreOne() {
        assertThat(Nmi.between(new int[] {3, 3, 3}, new int[] {1, 1, 1})).isEqualTo(1.0);
        assertThat(Nmi.between(new int[0], new int[0])).isEqualTo(1.0);
        assertThat(Nmi.between(new int[] {-1, 0}, new int[] {0, -1})).isEqualTo(1.0);
    }

    @Test
    void singleClusterAgainstSeveralScoresZero() {
        assertThat(Nmi.between(new int[] {0, 0, 0, 0}, new int[] {0, 0, 1, 1})).isEqualTo(0.0);
        assertThat(Nmi.between(new int[] {0, 1, 2, 3}, new int[] {5, 5, 5, 5})).isEqualTo(0.0);
    }

    @Test
    void independentRandomPartitionsOfManyItemsScoreNearZero() {
        final Random random = new Random(42);
        final int[] a = random.ints(20_000, 0, 10).toArray();
        final int[] b = random.ints(20_000, 0, 10).toArray();

        assertThat(Nmi.between(a, b)).isBetween(0.0, 0.05);
    }

    @Test
    void mismatchedLengthsAreRejected() {
        assertThatThrownBy(() -> Nmi.between(new int[2], new int[3]))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("a.length=2")
            .hasMessageContaining("b.length=3");
        assertThatThrownBy(() -> Nmi.between(null, new int[0])).isInstanceOf(NullPointerException.class);
    }

    @Property
    void nmiIsSymmetric(@ForAll("labelPairs") final int[][] pair) {
        assertThat(Nmi.between(pair[0], pair[1])).isCloseTo(Nmi.between(pair[1], pair[0]), within(1e-12));
    }

    @Property
    void nmiIsWithinZeroAndOne(@ForAll("labelPairs") final int[][] pair) {
        assertThat(Nmi.between(pair[0], pair[1])).isBetween(0.0, 1.0);
    }

    @Property
    void partitionAgainstItselfScoresOne(@ForAll("labelPairs") final int[][] pair) {
        assertThat(Nmi.between(pair[0], pair[0])).isCloseTo(1.0, within(1e-12));
    }

    @Provide
    Arbitrary<int[][]> labelPairs() {
        return Arbitraries.integers().between(0, 40).flatMap(length -> {
            final Arbitrary<int[]> labels = Arbitraries.integers().between(-1, 4).array(int[].class).ofSize(length);
            return Combinators.combine(labels, labels).as((a, b) -> new int[][] {a, b});
        });
    }
}
