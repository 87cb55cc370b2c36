package io.dikw.collectives.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dikw.collectives.plan.Algorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostModelTest {
    private static final Shape WIDE = new Shape(8, 4, 64);

    @Test
    void shouldRecoverTheCostsThatGeneratedTheLatencies() {
        final CostModel truth = new CostModel(200_000, 15_000, 2.5);
        final List<CostModel.Observation> obs = new ArrayList<>();
        for (final Algorithm a : CostModel.CANDIDATES) {
            for (final Shape s : List.of(new Shape(4, 2, 8), new Shape(4, 2, 16), WIDE)) {
                for (final long bytes : new long[] {100, 10_000, 1_000_000}) {
                    obs.add(new CostModel.Observation(a, s, bytes, truth.predictNanos(a, s, bytes)));
                }
            }
        }
        final CostModel fitted = CostModel.fit(obs);
        assertThat(fitted.hopNanos()).isCloseTo(200_000, within(1.0));
        assertThat(fitted.copyNanos()).isCloseTo(15_000, within(1.0));
        assertThat(fitted.perByteNanos()).isCloseTo(2.5, within(1e-6));
    }

    @Test
    void shouldPreferATreeForManyTargetsAndSerialForOne() {
        final CostModel m = new CostModel(100_000, 20_000, 1);
        assertThat(m.choose(WIDE, 100)).isIn(Algorithm.BINARY_TREE, Algorithm.FLAT_TREE);
        assertThat(m.choose(new Shape(1, 1, 1), 100)).isEqualTo(Algorithm.SERIAL);
        assertThat(m.predictNanos(Algorithm.BIDI_RING, WIDE, 100)).isLessThan(m.predictNanos(Algorithm.RING, WIDE, 100));
    }

    @Test
    void shouldRejectTooFewObservationsAndEmptyShapes() {
        assertThatThrownBy(() -> CostModel.fit(List.of())).hasMessageContaining("at least 3");
        assertThatThrownBy(() -> new Shape(0, 1, 1)).hasMessageContaining("machines=0");
    }

    @Test
    void shouldEstimateSizesDeterministically() {
        assertThat(SizeEstimate.of(List.of(new byte[100], "abc", 7L, Map.of("k", new long[2])))).isEqualTo(100 + 3 + 8 + 1 + 16);
        assertThat(SizeEstimate.of(null)).isEqualTo(1);
    }
}
