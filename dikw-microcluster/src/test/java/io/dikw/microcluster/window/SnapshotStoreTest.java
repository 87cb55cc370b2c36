package io.dikw.microcluster.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dikw.microcluster.cf.CfSet;
import io.dikw.microcluster.online.OnlineClusterer;
import io.dikw.microcluster.online.OnlineParams;
import org.junit.jupiter.api.Test;

class SnapshotStoreTest {
    @Test
    void theWindowHoldsExactlyThePointsOfTheLastWindowLength() {
        // one point per second at x = t; q large enough that nothing is ever merged or deleted
        final OnlineClusterer online = new OnlineClusterer(new OnlineParams(50, 1, 2.0, 100, 1e9, 1), 1, 0);
        final SnapshotStore store = new SnapshotStore(10);
        for (int t = 0; t < 40; t++) {
            online.add(new double[] {t % 5 * 1000.0}, 0, t); // 5 far-apart groups
            if (t % 5 == 4) {
                final double end = t + 1;
                store.take(end, online.clusters());
                final CfSet window = store.window(end, online.clusters());
                final double expectedN = Math.min(end, 10);
                assertThat(window.totalN()).isCloseTo(expectedN, within(1e-9));
                double lst = 0;
                for (int i = 0; i < window.size(); i++) {
                    lst += window.lst(i);
                }
                double expected = 0;
                for (int s = (int) (end - expectedN); s < end; s++) {
                    expected += s;
                }
                assertThat(lst).isCloseTo(expected, within(1e-6));
            }
        }
    }

    @Test
    void snapshotsOlderThanTheWindowStartExpire() {
        final SnapshotStore store = new SnapshotStore(10);
        final CfSet current = new CfSet(2, 1);
        for (int t = 5; t <= 100; t += 5) {
            store.take(t, current);
        }
        // kept: the one at 90 (= 100 - 10, the window's start) and the newer 95 and 100
        assertThat(store.size()).isEqualTo(3);
        assertThat(store.oldestTime()).isEqualTo(90);
    }

    @Test
    void mergedMicroClustersAreSubtractedThroughTheirIdLists() {
        final SnapshotStore store = new SnapshotStore(10);
        final CfSet current = new CfSet(3, 1);
        final double[] x = {1};
        current.addEmpty(1);
        current.addEmpty(2);
        current.addPoint(0, x, 0, 1);
        current.addPoint(1, x, 0, 2);
        store.take(10, current);
        current.mergeInto(0, 1); // cluster 2 merged into 1 after the snapshot
        current.removeSwap(1);
        current.addPoint(0, x, 0, 15);
        store.take(20, current);
        final CfSet window = store.window(20, current);
        assertThat(window.size()).isEqualTo(1);
        assertThat(window.n(0)).isEqualTo(1);
        assertThat(window.lst(0)).isEqualTo(15);
    }
}
