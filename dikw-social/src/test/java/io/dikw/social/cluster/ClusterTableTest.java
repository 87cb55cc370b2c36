package io.dikw.social.cluster;

import static io.dikw.social.cluster.Protomemes.latestAt;
import static io.dikw.social.cluster.Protomemes.tweets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dikw.social.protomeme.Protomeme;
import org.junit.jupiter.api.Test;

class ClusterTableTest {

    @Test
    void rejectsACapacityBelowOne() {
        assertThatThrownBy(() -> new ClusterTable(0))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("capacity=0");
    }

    @Test
    void firstClusterTakesSlotZeroWithIdOneAndMapsItsMarker() {
        final ClusterTable table = new ClusterTable(4);
        final Protomeme pm = tweets("#a", 0, 1, 2);

        final ClusterTable.Placement placement = table.startCluster(pm);

        assertThat(placement.replaced()).isNull();
        final Cluster c = placement.cluster();
        assertThat(c.slot()).isZero();
        assertThat(c.id()).isEqualTo(1);
        assertThat(c.tweetCount()).isEqualTo(2);
        assertThat(c.protomemeCount()).isEqualTo(1);
        assertThat(c.markerTweets().getValue("#a")).isEqualTo(2);
        assertThat(table.clusterOf("#a")).isSameAs(c);
        assertThat(table.size()).isEqualTo(1);
        assertThat(table.mappedMarkers()).isEqualTo(1);
        assertThat(table.clusters()).containsExactly(c);
    }

    @Test
    void newClustersAppendSlotsInOrderUpToCapacity() {
        final ClusterTable table = new ClusterTable(3);

        final Cluster a = table.startCluster(tweets("#a", 0, 1)).cluster();
        final Cluster b = table.startCluster(tweets("#b", 0, 2)).cluster();
        final Cluster c = table.startCluster(tweets("#c", 0, 3)).cluster();

        assertThat(a.slot()).isEqualTo(0);
        assertThat(b.slot()).isEqualTo(1);
        assertThat(c.slot()).isEqualTo(2);
        assertThat(table.clusters()).containsExactly(a, b, c);
        assertThat(table.clusters()).extracting(Cluster::id).containsExactly(1L, 2L, 3L);
    }

    @Test
    void newClusterFillsTheLowestEmptySlotBeforeAppending() {
        final ClusterTable table = new ClusterTable(5);
        final Protomeme pa = tweets("#a", 0, 1);
        final Protomeme pb = tweets("#b", 0, 2);
        final Protomeme pc = tweets("#c", 0, 3);
        final Cluster a = table.startCluster(pa).cluster();
        final Cluster b = table.startCluster(pb).cluster();
        final Cluster c = table.startCluster(pc).cluster();
        table.expire(c, pc);
        table.expire(b, pb);

        final ClusterTable.Placement d = table.startCluster(tweets("#d", 1, 4));
        final ClusterTable.Placement e = table.startCluster(tweets("#e", 1, 5));
        final ClusterTable.Placement f = table.startCluster(tweets("#f", 1, 6));

        assertThat(d.cluster().slot()).isEqualTo(1);
        assertThat(e.cluster().slot()).isEqualTo(2);
        assertThat(f.cluster().slot()).isEqualTo(3);
        assertThat(d.replaced()).isNull();
        assertThat(e.replaced()).isNull();
        assertThat(d.cluster().id()).isEqualTo(4);
        assertThat(table.clusters()).containsExactly(a, d.cluster(), e.cluster(), f.cluster());
    }

    @Test
    void whenFullTheLeastRecentlyUpdatedClusterIsReplacedAndReported() {
        final ClusterTable table = new ClusterTable(3);
        final Cluster a = table.startCluster(latestAt("#a", 300, 1)).cluster();
        final Cluster b = table.startCluster(latestAt("#b", 100, 2)).cluster();
        final Cluster c = table.startCluster(latestAt("#c", 200, 3)).cluster();

        final ClusterTable.Placement d = table.startCluster(latestAt("#d", 400, 4));

        assertThat(d.replaced()).isSameAs(b);
        assertThat(b.isRetired()).isTrue();
        assertThat(table.clusterOf("#b")).isNull();
        assertThat(table.byId(b.id())).isNull();
        assertThat(d.cluster().slot()).isEqualTo(1);
        assertThat(d.cluster().id()).isEqualTo(4);
        assertThat(table.size()).isEqualTo(3);
        assertThat(table.clusters()).containsExactly(a, d.cluster(), c);
        assertThat(table.clusterOf("#b")).isNull();
        assertThat(table.clusterOf("#d")).isSameAs(d.cluster());
    }

    @Test
    void replacementPicksTheLowestSlotAmongEquallyOldClusters() {
        final ClusterTable table = new ClusterTable(3);
        final Cluster a = table.startCluster(latestAt("#a", 500, 1)).cluster();
        final Cluster b = table.startCluster(latestAt("#b", 100, 2)).cluster();
        final Cluster c = table.startCluster(latestAt("#c", 100, 3)).cluster();

        final ClusterTable.Placement d = table.startCluster(latestAt("#d", 600, 4));

        assertThat(d.replaced()).isSameAs(b);
        assertThat(d.cluster().slot()).isEqualTo(1);
        assertThat(c.isRetired()).isFalse();
        assertThat(a.isRetired()).isFalse();
    }

    @Test
    void addingAProtomemeMakesAClusterRecentlyUpdated() {
        final ClusterTable table = new ClusterTable(2);
        final Cluster a = table.startCluster(latestAt("#a", 100, 1)).cluster();
        final Cluster b = table.startCluster(latestAt("#b", 200, 2)).cluster();
        table.add(a, latestAt("#a", 300, 5));
        assertThat(a.latestUpdateMillis()).isEqualTo(300);

        final ClusterTable.Placement c = table.startCluster(latestAt("#c", 400, 3));

        assertThat(c.replaced()).isSameAs(b);
        assertThat(c.cluster().slot()).isEqualTo(1);
    }

    @Test
    void latestUpdateIsNotLoweredByAnOlderProtomemeOrByExpiry() {
        final ClusterTable table = new ClusterTable(2);
        final Protomeme late = latestAt("#a", 300, 1);
        final Cluster a = table.startCluster(late).cluster();
        table.add(a, latestAt("#a", 100, 2));
        assertThat(a.latestUpdateMillis()).isEqualTo(300);

        table.expire(a, late);

        assertThat(a.latestUpdateMillis()).isEqualTo(300);
        assertThat(a.createdMillis()).isEqualTo(300);
    }

    @Test
    void replacingAClusterForgetsEveryMarkerMappedToIt() {
        final ClusterTable table = new ClusterTable(1);
        final Cluster a = table.startCluster(latestAt("#a", 100, 1)).cluster();
        final Protomeme joined = latestAt("@x", 100, 1, 2);
        table.add(a, joined);
        table.mapMarker("@x", a);
        table.markerEntered("#a");
        table.markerEntered("@x");
        assertThat(table.mappedMarkers()).isEqualTo(2);

        final ClusterTable.Placement b = table.startCluster(latestAt("#b", 200, 9));

        assertThat(b.replaced()).isSameAs(a);
        assertThat(table.clusterOf("#a")).isNull();
        assertThat(table.clusterOf("@x")).isNull();
        assertThat(table.mappedMarkers()).isEqualTo(1);
    }

    @Test
    void freeingAClusterKeepsAMarkerThatNowMapsToAnotherCluster() {
        final ClusterTable table = new ClusterTable(3);
        final Protomeme pa = tweets("#a", 0, 1);
        final Protomeme px = tweets("@x", 0, 2);
        final Cluster a = table.startCluster(pa).cluster();
        table.add(a, px);
        final Cluster b = table.startCluster(tweets("#b", 1, 3)).cluster();
        table.mapMarker("@x", b);

        table.expire(a, pa);
        assertThat(table.expire(a, px)).isTrue();

        assertThat(table.clusterOf("@x")).isSameAs(b);
    }

    @Test
    void markerStaysMappedUntilItsLastProtomemeLeavesTheWindow() {
        final ClusterTable table = new ClusterTable(2);
        final Cluster a = table.startCluster(tweets("#a", 0, 1)).cluster();
        table.markerEntered("#a");
        table.markerEntered("#a");

        table.markerLeft("#a");
        assertThat(table.clusterOf("#a")).isSameAs(a);

        table.markerLeft("#a");
        assertThat(table.clusterOf("#a")).isNull();
        assertThat(table.mappedMarkers()).isZero();
        assertThat(a.isRetired()).isFalse();
    }

    @Test
    void markerLeavingWithoutEnteringForgetsTheMapping() {
        final ClusterTable table = new ClusterTable(2);
        table.startCluster(tweets("#a", 0, 1));

        table.markerLeft("#a");

        assertThat(table.clusterOf("#a")).isNull();
    }

    @Test
    void markerThatReentersCountsAgainFromScratch() {
        final ClusterTable table = new ClusterTable(2);
        final Cluster a = table.startCluster(tweets("#a", 0, 1)).cluster();
        table.markerEntered("#a");
        table.markerLeft("#a");
        table.mapMarker("#a", a);
        table.markerEntered("#a");

        assertThat(table.clusterOf("#a")).isSameAs(a);
        table.markerLeft("#a");
        assertThat(table.clusterOf("#a")).isNull();
    }

    @Test
    void expiringSomeProtomemesShrinksTheClusterButKeepsIt() {
        final ClusterTable table = new ClusterTable(2);
        final Protomeme first = tweets("#a", 0, 1, 2);
        final Cluster a = table.startCluster(first).cluster();
        table.add(a, tweets("#a", 1, 2, 3));
        assertThat(a.tweetCount()).isEqualTo(3);
        assertThat(a.markerTweets().getValue("#a")).isEqualTo(4);

        assertThat(table.expire(a, first)).isFalse();

        assertThat(a.tweetCount()).isEqualTo(2);
        assertThat(a.protomemeCount()).isEqualTo(1);
        assertThat(a.markerTweets().getValue("#a")).isEqualTo(2);
        assertThat(a.centroid(Space.TWEETS).get(1)).isZero();
        assertThat(a.centroid(Space.TWEETS).get(2)).isEqualTo(1);
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void expiringTheLastProtomemeFreesTheSlotAndTheIndex() {
        final ClusterTable table = new ClusterTable(2);
        final Protomeme pa = Protomemes.of("#a", 0, 0, new long[] {1, 2}, new long[] {7}, new long[] {7, 8},
            new long[] {100, 100, 101});
        final Cluster a = table.startCluster(pa).cluster();
        assertThat(table.indexedKeys()).isEqualTo(2 + 1 + 2 + 2);

        assertThat(table.expire(a, pa)).isTrue();

        assertThat(a.isRetired()).isTrue();
        assertThat(table.size()).isZero();
        assertThat(table.clusters()).isEmpty();
        assertThat(table.indexedKeys()).isZero();
        assertThat(table.nearest(pa)).isEqualTo(ClusterTable.Match.NONE);
        assertThat(table.startCluster(tweets("#b", 1, 3)).cluster().slot()).isZero();
    }

    @Test
    void expiringTheLastProtomemeForgetsTheMarkersMappedToTheFreedCluster() {
        final ClusterTable table = new ClusterTable(2);
        final Protomeme pa = tweets("#a", 0, 1, 2);
        final Cluster a = table.startCluster(pa).cluster();
        table.markerEntered("#a");
        table.markerEntered("#a"); // another #a protomeme is still in the window (e.g. in a replaced cluster)

        assertThat(table.expire(a, pa)).isTrue();

        assertThat(a.isRetired()).isTrue();
        assertThat(table.clusterOf("#a")).as("marker of a freed cluster").isNull();
        assertThat(table.mappedMarkers()).isZero();
    }

    @Test
    void expiringTheLastProtomemeThenItsMarkerLeavingUnmapsTheMarker() {
        final ClusterTable table = new ClusterTable(2);
        final Protomeme pa = tweets("#a", 0, 1, 2);
        final Cluster a = table.startCluster(pa).cluster();
        table.markerEntered("#a");

        table.expire(a, pa);
        table.markerLeft("#a");

        assertThat(table.clusterOf("#a")).isNull();
        assertThat(table.mappedMarkers()).isZero();
    }

    @Test
    void expiryIntoARetiredClusterIsIgnored() {
        final ClusterTable table = new ClusterTable(1);
        final Protomeme pa = latestAt("#a", 100, 1, 2);
        final Cluster a = table.startCluster(pa).cluster();
        final Protomeme pb = latestAt("#b", 200, 1, 2, 3);
        final Cluster b = table.startCluster(pb).cluster();
        assertThat(a.isRetired()).isTrue();
        assertThat(b.slot()).isEqualTo(a.slot());

        assertThat(table.expire(a, pa)).isFalse();

        assertThat(b.isRetired()).isFalse();
        assertThat(b.tweetCount()).isEqualTo(3);
        assertThat(table.clusters()).containsExactly(b);
        assertThat(table.nearest(pa).cluster()).isSameAs(b);
    }

    @Test
    void nearestFindsTheMostSimilarClusterThroughSharedKeys() {
        final ClusterTable table = new ClusterTable(4);
        final Cluster a = table.startCluster(tweets("#a", 0, 1, 2, 3, 4)).cluster();
        final Cluster b = table.startCluster(tweets("#b", 0, 3, 4, 5)).cluster();
        table.startCluster(tweets("#c", 0, 9));

        final Protomeme probe = tweets("#p", 1, 4, 5);
        final ClusterTable.Match match = table.nearest(probe);

        assertThat(match.cluster()).isSameAs(b);
        assertThat(match.similarity()).isEqualTo(2 / Math.sqrt(2.0 * 3.0));
        assertThat(match).isEqualTo(table.nearestByScan(probe));
        assertThat(a.similarity(probe)).isLessThan(match.similarity());
    }

    @Test
    void nearestIsNoneWhenNothingIsShared() {
        final ClusterTable table = new ClusterTable(4);
        table.startCluster(tweets("#a", 0, 1, 2));

        assertThat(table.nearest(tweets("#z", 1, 42))).isEqualTo(ClusterTable.Match.NONE);
        assertThat(table.nearestByScan(tweets("#z", 1, 42))).isEqualTo(ClusterTable.Match.NONE);
    }

    @Test
    void nearestBreaksTiesByTheLowestSlot() {
        final ClusterTable table = new ClusterTable(4);
        table.startCluster(tweets("#x", 0, 50));
        final Cluster b = table.startCluster(tweets("#b", 0, 1, 2)).cluster();
        final Cluster c = table.startCluster(tweets("#c", 0, 1, 2)).cluster();
        table.expire(table.clusterOf("#x"), tweets("#x", 0, 50));
        final Cluster d = table.startCluster(tweets("#d", 1, 1, 2)).cluster();
        assertThat(d.slot()).isZero();

        final Protomeme probe = tweets("#p", 1, 1, 7);

        assertThat(table.nearest(probe).cluster()).isSameAs(d);
        assertThat(table.nearestByScan(probe).cluster()).isSameAs(d);
        assertThat(b.slot()).isLessThan(c.slot());
    }

    @Test
    void similarityIsTheBestOfTheFourSpaces() {
        final ClusterTable table = new ClusterTable(2);
        final Cluster a = table.startCluster(Protomemes.of("#a", 0, 0, new long[] {1}, new long[] {7},
            new long[] {7}, new long[] {100, 101})).cluster();

        final Protomeme sameWords = Protomemes.of("#p", 1, 0, new long[] {2}, new long[] {8}, new long[] {8},
            new long[] {100, 101});
        final Protomeme sameUser = Protomemes.of("#q", 1, 0, new long[] {3}, new long[] {7, 7}, new long[] {9},
            new long[] {100, 200, 201});

        assertThat(a.similarity(sameWords)).isEqualTo(1.0);
        assertThat(a.similarity(sameUser)).isEqualTo(1.0);
        assertThat(table.nearest(sameUser).similarity()).isEqualTo(1.0);
        assertThat(a.similarity(Protomemes.of("#r", 1, 0, new long[] {4}, new long[] {5}, new long[] {6},
            new long[] {100, 300}))).isEqualTo(1 / Math.sqrt(2.0 * 2.0));
    }
}
