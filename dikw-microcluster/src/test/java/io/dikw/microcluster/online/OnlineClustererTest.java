package io.dikw.microcluster.online;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OnlineClustererTest {
    /** 2 dimensions, q = 3, init on 4 points: two tight pairs far apart. */
    private static OnlineClusterer initialized(final double horizon) {
        final OnlineClusterer c = new OnlineClusterer(new OnlineParams(3, 4, 2.0, 2, horizon, 7), 2, 0);
        c.add(new double[] {0, 0}, 0, 0);
        c.add(new double[] {0, 1}, 0, 1);
        c.add(new double[] {10, 0}, 0, 2);
        assertThat(c.add(new double[] {10, 1}, 0, 3)).isEqualTo(Decision.BUFFERED);
        assertThat(c.initialized()).isTrue();
        return c;
    }

    @Test
    void initialKMeansPlusPlusSplitsTheBufferedPointsIntoMicroClusters() {
        final OnlineClusterer c = initialized(1000);
        assertThat(c.clusters().totalN()).isEqualTo(4);
        assertThat(c.clusters().size()).isBetween(2, 3);
    }

    @Test
    void aPointWithinTheMaximumBoundaryIsAbsorbed() {
        final OnlineClusterer c = new OnlineClusterer(new OnlineParams(2, 4, 2.0, 2, 1000, 7), 2, 0);
        for (final double[] p : new double[][] {{0, 0}, {0, 1}, {10, 0}, {10, 1}}) {
            c.add(p, 0, 0);
        }
        // pairs of RMS radius 0.5: the boundary is 2 x 0.5 = 1 around (0, 0.5)
        assertThat(c.add(new double[] {0.5, 0.6}, 0, 5)).isEqualTo(Decision.ABSORBED);
        assertThat(c.add(new double[] {0, 3}, 0, 6)).isNotEqualTo(Decision.ABSORBED);
    }

    @Test
    void aFarPointStartsANewMicroClusterWhileSlotsAreFree() {
        final OnlineClusterer c = new OnlineClusterer(new OnlineParams(3, 4, 2.0, 2, 1000, 7), 2, 0);
        for (final double[] p : new double[][] {{0, 0}, {0, 1}, {10, 0}, {10, 1}}) {
            c.add(p, 0, 0);
        }
        if (c.clusters().size() == 2) {
            assertThat(c.add(new double[] {50, 50}, 0, 5)).isEqualTo(Decision.CREATED);
            assertThat(c.clusters().size()).isEqualTo(3);
        }
    }

    @Test
    void whenFullTheStaleMicroClusterIsReplaced() {
        final OnlineClusterer c = new OnlineClusterer(new OnlineParams(2, 4, 2.0, 2, 10, 7), 2, 0);
        c.add(new double[] {0, 0}, 0, 0);
        c.add(new double[] {0, 1}, 0, 1);
        c.add(new double[] {10, 0}, 0, 100);
        c.add(new double[] {10, 1}, 0, 101);
        // the (0, *) cluster's stamp is 0.5, older than 200 - 10; the new point replaces it
        assertThat(c.add(new double[] {50, 50}, 0, 200)).isEqualTo(Decision.REPLACED_STALE);
        assertThat(c.clusters().size()).isEqualTo(2);
        assertThat(c.clusters().totalN()).isEqualTo(3);
    }

    @Test
    void whenFullAndNothingIsStaleTheTwoClosestAreMerged() {
        final OnlineClusterer c = new OnlineClusterer(new OnlineParams(2, 4, 2.0, 2, 1000, 7), 2, 0);
        c.add(new double[] {0, 0}, 0, 0);
        c.add(new double[] {0, 1}, 0, 1);
        c.add(new double[] {10, 0}, 0, 2);
        c.add(new double[] {10, 1}, 0, 3);
        assertThat(c.add(new double[] {50, 50}, 0, 4)).isEqualTo(Decision.MERGED_CLOSEST);
        assertThat(c.clusters().size()).isEqualTo(2);
        assertThat(c.clusters().totalN()).isEqualTo(5);
        // one cluster holds the four old points (and both old ids), the other the new point
        final int big = c.clusters().n(0) == 4 ? 0 : 1;
        assertThat(c.clusters().n(big)).isEqualTo(4);
        assertThat(c.clusters().ids(big).size()).isEqualTo(2);
        assertThat(c.stats().get(Decision.MERGED_CLOSEST)).isEqualTo(1);
    }

    @Test
    void aSingletonsBoundaryIsTheDistanceToItsNearestNeighbour() {
        final OnlineClusterer c = new OnlineClusterer(new OnlineParams(3, 3, 2.0, 2, 1000, 7), 1, 0);
        c.add(new double[] {0}, 0, 0);
        c.add(new double[] {10}, 0, 0);
        c.add(new double[] {20}, 0, 0);
        assertThat(c.clusters().size()).isEqualTo(3);
        // singleton at 0: its neighbour is 10 away, so 9 is inside its boundary, -11 is not
        assertThat(c.add(new double[] {-9}, 0, 1)).isEqualTo(Decision.ABSORBED);
        assertThat(c.add(new double[] {35}, 0, 1)).isEqualTo(Decision.MERGED_CLOSEST);
    }

    @Test
    void nearestKernelsAgreeOnBothLayouts() {
        final java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        final int q = 7;
        final int d = 5;
        final double[] rowMajor = new double[q * d];
        final double[] dimMajor = new double[q * d];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < d; j++) {
                rowMajor[i * d + j] = r.nextDouble();
                dimMajor[j * q + i] = rowMajor[i * d + j];
            }
        }
        final double[] acc = new double[q];
        for (int t = 0; t < 100; t++) {
            final double[] x = r.doubles(d).toArray();
            assertThat(NearestCentroid.nearest(dimMajor, q, q, d, x, 0, acc))
                .isEqualTo(NearestCentroid.nearestRowMajor(rowMajor, q, d, x, 0));
        }
    }
}
