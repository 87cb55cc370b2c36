package io.dikw.collectives.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who sends to whom in one collective: for every task on the way (the root and the targets) the
 * tasks it forwards a message to. A broadcast follows it down; a reduce or gather follows it up
 * ({@link #parent}). Immutable; built by {@link PlanBuilder}, the same on every worker for the same
 * inputs.
 */
public final class Plan {
    private static final int[] NONE = new int[0];

    private final Algorithm algorithm;
    private final int root;
    private final int[] targets;
    private final Map<Integer, int[]> children;
    private final Map<Integer, Integer> parents;
    private final Map<Integer, Slot> slots;
    private final int promisedDepth;
    private final Map<Integer, BitSet> subtrees;

    Plan(final Algorithm algorithm, final int root, final int[] targets, final Map<Integer, int[]> children,
        final Map<Integer, Slot> slots, final int promisedDepth) {
        this.algorithm = algorithm;
        this.root = root;
        this.targets = targets.clone();
        this.children = Map.copyOf(children);
        this.slots = Map.copyOf(slots);
        this.promisedDepth = promisedDepth;
        final Map<Integer, Integer> p = new HashMap<>();
        children.forEach((from, to) -> {
            for (final int t : to) {
                p.put(t, from);
            }
        });
        this.parents = Collections.unmodifiableMap(p);
        this.subtrees = subtrees();
    }

    /** Each task's subtree as target positions: children before parents (reverse breadth-first order). */
    private Map<Integer, BitSet> subtrees() {
        final Map<Integer, BitSet> below = new HashMap<>();
        final Map<Integer, Integer> depth = depths();
        final List<Integer> order = new ArrayList<>(depth.keySet());
        order.sort((a, b) -> Integer.compare(depth.get(b), depth.get(a)));
        for (final int t : order) {
            final BitSet mine = below.computeIfAbsent(t, k -> new BitSet(targets.length));
            final int pos = position(t);
            if (pos >= 0) {
                mine.set(pos);
            }
            final int up = parent(t);
            if (up >= 0) {
                below.computeIfAbsent(up, k -> new BitSet(targets.length)).or(mine);
            }
        }
        return below;
    }

    /** @return the algorithm this plan follows (never {@link Algorithm#AUTO}) */
    public Algorithm algorithm() {
        return algorithm;
    }

    /** @return the task the broadcast starts from (and a reduce ends at) */
    public int root() {
        return root;
    }

    /** @return the target tasks, ascending */
    public int[] targets() {
        return targets.clone();
    }

    /**
     * @param task a task of the plan
     * @return the tasks it forwards to, in sending order (empty for leaves and unknown tasks); do not modify
     */
    public int[] children(final int task) {
        return children.getOrDefault(task, NONE);
    }

    /**
     * @param task a target task
     * @return the task it receives from (and sends partial results to), or -1 for the root or an unknown task
     */
    public int parent(final int task) {
        return parents.getOrDefault(task, -1);
    }

    /**
     * @param task a task of the plan
     * @return where it runs
     */
    public Slot slot(final int task) {
        return slots.get(task);
    }

    /** @return the depth the algorithm promises (hops, the in-memory hop inside a worker included) */
    public int promisedDepth() {
        return promisedDepth;
    }

    /** @return the hops from the root to each reachable task, computed by walking the plan */
    public Map<Integer, Integer> depths() {
        final Map<Integer, Integer> depth = new HashMap<>();
        final Deque<Integer> queue = new ArrayDeque<>();
        depth.put(root, 0);
        queue.add(root);
        while (!queue.isEmpty()) {
            final int t = queue.poll();
            for (final int c : children(t)) {
                if (depth.putIfAbsent(c, depth.get(t) + 1) == null) {
                    queue.add(c);
                }
            }
        }
        return depth;
    }

    /**
     * @param task a task
     * @return its position among the targets (their index by ascending task id), or -1 for a non-target
     */
    public int position(final int task) {
        final int i = Arrays.binarySearch(targets, task);
        return i >= 0 ? i : -1;
    }

    /**
     * @param task a task of the plan
     * @return the positions of the targets in its subtree, itself included (what a reduce waits for
     *     there); empty for an unknown task. A copy.
     */
    public BitSet subtree(final int task) {
        final BitSet b = subtrees.get(task);
        return b == null ? new BitSet() : (BitSet) b.clone();
    }

    @Override
    public String toString() {
        final StringBuilder sb = new StringBuilder(algorithm.cliName()).append(" from ").append(root).append(':');
        children.keySet().stream().sorted().forEach(t -> sb.append(' ').append(t).append("->")
            .append(Arrays.toString(children.get(t))));
        return sb.toString();
    }
}
