package io.dikw.collectives.storm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dikw.collectives.plan.Algorithm;
import io.dikw.collectives.plan.Plan;
import io.dikw.collectives.plan.Slot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.storm.generated.NodeInfo;
import org.apache.storm.topology.TopologyBuilder;
import org.junit.jupiter.api.Test;

class PlanCacheTest {
    private static Map<Integer, NodeInfo> placement(final String... nodePerTask) {
        final Map<Integer, NodeInfo> m = new HashMap<>();
        for (int t = 0; t < nodePerTask.length; t++) {
            m.put(t + 1, new NodeInfo(nodePerTask[t], Set.of(6700L)));
        }
        return m;
    }

    private static CollectiveSpec spec(final Algorithm a) {
        return new CollectiveSpec(CollectiveSpec.Kind.BROADCAST, "B", "s", "W", CollectiveOptions.of(a), null);
    }

    @Test
    void shouldFollowAReassignment() {
        // task 1 is the root on node a; tasks 2-5 are targets
        final AtomicReference<Map<Integer, NodeInfo>> live = new AtomicReference<>(placement("a", "a", "a", "b", "b"));
        final PlanCache cache = new PlanCache(spec(Algorithm.BINARY_TREE), List.of(2, 3, 4, 5),
            new WorkerView(live, new Slot("a", 6700), Set.of(1)));
        final Plan before = cache.plan(1, 0);
        assertThat(before.children(1)).containsExactly(2, 3, 4);
        assertThat(cache.plan(1, 0)).isSameAs(before);
        live.set(placement("a", "a", "a", "b", "b"));
        assertThat(cache.plan(1, 0)).as("Storm's periodic refresh with the same placement").isSameAs(before);
        live.set(placement("a", "b", "b", "a", "a"));
        final Plan after = cache.plan(1, 0);
        assertThat(after.children(1)).containsExactly(4, 5, 2);
        assertThat(after.children(2)).containsExactly(3);
    }

    @Test
    void shouldPlaceItsOwnWorkersTasksWhenStormOnlyListsTheOnesItSendsTo() {
        final AtomicReference<Map<Integer, NodeInfo>> live = new AtomicReference<>(Map.of(2, new NodeInfo("b", Set.of(6701L))));
        final PlanCache cache = new PlanCache(spec(Algorithm.RING), List.of(2), new WorkerView(live, new Slot("a", 6700), Set.of(1)));
        assertThat(cache.plan(1, 0).slot(1)).isEqualTo(new Slot("a", 6700));
    }

    @Test
    void shouldPickAutoPerMessageSizeWhenNoSizeIsExpected() {
        final AtomicReference<Map<Integer, NodeInfo>> live = new AtomicReference<>(
            placement("a", "a", "b", "c", "d", "e", "f", "g", "h"));
        final CollectiveSpec auto = new CollectiveSpec(CollectiveSpec.Kind.BROADCAST, "B", "s", "W",
            CollectiveOptions.of(Algorithm.AUTO).withExpectedBytes(0)
                .withCostModel(new io.dikw.collectives.cost.CostModel(1_000, 1_000, 100)), null);
        final PlanCache cache = new PlanCache(auto, List.of(2, 3, 4, 5, 6, 7, 8, 9),
            new WorkerView(live, new Slot("a", 6700), Set.of(1)));
        assertThat(cache.perMessage()).isTrue();
        assertThat(cache.plan(1, 10).algorithm()).isNotEqualTo(Algorithm.AUTO);
        assertThat(cache.plan(1, 1_000_000).algorithm()).isIn(Algorithm.RING, Algorithm.BIDI_RING, Algorithm.BINARY_TREE);
    }

    @Test
    void shouldRefuseCollectivesOnBoltsItDoesNotWrap() {
        final TopologyBuilder builder = new TopologyBuilder();
        final Collectives c = new Collectives(builder);
        assertThatThrownBy(() -> c.broadcast("B", "s", "W", Algorithm.RING))
            .hasMessageContaining("'W'").hasMessageContaining("Collectives.setBolt");
    }
}
