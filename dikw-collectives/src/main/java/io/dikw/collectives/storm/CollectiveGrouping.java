package io.dikw.collectives.storm;

import io.dikw.collectives.cost.SizeEstimate;
import io.dikw.collectives.plan.Plan;
import io.dikw.collectives.plan.Slot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.storm.generated.GlobalStreamId;
import org.apache.storm.grouping.CustomStreamGrouping;
import org.apache.storm.task.WorkerTopologyContext;

/**
 * Sends a broadcast tuple to the sending task's children in the plan. On the broadcaster's stream the
 * sender is the root; on the relay stream the root travels in the tuple (its second value), and, for
 * a spout root, where it runs (a spout's location is not visible to the relaying workers). Learns
 * the placement from the {@link WorkerTopologyContext} and follows Storm's refreshes of it.
 */
final class CollectiveGrouping implements CustomStreamGrouping {
    private static final long serialVersionUID = 1L;
    private static final int MAX_CACHED_PLANS = 64;

    private final CollectiveSpec spec;
    private transient PlanCache plans;
    private transient boolean relay;
    private transient boolean wrapped;
    private transient Map<Plan, Map<Integer, List<Integer>>> chosen;

    CollectiveGrouping(final CollectiveSpec spec) {
        this.spec = spec;
    }

    @Override
    public void prepare(final WorkerTopologyContext context, final GlobalStreamId stream, final List<Integer> targetTasks) {
        plans = new PlanCache(spec, targetTasks, WorkerView.of(context));
        relay = stream.get_streamId().equals(spec.relayStream());
        wrapped = relay || stream.get_streamId().equals(spec.rootStream());
        chosen = new IdentityHashMap<>();
    }

    @Override
    public List<Integer> chooseTasks(final int taskId, final List<Object> values) {
        final int root = relay ? ((Number) values.get(1)).intValue() : taskId;
        final long bytes = plans.perMessage() ? SizeEstimate.of(wrapped ? values.get(0) : values) : 0;
        final int at = relay ? 2 : 1;
        final Slot rootSlot = wrapped && values.get(at) != null
            ? new Slot((String) values.get(at), ((Number) values.get(at + 1)).intValue()) : null;
        final Plan plan = plans.plan(root, rootSlot, bytes);
        Map<Integer, List<Integer>> byTask = chosen.get(plan);
        if (byTask == null) {
            if (chosen.size() >= MAX_CACHED_PLANS) {
                chosen.clear();
            }
            byTask = new HashMap<>();
            chosen.put(plan, byTask);
        }
        return byTask.computeIfAbsent(taskId, t -> {
            final List<Integer> to = new ArrayList<>();
            for (final int c : plan.children(t)) {
                to.add(c);
            }
            return List.copyOf(to);
        });
    }
}
