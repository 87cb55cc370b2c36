package io.dikw.social.cluster;

import static io.dikw.social.cluster.Protomemes.step;
import static io.dikw.social.cluster.Protomemes.tweets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dikw.social.protomeme.Protomeme;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SlidingWindowClustererTest {

    private static ClusteringParams params(final int k, final int multiplier, final int window) {
        return new ClusteringParams(k, multiplier, window, Duration.ofSeconds(30), 2.0, 0.5);
    }

    /** Three seeds with nothing in common: seeded statistics are 0.5 each (mean 0.5, std 0). */
    private static SlidingWindowClusterer seeded(final int window) {
        final SlidingWindowClusterer clusterer = new SlidingWindowClusterer(params(3, 2, window));
        clusterer.process(step(0, tweets("#a", 0, 1, 2), tweets("#b", 0, 3, 4), tweets("#c", 0, 5, 6)));
        return clusterer;
    }

    @Test
    void rejectsNullParams() {
        assertThatThrownBy(() -> new SlidingWindowClusterer(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void firstKDistinctMarkersSeedKClustersAndTheStatistics() {
        final SlidingWindowClusterer clusterer = new SlidingWindowClusterer(params(3, 2, 5));

        final StepStats s = clusterer.process(
            step(0, tweets("#a", 0, 1, 2), tweets("#b", 0, 3, 4), tweets("#c", 0, 5, 6)));

        assertThat(s.clusters()).isEqualTo(3);
        assertThat(s.protomemes()).isEqualTo(3);
        assertThat(s.tweets()).isEqualTo(6);
        assertThat(s.byMarker()).isZero();
        assertThat(s.bySimilarity()).isZero();
        assertThat(clusterer.clusters()).extracting(Cluster::id).containsExactly(1L, 2L, 3L);
        assertThat(clusterer.table().clusterOf("#b")).isSameAs(clusterer.clusters().get(1));
        // each seed contributes 0.5 + (best similarity to the other seeds) / 2 = 0.5
        assertThat(clusterer.stats().count()).isEqualTo(3);
        assertThat(s.mean()).isEqualTo(0.5);
        assertThat(s.std()).isZero();
        assertThat(s.threshold()).isEqualTo(0.5);
        assertThat(s.sigmas()).isEqualTo(2.0);
    }

    @Test
    void seedStatisticsReflectHowSimilarTheSeedsAreToEachOther() {
        final SlidingWindowClusterer clusterer = new SlidingWindowClusterer(params(2, 2, 5));

        clusterer.process(step(0, tweets("#a", 0, 1, 2), tweets("#b", 0, 2, 3)));

        // each seed has cosine 1/2 with the other: 0.5 + 0.25
        assertThat(clusterer.stats().count()).isEqualTo(2);
        assertThat(clusterer.stats().mean()).isCloseTo(0.75, within(1e-12));
        assertThat(clusterer.clusters()).hasSize(2);
    }

    @Test
    void bootstrapStartsAClusterPerDistinctMarkerEvenWhenSimilar() {
        final SlidingWindowClusterer clusterer = new SlidingWindowClusterer(params(3, 2, 5));

        final StepStats s = clusterer.process(step(0, tweets("#a", 0, 1, 2), tweets("#b", 0, 1, 2)));

        assertThat(s.clusters()).isEqualTo(2);
        assertThat(s.bySimilarity()).isZero();
        assertThat(clusterer.stats().count()).isZero();
    }

    @Test
    void repeatedMarkerDuringBootstrapJoinsItsSeedInsteadOfSeedingAnother() {
        final SlidingWindowClusterer clusterer = new SlidingWindowClusterer(params(3, 2, 5));

        final StepStats s = clusterer.process(step(0, tweets("#a", 0, 1), tweets("#b", 0, 2)));
        final StepStats t = clusterer.process(step(1, tweets("#a", 1, 3), tweets("#c", 1, 4)));

        assertThat(s.clusters()).isEqualTo(2);
        assertThat(t.byMarker()).isEqualTo(1);
        assertThat(t.clusters()).isEqualTo(3);
        assertThat(clusterer.clusters().get(0).tweetCount()).isEqualTo(2);
        assertThat(clusterer.stats().count()).isEqualTo(3);
    }

    @Test
    void protomemeWhoseMarkerIsMappedJoinsThatClusterWithoutTouchingTheStatistics() {
        final SlidingWindowClusterer clusterer = seeded(5);
        final Cluster a = clusterer.table().clusterOf("#a");

        final StepStats s = clusterer.process(step(1, tweets("#a", 1, 100, 101)));

        assertThat(s.byMarker()).isEqualTo(1);
        assertThat(s.bySimilarity()).isZero();
        assertThat(s.outliers()).isZero();
        assertThat(s.clusters()).isEqualTo(3);
        assertThat(a.tweetCount()).isEqualTo(4);
        assertThat(a.protomemeCount()).isEqualTo(2);
        assertThat(clusterer.stats().count()).isEqualTo(3);
        assertThat(s.mean()).isEqualTo(0.5);
    }

    @Test
    void similarProtomemeJoinsItsNearestClusterAndMapsItsMarker() {
        final SlidingWindowClusterer clusterer = seeded(5);
        final Cluster b = clusterer.table().clusterOf("#b");

        final StepStats s = clusterer.process(step(1, tweets("@x", 1, 3, 4)));

        assertThat(s.bySimilarity()).isEqualTo(1);
        assertThat(s.byMarker()).isZero();
        assertThat(s.outliers()).isZero();
        assertThat(b.protomemeCount()).isEqualTo(2);
        assertThat(b.markerTweets().getValue("@x")).isEqualTo(2);
        assertThat(clusterer.table().clusterOf("@x")).isSameAs(b);
        assertThat(clusterer.stats().count()).isEqualTo(4);
        assertThat(s.mean()).isCloseTo((0.5 * 3 + 1.0) / 4, within(1e-12));

        final StepStats next = clusterer.process(step(2, tweets("@x", 2, 77)));
        assertThat(next.byMarker()).isEqualTo(1);
        assertThat(b.tweetCount()).isEqualTo(3);
    }

    @Test
    void dissimilarProtomemeBecomesAnOutlierCluster() {
        final SlidingWindowClusterer clusterer = seeded(5);

        final StepStats s = clusterer.process(step(1, tweets("#new", 1, 900, 901)));

        assertThat(s.outliers()).isEqualTo(1);
        assertThat(s.bySimilarity()).isZero();
        assertThat(s.replaced()).isZero();
        assertThat(s.clusters()).isEqualTo(4);
        assertThat(clusterer.table().clusterOf("#new").id()).isEqualTo(4);
        assertThat(clusterer.stats().count()).isEqualTo(3);
    }

    @Test
    void similarityAtOrBelowTheThresholdMakesAnOutlier() {
        final SlidingWindowClusterer clusterer = seeded(5);
        assertThat(clusterer.stats().threshold()).isEqualTo(0.5);

        // cosine with #a = 1 / sqrt(2 · 4) ≈ 0.354 < 0.5
        final StepStats s = clusterer.process(step(1, tweets("#weak", 1, 1, 800, 801, 802)));

        assertThat(s.outliers()).isEqualTo(1);
        assertThat(s.bySimilarity()).isZero();
    }

    @Test
    void outliersBeyondCapacityReplaceTheLeastRecentlyUpdatedCluster() {
        final SlidingWindowClusterer clusterer = new SlidingWindowClusterer(params(2, 1, 10));
        clusterer.process(step(0, tweets("#a", 0, 1), tweets("#b", 0, 2)));
        clusterer.process(step(1, tweets("#a", 1, 3)));

        final StepStats s = clusterer.process(step(2, tweets("#c", 2, 50)));

        assertThat(s.outliers()).isEqualTo(1);
        assertThat(s.replaced()).isEqualTo(1);
        assertThat(s.clusters()).isEqualTo(2);
        assertThat(clusterer.table().clusterOf("#b")).isNull();
        assertThat(clusterer.table().clusterOf("#c").slot()).isEqualTo(1);
        assertThat(clusterer.table().clusterOf("#a").tweetCount()).isEqualTo(2);
    }

    @Test
    void stepsOlderThanTheWindowAreSubtracted() {
        final SlidingWindowClusterer clusterer = seeded(2);
        final Cluster a = clusterer.table().clusterOf("#a");
        final StepStats one = clusterer.process(step(1, tweets("#a", 1, 10, 11, 12)));
        assertThat(one.expired()).isZero();
        assertThat(a.tweetCount()).isEqualTo(5);
        assertThat(clusterer.oldestStep()).isZero();
        assertThat(clusterer.protomemesInWindow()).isEqualTo(4);

        final StepStats two = clusterer.process(step(2, tweets("#a", 2, 20)));

        assertThat(two.expired()).isEqualTo(3);
        assertThat(a.isRetired()).isFalse();
        assertThat(a.tweetCount()).isEqualTo(4);
        assertThat(a.centroid(Space.TWEETS).get(1)).isZero();
        assertThat(two.clusters()).isEqualTo(1);
        assertThat(clusterer.clusters()).containsExactly(a);
        assertThat(clusterer.table().clusterOf("#b")).isNull();
        assertThat(clusterer.table().clusterOf("#c")).isNull();
        assertThat(clusterer.table().clusterOf("#a")).isSameAs(a);
        assertThat(clusterer.oldestStep()).isEqualTo(1);
        assertThat(clusterer.protomemesInWindow()).isEqualTo(2);
    }

    @Test
    void aMarkerLeavingTheWindowIsNoLongerMapped() {
        final SlidingWindowClusterer clusterer = seeded(2);
        final Cluster a = clusterer.table().clusterOf("#a");
        clusterer.process(step(1, tweets("@x", 1, 1, 2), tweets("#a", 1, 30)));
        assertThat(clusterer.table().clusterOf("@x")).isSameAs(a);

        clusterer.process(step(2, tweets("#a", 2, 31)));
        assertThat(clusterer.table().clusterOf("@x")).isSameAs(a);
        clusterer.process(step(3, tweets("#a", 3, 32)));

        assertThat(clusterer.table().clusterOf("@x")).isNull();
        assertThat(clusterer.table().clusterOf("#a")).isSameAs(a);
        assertThat(a.markerTweets().containsKey("@x")).isFalse();
    }

    @Test
    void aGapLongerThanTheWindowExpiresEverything() {
        final SlidingWindowClusterer clusterer = seeded(3);

        final StepStats s = clusterer.process(step(10, tweets("#a", 10, 500)));

        assertThat(s.expired()).isEqualTo(3);
        assertThat(s.clusters()).isEqualTo(1);
        assertThat(s.byMarker()).isZero();
        assertThat(s.outliers()).isEqualTo(1);
        assertThat(clusterer.table().mappedMarkers()).isEqualTo(1);
        assertThat(clusterer.oldestStep()).isEqualTo(10);
    }

    @Test
    void emptyStepsStillAdvanceTheWindow() {
        final SlidingWindowClusterer clusterer = seeded(2);

        final StepStats one = clusterer.process(step(1));
        final StepStats two = clusterer.process(step(2));

        assertThat(one.expired()).isZero();
        assertThat(one.protomemes()).isZero();
        assertThat(two.expired()).isEqualTo(3);
        assertThat(two.clusters()).isZero();
        assertThat(clusterer.table().indexedKeys()).isZero();
    }

    @Test
    void stepsMustIncrease() {
        final SlidingWindowClusterer clusterer = seeded(5);
        clusterer.process(step(3, tweets("#a", 3, 7)));

        assertThatThrownBy(() -> clusterer.process(step(3, tweets("#a", 3, 8))))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("step=3");
        assertThatThrownBy(() -> clusterer.process(step(1, tweets("#a", 1, 9))))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("step=1");
        assertThat(clusterer.protomemesInWindow()).isEqualTo(4);
    }

    @Test
    void stepStatsCarryTheStepIdentity() {
        final SlidingWindowClusterer clusterer = seeded(5);

        final StepStats s = clusterer.process(step(7, tweets("#a", 7, 70)));

        assertThat(s.step()).isEqualTo(7);
        assertThat(s.startMillis()).isEqualTo(Protomemes.ORIGIN + 7 * Protomemes.STEP_MILLIS);
        assertThat(s.nanos()).isPositive();
    }

    @Test
    void memoryStaysBoundedByTheWindowOnALongStreamOfFreshProtomemes() {
        final int window = 5;
        final int perStep = 30;
        final SlidingWindowClusterer clusterer = new SlidingWindowClusterer(params(10, 2, window));
        final SplittableRandom random = new SplittableRandom(11);
        long atHundredProtomemes = -1;
        long atHundredKeys = -1;
        long atHundredMarkers = -1;
        long maxKeys = 0;
        long nextTweet = 1;
        long joins = 0;
        long outliers = 0;
        for (int s = 1; s <= 1_000; s++) {
            final List<Protomeme> pms = new ArrayList<>();
            for (int i = 0; i < perStep; i++) {
                final long[] ids = {nextTweet++, nextTweet++};
                final long[] users = {random.nextLong(1, 200), (long) s * 1_000 + i};
                final long[] words = {random.nextLong(1, 50), (long) s * 1_000_000 + i, (long) s * 1_000_000 + i + 500};
                pms.add(Protomemes.of("#s" + s + "p" + i, s, i, ids, users, users, words));
            }
            final StepStats stats = clusterer.process(step(s, pms));
            joins += stats.bySimilarity();
            outliers += stats.outliers();
            maxKeys = Math.max(maxKeys, clusterer.table().indexedKeys());
            if (s == 100) {
                atHundredProtomemes = clusterer.protomemesInWindow();
                atHundredKeys = clusterer.table().indexedKeys();
                atHundredMarkers = clusterer.table().mappedMarkers();
            }
        }

        assertThat(joins).as("some protomemes join by similarity").isPositive();
        assertThat(outliers).as("some protomemes are outliers").isPositive();
        assertThat(atHundredProtomemes).isEqualTo((long) window * perStep);
        assertThat(clusterer.protomemesInWindow()).isEqualTo(atHundredProtomemes);
        assertThat(clusterer.clusters().size()).isLessThanOrEqualTo(20);
        assertThat((long) clusterer.table().mappedMarkers()).isLessThanOrEqualTo((long) window * perStep);
        assertThat((long) clusterer.table().mappedMarkers()).isLessThanOrEqualTo(Math.max(atHundredMarkers * 2, 1));
        // each protomeme brings at most 2 tweets, 2 users, 2 diffusion users and 3 words
        final long bound = (long) window * perStep * (2 + 2 + 2 + 3);
        assertThat(maxKeys).isLessThanOrEqualTo(bound);
        assertThat(clusterer.table().indexedKeys()).isLessThanOrEqualTo(atHundredKeys * 3 / 2);
    }
}
