package io.dikw.core.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoverTest {

    @Test
    void ofSortsAndDeduplicatesItemsWithinEachCluster() {
        final Cover cover = Cover.of(5, List.of(new int[] {3, 1, 3, 0}, new int[] {4, 4}));

        assertThat(cover.n()).isEqualTo(5);
        assertThat(cover.size()).isEqualTo(2);
        assertThat(cover.cluster(0)).containsExactly(0, 1, 3);
        assertThat(cover.cluster(1)).containsExactly(4);
        assertThat(cover.clusterSize(0)).isEqualTo(3);
    }

    @Test
    void ofDropsEmptyClustersAndKeepsOrder() {
        final Cover cover = Cover.of(3, List.of(new int[0], new int[] {2}, new int[0], new int[] {0, 1}));

        assertThat(cover.size()).isEqualTo(2);
        assertThat(cover.cluster(0)).containsExactly(2);
        assertThat(cover.cluster(1)).containsExactly(0, 1);
    }

    @Test
    void ofRejectsItemOutOfRangeNamingClusterAndItem() {
        assertThatThrownBy(() -> Cover.of(4, List.of(new int[] {0}, new int[] {1, 7})))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("cluster 1")
            .hasMessageContaining("item=7");
        assertThatThrownBy(() -> Cover.of(4, List.of(new int[] {-1})))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("cluster 0")
            .hasMessageContaining("item=-1");
    }

    @Test
    void ofRejectsNegativeItemCount() {
        assertThatThrownBy(() -> Cover.of(-1, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void coverIsUnaffectedByChangesToInputOrReturnedArrays() {
        final int[] input = {0, 1};
        final Cover cover = Cover.of(3, List.of(input));
        input[0] = 2;
        cover.cluster(0)[1] = 2;

        assertThat(cover.cluster(0)).containsExactly(0, 1);
    }

    @Test
    void fromLabelsBuildsPartitionInLabelOrderAndSkipsUnassigned() {
        final Cover cover = Cover.fromLabels(new int[] {7, -1, 2, 7, 2, -5, 40});

        assertThat(cover.n()).isEqualTo(7);
        assertThat(cover.size()).isEqualTo(3);
        assertThat(cover.cluster(0)).containsExactly(2, 4);
        assertThat(cover.cluster(1)).containsExactly(0, 3);
        assertThat(cover.cluster(2)).containsExactly(6);
    }

    @Test
    void builderGroupsMembershipsByKeyInFirstSeenOrder() {
        final Cover cover = new Cover.Builder(6)
            .add(1_000_000_000_000L, 5)
            .add(-3, 2)
            .add(1_000_000_000_000L, 0)
            .add(-3, 2)
            .add(1_000_000_000_000L, 2)
            .build();

        assertThat(cover).isEqualTo(Cover.of(6, List.of(new int[] {0, 2, 5}, new int[] {2})));
    }

    @Test
    void builderRejectsItemOutOfRange() {
        assertThatThrownBy(() -> new Cover.Builder(3).add(9, 3))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("item=3");
    }

    @Test
    void restrictToRenumbersItemsByPositionAndDropsEmptiedClusters() {
        final Cover cover = Cover.of(6, List.of(new int[] {0, 1, 5}, new int[] {2, 3}, new int[] {1, 4}));

        final Cover restricted = cover.restrictTo(new int[] {5, 4, 1});

        assertThat(restricted).isEqualTo(Cover.of(3, List.of(new int[] {0, 2}, new int[] {1, 2})));
    }

    @Test
    void restrictToRejectsRepeatedOrOutOfRangeItems() {
        final Cover cover = Cover.fromLabels(new int[] {0, 0, 1});

        assertThatThrownBy(() -> cover.restrictTo(new int[] {1, 1}))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> cover.restrictTo(new int[] {3}))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("out of range");
    }

    @Test
    void equalCoversHaveEqualHashCodesAndReadableText() {
        final Cover a = Cover.fromLabels(new int[] {0, 1, 0});
        final Cover b = Cover.of(3, List.of(new int[] {2, 0}, new int[] {1}));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(Cover.of(4, List.of(new int[] {0, 2}, new int[] {1})));
        assertThat(a.toString()).isEqualTo("Cover{n=3, size=2, clusters=[0, 2], [1]}");
    }
}
