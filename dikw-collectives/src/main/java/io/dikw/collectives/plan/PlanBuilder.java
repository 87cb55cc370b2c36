package io.dikw.collectives.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Builds a {@link Plan} from (root task, target tasks, task → worker → machine), deterministically:
 * every worker that builds the plan for the same inputs gets the same plan.
 *
 * <p>The plan's nodes are worker processes. Each worker has one gateway task (the root in the
 * root's worker, else its lowest target task) that receives the message from another worker and
 * hands it to the other target tasks of its worker (in-memory in Storm). Machines are visited
 * root's machine first, then the others in node-id order starting after the root's (so different
 * roots spread their load). Only one worker of a machine, its first, receives from another
 * machine, so every machine has at most one incoming inter-machine stream per collective. A
 * gateway sends to its own worker's tasks first, then to workers of its machine, then to other
 * machines.
 */
public final class PlanBuilder {

    private PlanBuilder() {
    }

    /** A worker on the plan: its gateway task and the other target tasks it delivers to. */
    private record Unit(Slot slot, int gateway, int[] locals) {
    }

    /**
     * @param algorithm any algorithm but {@link Algorithm#AUTO}
     * @param root the task the broadcast starts from (it may itself be a target)
     * @param targets the target tasks
     * @param slotOf where each task runs (null for an unknown task)
     * @param options branching factors
     * @return the plan
     * @throws IllegalArgumentException for AUTO, no targets, or a task with no known slot
     */
    public static Plan build(final Algorithm algorithm, final int root, final int[] targets,
        final IntFunction<Slot> slotOf, final PlanOptions options) {
        Objects.requireNonNull(algorithm, "algorithm");
        if (algorithm == Algorithm.AUTO) {
            throw new IllegalArgumentException("resolve AUTO with the cost model before building a plan");
        }
        final int[] sorted = Arrays.stream(targets).distinct().sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalArgumentException("a collective needs at least one target task");
        }
        final Map<Integer, Slot> slots = new HashMap<>();
        slots.put(root, requireSlot(slotOf, root));
        for (final int t : sorted) {
            slots.put(t, requireSlot(slotOf, t));
        }
        if (algorithm == Algorithm.SERIAL) {
            final int[] all = Arrays.stream(sorted).filter(t -> t != root).toArray();
            return new Plan(algorithm, root, sorted, all.length == 0 ? Map.of() : Map.of(root, all), slots, 1);
        }
        final List<List<Unit>> nodes = machines(root, sorted, slots);
        final Map<Unit, List<Unit>> edges = new HashMap<>();
        final int depth = switch (algorithm) {
            case FLAT_TREE -> tree(nodes, PlanOptions.UNLIMITED, options.workerFanout(), edges);
            case BINARY_TREE -> tree(nodes, options.nodeFanout(), options.workerFanout(), edges);
            case RING -> ring(nodes, edges);
            case BIDI_RING -> bidiRing(nodes, edges);
            default -> throw new IllegalStateException("unexpected " + algorithm);
        };
        final Map<Integer, int[]> children = new HashMap<>();
        boolean anyLocal = false;
        for (final List<Unit> node : nodes) {
            for (final Unit u : node) {
                final List<Unit> next = new ArrayList<>(edges.getOrDefault(u, List.of()));
                // own worker first (in-memory), then own machine, then other machines
                next.sort((a, b) -> Boolean.compare(!a.slot.node().equals(u.slot.node()),
                    !b.slot.node().equals(u.slot.node())));
                final int[] to = new int[u.locals.length + next.size()];
                System.arraycopy(u.locals, 0, to, 0, u.locals.length);
                for (int i = 0; i < next.size(); i++) {
                    to[u.locals.length + i] = next.get(i).gateway;
                }
                anyLocal |= u.locals.length > 0;
                if (to.length > 0) {
                    children.put(u.gateway, to);
                }
            }
        }
        return new Plan(algorithm, root, sorted, children, slots, depth + (anyLocal ? 1 : 0));
    }

    private static Slot requireSlot(final IntFunction<Slot> slotOf, final int task) {
        final Slot s = slotOf.apply(task);
        if (s == null) {
            throw new IllegalArgumentException("task " + task + " has no known worker (not assigned yet?)");
        }
        return s;
    }

    /** Workers grouped by machine, root's machine (root's worker first) then the others in order. */
    private static List<List<Unit>> machines(final int root, final int[] targets, final Map<Integer, Slot> slots) {
        final Slot rootSlot = slots.get(root);
        final TreeMap<Slot, List<Integer>> byWorker = new TreeMap<>();
        for (final int t : targets) {
            if (t != root) {
                byWorker.computeIfAbsent(slots.get(t), s -> new ArrayList<>()).add(t);
            }
        }
        final TreeMap<String, List<Unit>> byNode = new TreeMap<>();
        final List<Integer> rootLocals = byWorker.remove(rootSlot);
        final List<Unit> rootNode = new ArrayList<>();
        rootNode.add(new Unit(rootSlot, root, ints(rootLocals == null ? List.of() : rootLocals, 0)));
        byNode.put(rootSlot.node(), rootNode);
        byWorker.forEach((slot, tasks) -> byNode.computeIfAbsent(slot.node(), n -> new ArrayList<>())
            .add(new Unit(slot, tasks.get(0), ints(tasks, 1))));
        final List<List<Unit>> ordered = new ArrayList<>();
        ordered.add(rootNode);
        ordered.addAll(byNode.tailMap(rootSlot.node(), false).values());
        ordered.addAll(byNode.headMap(rootSlot.node(), false).values());
        return ordered;
    }

    private static int[] ints(final List<Integer> list, final int from) {
        return list.subList(from, list.size()).stream().mapToInt(Integer::intValue).toArray();
    }

    /** Machine-level heap-ordered tree, then a heap-ordered tree inside each machine. */
    private static int tree(final List<List<Unit>> nodes, final int nodeFanout, final int workerFanout,
        final Map<Unit, List<Unit>> edges) {
        int workerDepth = 0;
        for (int i = 1; i < nodes.size(); i++) {
            link(edges, nodes.get(parentIndex(i, nodeFanout)).get(0), nodes.get(i).get(0));
        }
        for (final List<Unit> node : nodes) {
            for (int j = 1; j < node.size(); j++) {
                link(edges, node.get(parentIndex(j, workerFanout)), node.get(j));
            }
            workerDepth = Math.max(workerDepth, heapDepth(node.size(), workerFanout));
        }
        return heapDepth(nodes.size(), nodeFanout) + workerDepth;
    }

    private static int ring(final List<List<Unit>> nodes, final Map<Unit, List<Unit>> edges) {
        final List<Unit> seq = nodes.stream().flatMap(List::stream).toList();
        chain(seq.get(0), seq.subList(1, seq.size()), edges);
        return seq.size() - 1;
    }

    /** Two chains from the root, split at a machine boundary so that their lengths are closest. */
    private static int bidiRing(final List<List<Unit>> nodes, final Map<Unit, List<Unit>> edges) {
        final List<List<Unit>> blocks = new ArrayList<>();
        final List<Unit> rootMachineRest = nodes.get(0).subList(1, nodes.get(0).size());
        if (!rootMachineRest.isEmpty()) {
            blocks.add(rootMachineRest);
        }
        blocks.addAll(nodes.subList(1, nodes.size()));
        final int total = blocks.stream().mapToInt(List::size).sum();
        int bestSplit = 0;
        int bestLongest = total;
        int left = 0;
        for (int b = 0; b <= blocks.size(); b++) {
            final int longest = Math.max(left, total - left);
            if (longest < bestLongest) {
                bestLongest = longest;
                bestSplit = b;
            }
            if (b < blocks.size()) {
                left += blocks.get(b).size();
            }
        }
        final Unit root = nodes.get(0).get(0);
        chain(root, blocks.subList(0, bestSplit).stream().flatMap(List::stream).toList(), edges);
        chain(root, blocks.subList(bestSplit, blocks.size()).stream().flatMap(List::stream).toList(), edges);
        return bestLongest;
    }

    private static void chain(final Unit from, final List<Unit> seq, final Map<Unit, List<Unit>> edges) {
        Unit prev = from;
        for (final Unit u : seq) {
            link(edges, prev, u);
            prev = u;
        }
    }

    private static void link(final Map<Unit, List<Unit>> edges, final Unit from, final Unit to) {
        edges.computeIfAbsent(from, u -> new ArrayList<>()).add(to);
    }

    private static int parentIndex(final int i, final int fanout) {
        return (i - 1) / fanout;
    }

    /**
     * @param size nodes of a heap-ordered tree
     * @param fanout its branching factor
     * @return the depth of its deepest node (0 for one node)
     */
    static int heapDepth(final int size, final int fanout) {
        int depth = 0;
        for (int i = size - 1; i > 0; i = parentIndex(i, fanout)) {
            depth++;
        }
        return depth;
    }
}
