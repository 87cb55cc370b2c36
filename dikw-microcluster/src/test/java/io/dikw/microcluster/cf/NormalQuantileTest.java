package io.dikw.microcluster.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalQuantileTest {
    @Test
    void knownQuantiles() {
        assertThat(NormalQuantile.of(0.5)).isCloseTo(0, within(1e-9));
        assertThat(NormalQuantile.of(0.975)).isCloseTo(1.959964, within(1e-5));
        assertThat(NormalQuantile.of(0.01)).isCloseTo(-2.326348, within(1e-5));
    }

    @Test
    void relevanceStampIsTheMeanForSmallClustersAndLaterForLargeOnes() {
        final CfSet s = new CfSet(1, 1);
        s.addEmpty(1);
        final double[] x = {0};
        for (int t = 0; t < 100; t++) {
            s.addPoint(0, x, 0, t);
        }
        assertThat(s.relevanceStamp(0, 100)).isCloseTo(49.5, within(1e-9));
        // with m = 10, N = 100: the stamp estimates the time of the most recent 10 points, near the end
        assertThat(s.relevanceStamp(0, 10)).isGreaterThan(80).isLessThan(110);
    }
}
