package io.dikw.social.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.dikw.social.protomeme.Protomeme;
import io.dikw.social.protomeme.TimeStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The inverted index is an optimisation only: on random small streams over small key universes
 * (so protomemes overlap a lot) with a small K and capacity (so clusters are replaced), the
 * indexed search finds exactly what a full scan finds, and whole runs are identical.
 */
class IndexedSearchPropertiesTest {

    /** A random stream and the parameters to cluster it with. */
    record Scenario(int clusters, int multiplier, int windowSteps, double sigmas, double sigmaStep,
        List<TimeStep> steps, List<Protomeme> probes) {
        ClusteringParams params() {
            return new ClusteringParams(clusters, multiplier, windowSteps, Duration.ofSeconds(30), sigmas, sigmaStep);
        }

        @Override
        public String toString() {
            final StringBuilder sb = new StringBuilder("Scenario{K=" + clusters + ", multiplier=" + multiplier
                + ", window=" + windowSteps + ", t=" + sigmas + ", step=" + sigmaStep + "}\n");
            for (final TimeStep s : steps) {
                sb.append("  step ").append(s.index()).append(":");
                for (final Protomeme p : s.protomemes()) {
                    sb.append(' ').append(describe(p));
                }
                sb.append('\n');
            }
            return sb.toString();
        }
    }

    @Property(tries = 400)
    void indexedNearestMatchesTheFullScanAfterEveryStep(@ForAll("scenarios") final Scenario scenario) {
        final SlidingWindowClusterer clusterer = new SlidingWindowClusterer(scenario.params());
        int compared = 0;
        for (final TimeStep step : scenario.steps()) {
            final List<Protomeme> probes = new ArrayList<>(step.protomemes());
            probes.addAll(scenario.probes());
            for (final Protomeme probe : probes) {
                assertSameMatch(clusterer.table(), probe);
                compared++;
            }
            clusterer.process(step);
            assertMarkersMapToLiveClusters(clusterer.table(), scenario);
        }
        for (final Protomeme probe : scenario.probes()) {
            assertSameMatch(clusterer.table(), probe);
        }
        Statistics.label("comparisons").collect(compared > 20 ? "> 20" : "<= 20");
    }

    @Property(tries = 400)
    void clustererWithIndexBehavesExactlyLikeTheFullScan(@ForAll("scenarios") final Scenario scenario) {
        final SlidingWindowClusterer indexed = new SlidingWindowClusterer(scenario.params());
        final SlidingWindowClusterer scanned = new SlidingWindowClusterer(scenario.params()).scanAllClusters();
        int replaced = 0;
        int bySimilarity = 0;
        for (final TimeStep step : scenario.steps()) {
            final StepStats a = indexed.process(step);
            final StepStats b = scanned.process(step);
            assertThat(withoutNanos(a)).as("step %d", step.index()).isEqualTo(withoutNanos(b));
            assertThat(clusterState(indexed)).as("clusters after step %d", step.index())
                .isEqualTo(clusterState(scanned));
            replaced += a.replaced();
            bySimilarity += a.bySimilarity();
        }
        assertThat(clusterState(indexed)).isEqualTo(clusterState(scanned));
        assertThat(indexed.table().mappedMarkers()).isEqualTo(scanned.table().mappedMarkers());
        assertThat(indexed.table().indexedKeys()).isEqualTo(scanned.table().indexedKeys());
        assertThat(indexed.protomemesInWindow()).isEqualTo(scanned.protomemesInWindow());
        Statistics.label("replacement happened").collect(replaced > 0);
        Statistics.label("joined by similarity").collect(bySimilarity > 0);
    }

    private static void assertSameMatch(final ClusterTable table, final Protomeme probe) {
        final ClusterTable.Match byIndex = table.nearest(probe);
        final ClusterTable.Match byScan = table.nearestByScan(probe);
        assertThat(byIndex.cluster()).as("cluster for %s", describe(probe)).isSameAs(byScan.cluster());
        assertThat(Double.doubleToRawLongBits(byIndex.similarity())).as("similarity for %s: %s vs %s",
            describe(probe), byIndex.similarity(), byScan.similarity())
            .isEqualTo(Double.doubleToRawLongBits(byScan.similarity()));
    }

    private static void assertMarkersMapToLiveClusters(final ClusterTable table, final Scenario scenario) {
        final List<Cluster> live = table.clusters();
        for (final TimeStep step : scenario.steps()) {
            for (final Protomeme p : step.protomemes()) {
                final Cluster mapped = table.clusterOf(p.marker());
                if (mapped != null) {
                    assertThat(mapped.isRetired()).as("marker %s maps to retired %s", p.marker(), mapped).isFalse();
                    assertThat(live.stream().anyMatch(c -> c == mapped)).as("marker %s maps to a live cluster",
                        p.marker()).isTrue();
                }
            }
        }
    }

    private static StepStats withoutNanos(final StepStats s) {
        return new StepStats(s.step(), s.startMillis(), s.tweets(), s.protomemes(), s.byMarker(), s.bySimilarity(),
            s.outliers(), s.replaced(), s.expired(), s.clusters(), s.threshold(), s.mean(), s.std(), s.sigmas(), 0);
    }

    /** Everything observable about the live clusters, as comparable values. */
    static List<List<Object>> clusterState(final SlidingWindowClusterer clusterer) {
        final List<List<Object>> state = new ArrayList<>();
        for (final Cluster c : clusterer.clusters()) {
            final List<Object> row = new ArrayList<>();
            row.add(c.id());
            row.add(c.slot());
            row.add(c.tweetCount());
            row.add(c.protomemeCount());
            row.add(c.latestUpdateMillis());
            for (final Space space : Space.values()) {
                row.add(c.centroid(space).snapshot());
                row.add(c.centroid(space).normSquared());
            }
            final List<String> markers = new ArrayList<>();
            c.markerTweets().forEach((m, n) -> markers.add(m + "=" + n));
            markers.sort(null);
            row.add(markers);
            state.add(row);
        }
        return state;
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        final Arbitrary<Integer> clusters = Arbitraries.integers().between(1, 4);
        final Arbitrary<Integer> multiplier = Arbitraries.integers().between(1, 2);
        final Arbitrary<Integer> window = Arbitraries.integers().between(1, 5);
        final Arbitrary<Double> sigmas = Arbitraries.of(0.0, 0.5, 1.0, 2.0, 3.0);
        final Arbitrary<Double> sigmaStep = Arbitraries.of(0.25, 0.5, 1.0);
        final Arbitrary<Integer> universe = Arbitraries.integers().between(4, 40);
        return Combinators.combine(clusters, multiplier, window, sigmas, sigmaStep, universe)
            .as(Tuple::of)
            .flatMap(t -> {
                final int keys = t.get6();
                final Arbitrary<List<List<Protomeme>>> steps = protomeme(keys).list().ofMinSize(0).ofMaxSize(6)
                    .list().ofMinSize(1).ofMaxSize(14);
                final Arbitrary<List<Integer>> gaps = Arbitraries.integers().between(1, 3).list().ofSize(14);
                final Arbitrary<List<Protomeme>> probes = protomeme(keys).list().ofMaxSize(4);
                return Combinators.combine(steps, gaps, probes).as((stepLists, gapList, probeList) -> {
                    final List<TimeStep> timeSteps = new ArrayList<>();
                    long index = 0;
                    for (int i = 0; i < stepLists.size(); i++) {
                        index += gapList.get(i) == 3 ? 2 : 1; // mostly consecutive, sometimes a skipped step
                        timeSteps.add(reindexed(index, stepLists.get(i)));
                    }
                    return new Scenario(t.get1(), t.get2(), t.get3(), t.get4(), t.get5(), timeSteps, probeList);
                });
            });
    }

    private static TimeStep reindexed(final long index, final List<Protomeme> protomemes) {
        final List<Protomeme> moved = new ArrayList<>();
        for (final Protomeme p : protomemes) {
            final long shift = index * Protomemes.STEP_MILLIS;
            moved.add(new Protomeme(p.type(), p.marker(), index, p.tweetIds(), p.users(), p.diffusion(), p.words(),
                p.earliestMillis() + shift, p.latestMillis() + shift));
        }
        return Protomemes.step(index, moved);
    }

    private static Arbitrary<Protomeme> protomeme(final int keys) {
        final Arbitrary<String> marker = Arbitraries.integers().between(0, Math.max(3, keys / 3))
            .map(i -> (i % 2 == 0 ? "#m" : "@u") + i);
        final Arbitrary<long[]> tweetIds = Arbitraries.longs().between(1, keys).list().ofMinSize(1).ofMaxSize(5)
            .map(IndexedSearchPropertiesTest::toArray);
        final Arbitrary<long[]> users = Arbitraries.longs().between(1, Math.max(2, keys / 2)).list().ofMaxSize(5)
            .map(IndexedSearchPropertiesTest::toArray);
        final Arbitrary<long[]> diffusion = Arbitraries.longs().between(1, keys).list().ofMaxSize(6)
            .map(IndexedSearchPropertiesTest::toArray);
        final Arbitrary<long[]> words = Arbitraries.longs().between(1, keys).list().ofMaxSize(8)
            .map(IndexedSearchPropertiesTest::toArray);
        final Arbitrary<Long> offset = Arbitraries.longs().between(0, 29_999);
        return Combinators.combine(marker, tweetIds, users, diffusion, words, offset)
            .as((m, t, u, d, w, o) -> Protomemes.of(m, 0, o, t, u, d, w));
    }

    private static long[] toArray(final List<Long> list) {
        return list.stream().mapToLong(Long::longValue).toArray();
    }

    private static String describe(final Protomeme p) {
        return p.marker() + "{t=" + Arrays.toString(Protomemes.keys(p.tweetIds())) + " u=" + p.users()
            + " d=" + Arrays.toString(Protomemes.keys(p.diffusion())) + " w=" + p.words() + " @" + p.latestMillis()
            + "}";
    }
}
