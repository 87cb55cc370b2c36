package io.dikw.microcluster.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dikw.microcluster.cf.CfSet;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightedKMeansTest {
    /** Three blobs of 1-d points around 0, 100 and 200. */
    private static double[] blobs(final SplittableRandom r) {
        final double[] x = new double[300];
        for (int i = 0; i < 300; i++) {
            x[i] = (i / 100) * 100 + r.nextDouble();
        }
        return x;
    }

    @Test
    void kMeansPlusPlusSeedsOneCentreInEachWellSeparatedBlob() {
        for (int seed = 0; seed < 20; seed++) {
            final double[] centers = WeightedKMeans.seed(blobs(new SplittableRandom(seed)), null, 300, 1, 3,
                new SplittableRandom(seed));
            final Set<Long> blobsHit = new HashSet<>();
            for (final double c : centers) {
                blobsHit.add(Math.round(c / 100));
            }
            assertThat(blobsHit).hasSize(3);
        }
    }

    @Test
    void seedingNeverPicksAPointOfZeroWeight() {
        final double[] points = {0, 1, 1000, 2000};
        final double[] weights = {1, 1, 0, 0};
        for (int seed = 0; seed < 50; seed++) {
            final double[] centers = WeightedKMeans.seed(points, weights, 4, 1, 2, new SplittableRandom(seed));
            for (final double c : centers) {
                assertThat(c).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void fewerDistinctPointsThanKGiveFewerCentres() {
        final double[] centers = WeightedKMeans.seed(new double[] {5, 5, 5}, null, 3, 1, 3, new SplittableRandom(1));
        assertThat(centers).containsExactly(5);
    }

    @Test
    void lloydConvergesToTheBlobMeans() {
        final WeightedKMeans.Result r = WeightedKMeans.cluster(blobs(new SplittableRandom(1)), null, 300, 1, 3, 1,
            new SplittableRandom(2));
        final double[] c = r.centers().clone();
        java.util.Arrays.sort(c);
        assertThat(c[0]).isCloseTo(0.5, within(0.1));
        assertThat(c[1]).isCloseTo(100.5, within(0.1));
        assertThat(c[2]).isCloseTo(200.5, within(0.1));
    }

    @Test
    void offlinePhaseWeighsMicroClustersByTheirSize() {
        final CfSet w = new CfSet(3, 1);
        for (int i = 0; i < 3; i++) {
            w.addEmpty(i);
        }
        for (int p = 0; p < 100; p++) {
            w.addPoint(0, new double[] {0}, 0, 0);
        }
        w.addPoint(1, new double[] {10}, 0, 0);
        w.addPoint(2, new double[] {1000}, 0, 0);
        final MacroClusters m = new OfflinePhase(2, 3, 1).cluster(w);
        assertThat(m.k()).isEqualTo(2);
        assertThat(m.sizes()[0] + m.sizes()[1]).isEqualTo(102);
        // the heavy micro-cluster pulls its macro centre: (100*0 + 10)/101
        final double low = Math.min(m.center(0, 0), m.center(1, 0));
        assertThat(low).isCloseTo(10.0 / 101, within(1e-9));
        assertThat(m.cfCost()).isCloseTo(100 * low * low + (10 - low) * (10 - low), within(1e-6));
    }
}
