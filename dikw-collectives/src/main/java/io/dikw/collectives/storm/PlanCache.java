package io.dikw.collectives.storm;

import io.dikw.collectives.cost.CostModel;
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
 * The plans of one collective, per root task, rebuilt when Storm swaps the placement map
 * (reassignment). Resolves {@link Algorithm#AUTO} with the cost model once the layout is known;
 * every worker resolves it the same way. One per task: not thread-safe.
 */
final class PlanCache {
    private final CollectiveSpec spec;
    private final int[] targets;
    private final WorkerView view;
    private final Map<Integer, Plan> plans = new HashMap<>();
    private Map<Integer, NodeInfo> seen;
    private Algorithm resolved;

    PlanCache(final CollectiveSpec spec, final List<Integer> targets, final WorkerView view) {
        this.spec = spec;
        this.targets = targets.stream().mapToInt(Integer::intValue).sorted().toArray();
        this.view = view;
    }

    /**
     * @param root the root task
     * @return its plan on the current placement
     */
    Plan plan(final int root) {
        final Map<Integer, NodeInfo> now = view.current();
        if (now != seen) {
            seen = now;
            plans.clear();
            resolved = spec.algorithm() == Algorithm.AUTO ? resolveAuto(now) : spec.algorithm();
        }
        Plan p = plans.get(root);
        if (p == null) {
            final Map<Integer, NodeInfo> placement = now;
            p = PlanBuilder.build(resolved, root, targets, t -> view.slot(placement, t), spec.planOptions());
            plans.put(root, p);
        }
        return p;
    }

    /** @return the algorithm in use (AUTO resolved) */
    Algorithm algorithm() {
        return resolved;
    }

    private Algorithm resolveAuto(final Map<Integer, NodeInfo> placement) {
        final List<Slot> slots = new ArrayList<>(targets.length);
        for (final int t : targets) {
            final Slot s = view.slot(placement, t);
            if (s != null) {
                slots.add(s);
            }
        }
        final CostModel model = spec.costModel();
        return model.choose(Shape.of(slots), spec.expectedBytes());
    }
}
