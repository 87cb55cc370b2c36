package io.dikw.collectives.storm;

import io.dikw.collectives.plan.Slot;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.storm.generated.NodeInfo;
import org.apache.storm.task.WorkerTopologyContext;

/**
 * Where tasks run, as one worker knows it: Storm's live task → (node, port) map, which holds only
 * the tasks this worker sends to (so {@link Collectives} makes every participant send-reachable
 * from every other one), plus the worker's own tasks at (its node id, its port).
 */
final class WorkerView {
    private final AtomicReference<Map<Integer, NodeInfo>> live;
    private final Slot self;
    private final Set<Integer> localTasks;

    WorkerView(final AtomicReference<Map<Integer, NodeInfo>> live, final Slot self, final Set<Integer> localTasks) {
        this.live = live;
        this.self = self;
        this.localTasks = localTasks;
    }

    /**
     * @param context a worker's context (a grouping's or a worker hook's)
     * @return its view
     */
    static WorkerView of(final WorkerTopologyContext context) {
        final List<Integer> tasks = context.getThisWorkerTasks();
        return new WorkerView(context.getTaskToNodePort(),
            new Slot(String.valueOf(context.getAssignmentId()), context.getThisWorkerPort()),
            tasks == null ? Set.of() : new HashSet<>(tasks));
    }

    /** @return the current placement map (a new instance after each reassignment) */
    Map<Integer, NodeInfo> current() {
        return live.get();
    }

    /**
     * @param placement a map from {@link #current()}
     * @param task a task
     * @return where it runs, or null when this worker does not know
     */
    Slot slot(final Map<Integer, NodeInfo> placement, final int task) {
        final NodeInfo info = placement == null ? null : placement.get(task);
        if (info != null && info.get_port() != null && !info.get_port().isEmpty()) {
            return new Slot(info.get_node(), info.get_port().iterator().next().intValue());
        }
        return localTasks.contains(task) ? self : null;
    }
}
