package io.dikw.social.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SimilarityStatsTest {
    private static final org.assertj.core.data.Offset<Double> EPS = within(1e-12);

    @Test
    void startsWithNoSimilaritiesAndTheInitialSigmas() {
        final SimilarityStats stats = new SimilarityStats(2.0, 0.5);

        assertThat(stats.count()).isZero();
        assertThat(stats.mean()).isZero();
        assertThat(stats.std()).isZero();
        assertThat(stats.threshold()).isZero();
        assertThat(stats.sigmas()).isEqualTo(2.0);
    }

    @Test
    void keepsMeanAndPopulationStdOfAcceptedSimilarities() {
        final SimilarityStats stats = new SimilarityStats(2.0, 0.5);
        stats.accept(0.2);
        stats.accept(0.4);
        stats.accept(0.6);

        assertThat(stats.count()).isEqualTo(3);
        assertThat(stats.mean()).isCloseTo(0.4, EPS);
        assertThat(stats.std()).isCloseTo(Math.sqrt(0.08 / 3), EPS);
        assertThat(stats.threshold()).isCloseTo(0.4 - 2.0 * Math.sqrt(0.08 / 3), EPS);
    }

    @Test
    void stdOfIdenticalSimilaritiesIsNearZeroNotNaN() {
        final SimilarityStats stats = new SimilarityStats(2.0, 0.5);
        for (int i = 0; i < 10; i++) {
            stats.accept(0.1);
        }

        // sumSquares/n − mean² cancels: not exactly 0 (≈2e-9 here), but never negative or NaN
        assertThat(stats.std()).isGreaterThanOrEqualTo(0).isCloseTo(0, within(1e-7));
        assertThat(stats.mean()).isCloseTo(0.1, EPS);
    }

    @Test
    void adaptLowersSigmasByOneStepWhileTheThresholdIsNegative() {
        final SimilarityStats stats = new SimilarityStats(2.0, 0.5);
        stats.accept(0.1);
        stats.accept(0.9); // mean 0.5, std 0.4

        stats.adapt(); // 0.5 - 2.0·0.4 < 0
        assertThat(stats.sigmas()).isEqualTo(1.5);
        stats.adapt(); // 0.5 - 1.5·0.4 < 0
        assertThat(stats.sigmas()).isEqualTo(1.0);
        stats.adapt(); // 0.5 - 1.0·0.4 = 0.1 ≥ 0, and not above 0.5·0.4: stays
        assertThat(stats.sigmas()).isEqualTo(1.0);
        assertThat(stats.threshold()).isCloseTo(0.1, EPS);
    }

    @Test
    void adaptFloorsSigmasAtZero() {
        final SimilarityStats stats = new SimilarityStats(1.5, 2.0);
        stats.accept(0.0);
        stats.accept(1.0); // mean 0.5, std 0.5

        stats.adapt(); // 0.5 - 0.75 < 0, 1.5 - 2.0 would be negative
        assertThat(stats.sigmas()).isZero();
        stats.adapt(); // threshold = mean ≥ 0; not above 2.0·0.5: stays
        assertThat(stats.sigmas()).isZero();
        assertThat(stats.threshold()).isCloseTo(0.5, EPS);
    }

    @Test
    void adaptRaisesSigmasBackOnlyWhenTheThresholdClearsZeroByMoreThanAStepOfStd() {
        final SimilarityStats stats = new SimilarityStats(2.0, 0.5);
        stats.accept(0.1);
        stats.accept(0.9);
        stats.adapt();
        stats.adapt();
        assertThat(stats.sigmas()).isEqualTo(1.0);

        for (int i = 0; i < 98; i++) {
            stats.accept(0.5); // mean 0.5, std ≈ 0.0566
        }
        stats.adapt(); // 0.5 - 1.0·std > 0.5·std
        assertThat(stats.sigmas()).isEqualTo(1.5);
        stats.adapt();
        assertThat(stats.sigmas()).isEqualTo(2.0);
        stats.adapt(); // capped at the initial value
        assertThat(stats.sigmas()).isEqualTo(2.0);
    }

    @Test
    void adaptRaisesSigmasNoHigherThanTheInitialValue() {
        final SimilarityStats stats = new SimilarityStats(1.5, 2.0);
        stats.accept(0.0);
        stats.accept(1.0);
        stats.adapt();
        assertThat(stats.sigmas()).isZero();

        for (int i = 0; i < 1_000; i++) {
            stats.accept(0.5); // std ≈ 0.0223: 0.5 > 2.0·std
        }
        stats.adapt(); // 0 + 2.0 would overshoot 1.5
        assertThat(stats.sigmas()).isEqualTo(1.5);
    }

    @Test
    void adaptLeavesSigmasAloneAtTheInitialValueWhenTheThresholdIsPositive() {
        final SimilarityStats stats = new SimilarityStats(2.0, 0.5);
        stats.accept(0.5);
        stats.accept(0.6);

        stats.adapt();

        assertThat(stats.sigmas()).isEqualTo(2.0);
    }

    @Test
    void adaptBeforeAnySimilarityChangesNothing() {
        final SimilarityStats stats = new SimilarityStats(2.0, 0.5);

        stats.adapt();

        assertThat(stats.sigmas()).isEqualTo(2.0);
    }

    @Test
    void copyIsIndependentOfTheOriginal() {
        final SimilarityStats stats = new SimilarityStats(2.0, 0.5);
        stats.accept(0.1);
        stats.accept(0.9);
        stats.adapt();

        final SimilarityStats copy = stats.copy();
        assertThat(copy.sigmas()).isEqualTo(1.5);
        assertThat(copy.threshold()).isEqualTo(stats.threshold());

        copy.adapt(); // 0.5 - 1.5·0.4 < 0
        copy.accept(0.7);

        assertThat(stats.count()).isEqualTo(2);
        assertThat(stats.mean()).isCloseTo(0.5, EPS);
        assertThat(stats.sigmas()).isEqualTo(1.5);
        assertThat(copy.count()).isEqualTo(3);
        assertThat(copy.mean()).isCloseTo(1.7 / 3, EPS);
        assertThat(copy.sigmas()).isEqualTo(1.0);
    }
}
