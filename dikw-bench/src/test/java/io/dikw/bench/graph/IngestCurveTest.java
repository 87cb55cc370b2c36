package io.dikw.bench.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IngestCurveTest {
    /** 40 batches of 1,000 edges: the first two take 1 ms and 3 ms, the last two 4 ms each, the rest 2 ms. */
    private static IngestCurve fortyBatches() {
        final int[] sizes = new int[40];
        final long[] nanos = new long[40];
        Arrays.fill(sizes, 1000);
        Arrays.fill(nanos, 2_000_000);
        nanos[0] = 1_000_000;
        nanos[1] = 3_000_000;
        nanos[38] = 4_000_000;
        nanos[39] = 4_000_000;
        return new IngestCurve("test", 1000, 0, sizes, nanos);
    }

    @Test
    void theWindowsAreTheFirstAndLastTwentiethOfTheBatches() {
        assertThat(fortyBatches().window()).isEqualTo(2);
        assertThat(new IngestCurve("one", 10, 0, new int[] {10}, new long[] {5}).window()).isEqualTo(1);
    }

    @Test
    void meanRatesAverageEachBatchsRate() {
        final double[] mean = fortyBatches().meanRates();
        // (1,000,000 + 333,333) / 2 edges/s first, 250,000 last
        assertThat(mean[0]).isCloseTo(666_666.67, within(0.01));
        assertThat(mean[1]).isCloseTo(250_000, within(1e-6));
        assertThat(mean[2]).isCloseTo(2.6667, within(1e-4));
    }

    @Test
    void windowRatesDivideEachWindowsEdgesByItsTime() {
        final double[] pooled = fortyBatches().windowRates();
        // 2,000 edges in 4 ms first, 2,000 edges in 8 ms last
        assertThat(pooled[0]).isCloseTo(500_000, within(1e-6));
        assertThat(pooled[1]).isCloseTo(250_000, within(1e-6));
        assertThat(pooled[2]).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void aShortLastBatchCountsOnlyItsOwnEdges() {
        final IngestCurve curve = new IngestCurve("tcp", 100, 100, new int[] {100, 50}, new long[] {1_000_000,
            1_000_000});
        assertThat(curve.rate(1)).isCloseTo(50_000, within(1e-6));
        assertThat(curve.meanRates()[2]).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void theChartPoolsNeighbouringBatchesAndCountsEdgesFromTheStreamsStart() {
        final int n = 1000;
        final int[] sizes = new int[n];
        final long[] nanos = new long[n];
        Arrays.fill(sizes, 10);
        Arrays.fill(nanos, 1000);
        final double[][] line = new IngestCurve("big", 10, 10, sizes, nanos).chartLine();
        assertThat(line[0]).hasSizeLessThanOrEqualTo(IngestCurve.MAX_CHART_POINTS).hasSameSizeAs(line[1]);
        assertThat(line[0][line[0].length - 1]).isCloseTo((10 + 10 * n) / 1e6, within(1e-12));
        assertThat(Arrays.stream(line[1]).boxed()).allSatisfy(y -> assertThat(y).isCloseTo(10.0, within(1e-9)));
        assertThat(line[0]).isSorted();
    }

    @Test
    void noTimedBatchGivesNoFigures() {
        final IngestCurve none = new IngestCurve("none", 100, 100, new int[0], new long[0]);
        assertThat(none.meanRates()).containsOnly(Double.NaN);
        assertThat(none.windowRates()).containsOnly(Double.NaN);
        assertThat(none.chartLine()[0]).isEmpty();
    }

    @Test
    void batchesMustHaveEdgesAndTime() {
        assertThatThrownBy(() -> new IngestCurve("bad", 1, 0, new int[] {1}, new long[] {0}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch 0 of bad");
        assertThatThrownBy(() -> new IngestCurve("bad", 1, 0, new int[] {1, 2}, new long[] {1}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 batch sizes for 1 batch times");
    }
}
