package io.dikw.core.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LfkNmiTest {

    @Test
    void identicalCoversScoreOne() {
        final Cover cover = Cover.of(10, List.of(range(0, 4), range(2, 7), range(6, 10), new int[] {1, 8}));

        assertThat(LfkNmi.between(cover, cover)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void nestedClustersMatchHandComputedValue() {
        // n = 8, X = {A = {0..3}}, Y = {B = {0,1}}, bits; h(1/4) = 0.5, h(1/2) = 0.5, h(3/4) = 0.311278.
        // P11 = 2/8, P10 = 2/8 (A only), P01 = 0 (B only), P00 = 4/8.
        // Admissible: h(P11) + h(P00) = 1.0 > h(P01) + h(P10) = 0.5.
        // H(A,B) = 0.5 + 0.5 + 0 + 0.5 = 1.5; H(A) = 1; H(B) = 0.5 + 0.311278 = 0.811278.
        // H(A|B)/H(A) = (1.5 - 0.811278) / 1 = 0.688722; H(B|A)/H(B) = (1.5 - 1) / 0.811278 = 0.616314.
        // N = 1 - (0.688722 + 0.616314) / 2 = 0.347482.
        final Cover x = Cover.of(8, List.of(range(0, 4)));
        final Cover y = Cover.of(8, List.of(range(0, 2)));

        assertThat(LfkNmi.between(x, y)).isCloseTo(0.347483, within(1e-6));
    }

    @Test
    void overlappingClustersMatchHandComputedValue() {
        // n = 8, X = {A = {0..3}, C = {2..5}} (overlapping), Y = {A}.
        // X_A vs Y_A: identical, P10 = P01 = 0, admissible, H(A|A) = 0 -> normalized 0.
        // X_C vs Y_A: P11 = P10 = P01 = P00 = 1/4, h = 0.5 each; 1.0 > 1.0 fails -> not admissible,
        //   so H(C|Y) = H(C) -> normalized 1.
        // H(X|Y)_norm = (0 + 1) / 2 = 0.5; H(Y|X)_norm = 0 (Y_A matches X_A).
        // N = 1 - (0.5 + 0) / 2 = 0.75.
        final Cover x = Cover.of(8, List.of(range(0, 4), range(2, 6)));
        final Cover y = Cover.of(8, List.of(range(0, 4)));

        assertThat(LfkNmi.between(x, y)).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void disjointPairCanBeAdmissible() {
        // n = 100, X = {A = {0..58}}, Y = {B = {59}}: no overlap, P11 = 0.
        // P10 = 0.59, P01 = 0.01, P00 = 0.40; h(0.40) = 0.528771, h(0.59) = 0.449116, h(0.01) = 0.066439.
        // Admissible: 0 + 0.528771 > 0.066439 + 0.449116 = 0.515555.
        // H(A,B) = 1.044326; H(A) = 0.449116 + h(0.41) 0.527385 = 0.976501; H(B) = 0.066439 + h(0.99) 0.014355 = 0.080793.
        // H(A|B)/H(A) = (1.044326 - 0.080793) / 0.976501 = 0.986720.
        // H(B|A)/H(B) = (1.044326 - 0.976501) / 0.080793 = 0.839491.
        // N = 1 - (0.986720 + 0.839491) / 2 = 0.086895 (0 had the pair been treated as inadmissible).
        final Cover x = Cover.of(100, List.of(range(0, 59)));
        final Cover y = Cover.of(100, List.of(new int[] {59}));

        assertThat(LfkNmi.between(x, y)).isCloseTo(0.086895, within(1e-6));
    }

    @Test
    void clusterHoldingEveryItemIsSkippedFromTheAverage() {
        final Cover x = Cover.of(8, List.of(range(0, 4), range(0, 8)));
        final Cover y = Cover.of(8, List.of(range(0, 4)));

        assertThat(LfkNmi.between(x, y)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void uninformativeCoversScoreOneTogetherAndZeroAgainstInformative() {
        final Cover empty = Cover.of(6, List.of());
        final Cover everything = Cover.of(6, List.of(range(0, 6)));
        final Cover informative = Cover.of(6, List.of(range(0, 3)));

        assertThat(LfkNmi.between(empty, everything)).isEqualTo(1.0);
        assertThat(LfkNmi.between(Cover.of(0, List.of()), Cover.of(0, List.of()))).isEqualTo(1.0);
        assertThat(LfkNmi.between(empty, informative)).isEqualTo(0.0);
        assertThat(LfkNmi.between(informative, everything)).isEqualTo(0.0);
    }

    @Test
    void independentRandomCoversOfManyItemsScoreNearZero() {
        final Random random = new Random(7);
        final Cover x = randomOverlappingCover(random, 50_000, 300);
        final Cover y = randomOverlappingCover(random, 50_000, 300);

        assertThat(LfkNmi.between(x, y)).isBetween(0.0, 0.05);
    }

    @Test
    void independentRandomHalvesScoreNearZero() {
        final Random random = new Random(11);
        final Cover x = Cover.fromLabels(random.ints(10_000, 0, 2).toArray());
        final Cover y = Cover.fromLabels(random.ints(10_000, 0, 2).toArray());

        assertThat(LfkNmi.between(x, y)).isBetween(0.0, 0.05);
    }

    @Test
    void partitionScoresInSameBallparkAsNmi() {
        final Random random = new Random(3);
        final int[] truth = random.ints(5_000, 0, 8).toArray();
        final int[] noisy = truth.clone();
        for (int i = 0; i < noisy.length; i++) {
            if (random.nextDouble() < 0.25) {
                noisy[i] = random.nextInt(8);
            }
        }

        final double nmi = Nmi.between(truth, noisy);
        final double lfk = LfkNmi.between(Cover.fromLabels(truth), Cover.fromLabels(noisy));

        assertThat(nmi).isBetween(0.4, 0.95);
        assertThat(lfk).isBetween(0.4, 0.95).isCloseTo(nmi, within(0.2));
    }

    @Test
    void coversOverDifferentItemCountsAreRejected() {
        assertThatThrownBy(() -> LfkNmi.between(Cover.fromLabels(new int[3]), Cover.fromLabels(new int[4])))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("x.n=3")
            .hasMessageContaining("y.n=4");
        assertThatThrownBy(() -> LfkNmi.between(null, Cover.fromLabels(new int[1])))
            .isInstanceOf(NullPointerException.class);
    }

    @Property
    void lfkNmiIsSymmetric(@ForAll("coverPairs") final Cover[] pair) {
        assertThat(LfkNmi.between(pair[0], pair[1])).isCloseTo(LfkNmi.between(pair[1], pair[0]), within(1e-12));
    }

    @Property
    void lfkNmiIsWithinZeroAndOne(@ForAll("coverPairs") final Cover[] pair) {
        assertThat(LfkNmi.between(pair[0], pair[1])).isBetween(0.0, 1.0);
    }

    @Property
    void sparseComputationMatchesDenseDefinition(@ForAll("coverPairs") final Cover[] pair) {
        assertThat(LfkNmi.between(pair[0], pair[1])).isCloseTo(denseReference(pair[0], pair[1]), within(1e-9));
    }

    @Provide
    Arbitrary<Cover[]> coverPairs() {
        return Arbitraries.integers().between(1, 30).flatMap(n -> {
            final Arbitrary<Cover> cover = Arbitraries.integers().between(0, n - 1).array(int[].class)
                .ofMinSize(1).ofMaxSize(n).list().ofMaxSize(6).map(clusters -> Cover.of(n, clusters));
            return Combinators.combine(cover, cover).as((x, y) -> new Cover[] {x, y});
        });
    }

    private static int[] range(final int from, final int to) {
        return IntStream.range(from, to).toArray();
    }

    /** Each item joins one random cluster, and a second one with probability 0.2. */
    private static Cover randomOverlappingCover(final Random random, final int n, final int clusters) {
        final Cover.Builder builder = new Cover.Builder(n);
        for (int item = 0; item < n; item++) {
            builder.add(random.nextInt(clusters), item);
            if (random.nextDouble() < 0.2) {
                builder.add(random.nextInt(clusters), item);
            }
        }
        return builder.build();
    }

    /** The definition evaluated literally, O(|X|·|Y|·n), with the same uninformative-cluster rules. */
    private static double denseReference(final Cover x, final Cover y) {
        final List<Double> fromX = normalizedConditionals(x, y);
        final List<Double> fromY = normalizedConditionals(y, x);
        if (fromX.isEmpty() || fromY.isEmpty()) {
            return fromX.isEmpty() == fromY.isEmpty() ? 1.0 : 0.0;
        }
        return 1.0 - 0.5 * (mean(fromX) + mean(fromY));
    }

    private static List<Double> normalizedConditionals(final Cover x, final Cover y) {
        final int n = x.n();
        final List<Double> result = new ArrayList<>();
        for (int k = 0; k < x.size(); k++) {
            final boolean[] inX = members(x, k);
            final double entropyX = h(x.clusterSize(k), n) + h(n - x.clusterSize(k), n);
            if (entropyX == 0.0) {
                continue;
            }
            double best = entropyX;
            for (int l = 0; l < y.size(); l++) {
                final boolean[] inY = members(y, l);
                final int[] cells = new int[4];
                for (int i = 0; i < n; i++) {
                    cells[(inX[i] ? 2 : 0) + (inY[i] ? 1 : 0)]++;
                }
                if (h(cells[3], n) + h(cells[0], n) > h(cells[1], n) + h(cells[2], n)) {
                    final double joint = h(cells[0], n) + h(cells[1], n) + h(cells[2], n) + h(cells[3], n);
                    best = Math.min(best, joint - h(y.clusterSize(l), n) - h(n - y.clusterSize(l), n));
                }
            }
            result.add(best / entropyX);
        }
        return result;
    }

    private static boolean[] members(final Cover cover, final int k) {
        final boolean[] in = new boolean[cover.n()];
        for (final int item : cover.cluster(k)) {
            in[item] = true;
        }
        return in;
    }

    private static double h(final int count, final int n) {
        final double p = (double) count / n;
        return count == 0 ? 0.0 : -p * Math.log(p) / Math.log(2.0);
    }

    private static double mean(final List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
