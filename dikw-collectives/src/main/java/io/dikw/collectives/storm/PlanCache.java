package io.dikw.collectives.storm;

import io.dikw.collectives.cost.Shape;
import io.dikw.collectives.plan.Algorithm;
import io.dikw.collectives.plan.Plan;
import io.dikw.collectives.plan.PlanBuilder;
import io.dikw.collectives.plan.Slot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.storm.generated.NodeInfo;

/**
 * The plans of one collective, per root task, rebuilt when Storm swaps in a placement map that
 * differs (reassignment): the same plan instance as long as the placement holds. Resolves {@link Algorithm#AUTO} with the cost model from the layout and the
 * expected message size, or each message's estimated size when none is given; every worker resolves
 * it the same way. One per task: not thread-safe.
 */
final class PlanCache {
    private final CollectiveSpec spec;
    private final int[] targets;
    private final WorkerView view;
    private final Map<Long, Plan> plans = new HashMap<>();
    private Map<Integer, NodeInfo> seen;
    private Shape shape;

    PlanCache(final CollectiveSpec spec, final List<Integer> targets, final WorkerView view) {
        this.spec = spec;
        this.targets = targets.stream().mapToInt(Integer::intValue).sorted().toArray();
        this.view = view;
    }

    /**
     * @param root the root task
     * @param bytes the message's estimated size (used only by AUTO without an expected size)
     * @return its plan on the current placement
     */
    Plan plan(final int root, final long bytes) {
        return plan(root, null, bytes);
    }

    /**
     * @param root the root task
     * @param rootSlot where the root runs when this worker cannot see it (a spout root), else null
     * @param bytes the message's estimated size (used only by AUTO without an expected size)
     * @return its plan on the current placement
     */
    Plan plan(final int root, final Slot rootSlot, final long bytes) {
        final Map<Integer, NodeInfo> now = view.current();
        if (now != seen) {
            // Storm swaps in a new map at every periodic refresh: rebuild (a new plan) only if it differs
            final boolean same = seen != null && seen.equals(now);
            seen = now;
            if (!same) {
                plans.clear();
                shape = spec.algorithm() == Algorithm.AUTO ? shape(now) : null;
            }
        }
        final Algorithm algorithm = algorithm(bytes);
        final long key = ((long) root << 8) | algorithm.ordinal();
        Plan p = plans.get(key);
        if (p == null || rootSlot != null && !rootSlot.equals(p.slot(root))) {
            final Map<Integer, NodeInfo> placement = now;
            p = PlanBuilder.build(algorithm, root, targets,
                t -> t == root && rootSlot != null ? rootSlot : view.slot(placement, t), spec.planOptions());
            plans.put(key, p);
        }
        return p;
    }

    /** @return whether the algorithm depends on each message's size (AUTO with no expected size) */
    boolean perMessage() {
        return spec.algorithm() == Algorithm.AUTO && spec.expectedBytes() == 0;
    }

    private Algorithm algorithm(final long bytes) {
        if (spec.algorithm() != Algorithm.AUTO) {
            return spec.algorithm();
        }
        return spec.costModel().choose(shape, perMessage() ? bytes : spec.expectedBytes());
    }

    private Shape shape(final Map<Integer, NodeInfo> placement) {
        final List<Slot> slots = new ArrayList<>(targets.length);
        for (final int t : targets) {
            final Slot s = view.slot(placement, t);
            if (s != null) {
                slots.add(s);
            }
        }
        return Shape.of(slots);
    }
}
