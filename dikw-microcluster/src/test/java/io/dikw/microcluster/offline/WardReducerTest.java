package io.dikw.microcluster.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dikw.microcluster.cf.CfSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class WardReducerTest {
    private static final int D = 3;

    /** One micro-cluster: its points (D coordinates each) and their timestamp. */
    record Mc(List<double[]> points, double time) {
    }

    @Provide
    Arbitrary<List<Mc>> sets() {
        final Arbitrary<double[]> point = Arbitraries.doubles().between(-50, 50).array(double[].class).ofSize(D);
        final Arbitrary<Mc> mc = point.list().ofMinSize(1).ofMaxSize(6)
            .flatMap(pts -> Arbitraries.doubles().between(0, 1000).map(t -> new Mc(pts, t)));
        return mc.list().ofMinSize(1).ofMaxSize(30);
    }

    private static CfSet build(final List<Mc> mcs) {
        final CfSet s = new CfSet(mcs.size(), D);
        for (final Mc mc : mcs) {
            final int i = s.addEmpty(s.size() + 1);
            for (final double[] p : mc.points()) {
                s.addPoint(i, p, 0, mc.time());
            }
        }
        return s;
    }

    private static CfSet cluster(final double x, final int n) {
        final CfSet s = new CfSet(1, 1);
        s.addEmpty(Math.round(x * 10));
        for (int p = 0; p < n; p++) {
            s.addPoint(0, new double[] {x}, 0, 0);
        }
        return s;
    }

    private static double totalSse(final CfSet s) {
        double t = 0;
        for (int i = 0; i < s.size(); i++) {
            t += s.sse(i);
        }
        return t;
    }

    @Test
    void mergesThePairThatRaisesTheSseLeastNotTheClosestCentroids() {
        // 100 points at 0 and 100 at 1: closest centroids (distance 1), but merging them costs 50;
        // one point at 3 and one at 5: distance 2, merging costs 1/2 · 4 = 2
        final CfSet reduced = WardReducer.unite(List.of(cluster(0, 100), cluster(1, 100), cluster(3, 1),
            cluster(5, 1)), 3);
        assertThat(reduced.size()).isEqualTo(3);
        final List<String> got = new ArrayList<>();
        for (int i = 0; i < reduced.size(); i++) {
            got.add(reduced.centroid(i)[0] + "x" + (int) reduced.n(i));
        }
        assertThat(got).containsExactlyInAnyOrder("0.0x100", "1.0x100", "4.0x2");
        assertThat(totalSse(reduced)).isCloseTo(2, within(1e-9));
    }

    @Test
    void keepsASetThatIsSmallEnoughAndRejectsANonPositiveQ() {
        final CfSet one = cluster(1, 3);
        assertThat(WardReducer.reduce(one, 1)).isSameAs(one);
        assertThatThrownBy(() -> WardReducer.reduce(cluster(1, 3), 0)).hasMessageContaining("at least 1");
    }

    @Property(tries = 100)
    void reductionKeepsEveryPointAndId(@ForAll("sets") final List<Mc> mcs, @ForAll @IntRange(min = 1, max = 12) final int q) {
        final CfSet before = build(mcs);
        final CfSet after = WardReducer.reduce(build(mcs), q);
        assertThat(after.size()).isEqualTo(Math.min(q, mcs.size()));
        assertSums(before, after);
        final Set<Long> ids = new HashSet<>();
        for (int i = 0; i < after.size(); i++) {
            for (int k = 0; k < after.ids(i).size(); k++) {
                assertThat(ids.add(after.ids(i).get(k))).isTrue();
            }
        }
        assertThat(ids).hasSize(mcs.size());
    }

    @Property(tries = 100)
    void matchesGreedyWardByBruteForce(@ForAll("sets") final List<Mc> mcs, @ForAll @IntRange(min = 1, max = 12) final int q) {
        final CfSet naive = build(mcs);
        while (naive.size() > q) {
            int bestA = 0;
            int bestB = 1;
            for (int a = 0; a < naive.size(); a++) {
                for (int b = a + 1; b < naive.size(); b++) {
                    if (naive.mergeCost(a, b) < naive.mergeCost(bestA, bestB)) {
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            naive.mergeInto(bestA, bestB);
            naive.removeSwap(bestB);
        }
        final CfSet reduced = WardReducer.reduce(build(mcs), q);
        assertThat(totalSse(reduced)).isCloseTo(totalSse(naive), within(1e-6 * (1 + totalSse(naive))));
    }

    private static void assertSums(final CfSet a, final CfSet b) {
        final double[] sa = sums(a);
        final double[] sb = sums(b);
        for (int k = 0; k < sa.length; k++) {
            assertThat(sb[k]).isCloseTo(sa[k], within(1e-6 * (1 + Math.abs(sa[k]))));
        }
    }

    /** N, LST, SST, then LS and SS per dimension, summed over the set. */
    private static double[] sums(final CfSet s) {
        final double[] t = new double[3 + 2 * D];
        for (int i = 0; i < s.size(); i++) {
            t[0] += s.n(i);
            t[1] += s.lst(i);
            t[2] += s.sst(i);
            for (int j = 0; j < D; j++) {
                t[3 + j] += s.ls(i, j);
                t[3 + D + j] += s.ss(i, j);
            }
        }
        return t;
    }
}
