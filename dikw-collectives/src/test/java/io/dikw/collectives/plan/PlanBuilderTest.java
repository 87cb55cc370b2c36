package io.dikw.collectives.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plans on a small known layout: 2 machines of 2 workers, 2 target tasks per worker, root 100 on a:1. */
class PlanBuilderTest {
    private static final Map<Integer, Slot> SLOTS = new HashMap<>();

    static {
        SLOTS.put(100, new Slot("a", 1));
        SLOTS.put(1, new Slot("a", 1));
        SLOTS.put(2, new Slot("a", 1));
        SLOTS.put(3, new Slot("a", 2));
        SLOTS.put(4, new Slot("a", 2));
        SLOTS.put(5, new Slot("b", 1));
        SLOTS.put(6, new Slot("b", 1));
        SLOTS.put(7, new Slot("b", 2));
        SLOTS.put(8, new Slot("b", 2));
    }

    private static Plan plan(final Algorithm a) {
        return PlanBuilder.build(a, 100, new int[] {8, 7, 6, 5, 4, 3, 2, 1}, SLOTS::get, PlanOptions.defaults());
    }

    @Test
    void shouldSendToOwnWorkerThenOwnMachineThenOtherMachines() {
        final Plan p = plan(Algorithm.BINARY_TREE);
        assertThat(p.children(100)).containsExactly(1, 2, 3, 5);
        assertThat(p.children(3)).containsExactly(4);
        assertThat(p.children(5)).containsExactly(6, 7);
        assertThat(p.children(7)).containsExactly(8);
        assertThat(p.children(1)).isEmpty();
        assertThat(p.parent(8)).isEqualTo(7);
        final int[] targets = p.targets();
        assertThat(p.subtree(5).stream().map(i -> targets[i])).as("a reduce waits there for its subtree")
            .containsExactly(5, 6, 7, 8);
        assertThat(p.position(5)).isEqualTo(4);
        assertThat(p.position(100)).as("the root is no target").isEqualTo(-1);
    }

    @Test
    void shouldChainWorkersMachineByMachineInARing() {
        final Plan p = plan(Algorithm.RING);
        assertThat(p.children(100)).containsExactly(1, 2, 3);
        assertThat(p.children(3)).containsExactly(4, 5);
        assertThat(p.children(5)).containsExactly(6, 7);
        assertThat(p.promisedDepth()).isEqualTo(4);
    }

    @Test
    void shouldStartTwoChainsSplitAtAMachineInABidirectionalRing() {
        final Plan p = plan(Algorithm.BIDI_RING);
        assertThat(p.children(100)).containsExactly(1, 2, 3, 5);
        assertThat(p.children(5)).containsExactly(6, 7);
    }

    @Test
    void shouldSendOneCopyPerTaskInSerial() {
        assertThat(plan(Algorithm.SERIAL).children(100)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void shouldRejectAutoAndUnplacedTasks() {
        assertThatThrownBy(() -> plan(Algorithm.AUTO)).hasMessageContaining("cost model");
        assertThatThrownBy(() -> PlanBuilder.build(Algorithm.RING, 100, new int[] {9}, SLOTS::get,
            PlanOptions.defaults())).hasMessageContaining("task 9");
    }

    @Test
    void shouldParseCommandLineNames() {
        assertThat(Algorithm.parse("BIDI_RING")).isEqualTo(Algorithm.BIDI_RING);
        assertThatThrownBy(() -> Algorithm.parse("star")).hasMessageContaining("binary-tree");
    }
}
