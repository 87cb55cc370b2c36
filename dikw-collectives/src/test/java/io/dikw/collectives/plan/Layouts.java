package io.dikw.collectives.plan;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/** Random task placements over machines and workers, as a Storm scheduler could make them. */
record Layouts(Map<Integer, Slot> slots, int root, int[] targets) {

    /**
     * @param seed the randomness
     * @param rootIsTarget whether the root is one of the targets (allreduce) or a task of its own (broadcast)
     * @return tasks 1..n over 1-6 machines of 1-4 workers each, ids shuffled across workers
     */
    static Layouts random(final long seed, final boolean rootIsTarget) {
        final Random rnd = new Random(seed);
        final int machines = 1 + rnd.nextInt(6);
        final int workersPerMachine = 1 + rnd.nextInt(4);
        final int n = 1 + rnd.nextInt(70);
        final Map<Integer, Slot> slots = new HashMap<>();
        for (int t = 1; t <= n + 1; t++) {
            final int m = rnd.nextInt(machines);
            final int w = rnd.nextInt(workersPerMachine);
            slots.put(t, new Slot("node-" + m, 6700 + w));
        }
        final int[] targets = new int[n];
        for (int i = 0; i < n; i++) {
            targets[i] = i + 1;
        }
        final int root = rootIsTarget ? 1 + rnd.nextInt(n) : n + 1;
        return new Layouts(slots, root, targets);
    }

    /**
     * @param rnd the randomness
     * @return the same root and targets, each task moved to a random worker of the same cluster shape
     *     (as after a reassignment)
     */
    Layouts moved(final Random rnd) {
        final int machines = (int) slots.values().stream().map(Slot::node).distinct().count();
        final int workers = (int) slots.values().stream().map(Slot::port).distinct().count();
        final Map<Integer, Slot> to = new HashMap<>();
        slots.keySet().forEach(t -> to.put(t, new Slot("node-" + rnd.nextInt(machines + 1), 6700 + rnd.nextInt(workers))));
        return new Layouts(to, root, targets);
    }

    Plan plan(final Algorithm algorithm, final PlanOptions options) {
        return PlanBuilder.build(algorithm, root, targets, slots::get, options);
    }
}
