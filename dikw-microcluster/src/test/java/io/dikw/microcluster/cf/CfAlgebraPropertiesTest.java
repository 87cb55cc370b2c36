package io.dikw.microcluster.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CfAlgebraPropertiesTest {
    private static final int D = 3;

    /** A point: D coordinates and a timestamp. */
    record P(double[] x, double t) {
    }

    @Provide
    Arbitrary<List<P>> points() {
        final Arbitrary<Double> coord = Arbitraries.doubles().between(-100, 100);
        final Arbitrary<P> p = Combinators.combine(coord.array(double[].class).ofSize(D),
            Arbitraries.doubles().between(0, 1000)).as(P::new);
        return p.list().ofMinSize(1).ofMaxSize(40);
    }

    private static CfSet summarize(final List<P> pts) {
        final CfSet s = new CfSet(1, D);
        s.addEmpty(1);
        for (final P p : pts) {
            s.addPoint(0, p.x(), 0, p.t());
        }
        return s;
    }

    private static void assertSameStats(final CfSet a, final int i, final CfSet b, final int j) {
        final double tol = 1e-6 * (1 + Math.abs(a.sst(i)));
        assertThat(a.n(i)).isCloseTo(b.n(j), within(1e-9));
        assertThat(a.lst(i)).isCloseTo(b.lst(j), within(1e-6 * (1 + Math.abs(a.lst(i)))));
        assertThat(a.sst(i)).isCloseTo(b.sst(j), within(tol));
        for (int k = 0; k < D; k++) {
            assertThat(a.ls(i, k)).isCloseTo(b.ls(j, k), within(1e-6 * (1 + Math.abs(a.ls(i, k)))));
            assertThat(a.ss(i, k)).isCloseTo(b.ss(j, k), within(1e-6 * (1 + Math.abs(a.ss(i, k)))));
        }
    }

    @Property(tries = 300)
    void mergingTwoSummariesEqualsSummarizingBothPointSets(@ForAll("points") final List<P> a,
        @ForAll("points") final List<P> b) {
        final CfSet set = new CfSet(2, D);
        set.addEmpty(1);
        set.addEmpty(2);
        a.forEach(p -> set.addPoint(0, p.x(), 0, p.t()));
        b.forEach(p -> set.addPoint(1, p.x(), 0, p.t()));
        set.mergeInto(0, 1);
        final List<P> both = new java.util.ArrayList<>(a);
        both.addAll(b);
        assertSameStats(set, 0, summarize(both), 0);
        assertThat(set.ids(0).size()).isEqualTo(2);
    }

    @Property(tries = 300)
    void mergeCostIsTheGrowthOfTheSse(@ForAll("points") final List<P> a, @ForAll("points") final List<P> b) {
        final CfSet set = new CfSet(2, D);
        set.addEmpty(1);
        set.addEmpty(2);
        a.forEach(p -> set.addPoint(0, p.x(), 0, p.t()));
        b.forEach(p -> set.addPoint(1, p.x(), 0, p.t()));
        final double before = set.sse(0) + set.sse(1);
        final double cost = set.mergeCost(0, 1);
        set.mergeInto(0, 1);
        assertThat(cost).isCloseTo(set.sse(0) - before, within(1e-6 * (1 + set.sse(0))));
    }

    @Property(tries = 300)
    void subtractingAnOlderSummaryLeavesTheNewerPoints(@ForAll("points") final List<P> older,
        @ForAll("points") final List<P> newer) {
        final List<P> all = new java.util.ArrayList<>(older);
        all.addAll(newer);
        final CfSet current = summarize(all);
        current.subtract(0, summarize(older), 0);
        assertSameStats(current, 0, summarize(newer), 0);
    }

    @Property(tries = 300)
    void centroidAndRadiusMatchTheirDefinitions(@ForAll("points") final List<P> pts) {
        final CfSet s = summarize(pts);
        final double[] c = new double[D];
        for (final P p : pts) {
            for (int k = 0; k < D; k++) {
                c[k] += p.x()[k] / pts.size();
            }
        }
        double sse = 0;
        for (final P p : pts) {
            for (int k = 0; k < D; k++) {
                sse += (p.x()[k] - c[k]) * (p.x()[k] - c[k]);
            }
        }
        assertThat(s.centroid(0)).containsExactly(c, within(1e-9));
        assertThat(s.sse(0)).isCloseTo(sse, within(1e-6 * (1 + sse)));
        assertThat(s.rmsRadius(0)).isCloseTo(pts.size() <= 1 ? 0 : Math.sqrt(sse / pts.size()),
            within(1e-3 * (1 + Math.sqrt(sse))));
        assertThat(s.costTo(0, c, 0)).isCloseTo(sse, within(1e-6 * (1 + sse)));
    }
}
