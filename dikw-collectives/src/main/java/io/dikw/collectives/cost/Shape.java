package io.dikw.collectives.cost;

import io.dikw.collectives.plan.Slot;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The layout a collective runs over, as the cost model sees it.
 *
 * @param machines machines holding target tasks
 * @param workersPerMachine the most workers holding target tasks on one machine
 * @param tasks target tasks
 */
public record Shape(int machines, int workersPerMachine, int tasks) {
    /** Validates the counts. */
    public Shape {
        if (machines < 1 || workersPerMachine < 1 || tasks < 1) {
            throw new IllegalArgumentException("a shape needs at least one machine, worker and task: machines="
                + machines + " workersPerMachine=" + workersPerMachine + " tasks=" + tasks);
        }
    }

    /**
     * @param targetSlots where each target task runs (one entry per task)
     * @return the shape of those targets
     */
    public static Shape of(final Collection<Slot> targetSlots) {
        final Map<String, Set<Integer>> workers = new HashMap<>();
        for (final Slot s : targetSlots) {
            workers.computeIfAbsent(s.node(), k -> new HashSet<>()).add(s.port());
        }
        final int w = workers.values().stream().mapToInt(Set::size).max().orElse(1);
        return new Shape(Math.max(workers.size(), 1), w, Math.max(targetSlots.size(), 1));
    }
}
