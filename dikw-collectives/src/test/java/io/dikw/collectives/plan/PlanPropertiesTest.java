package io.dikw.collectives.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Broadcast plans over random placements: exactly-once, in order, within the promised depth and inbound limit. */
class PlanPropertiesTest {
    private static final Algorithm[] CONCRETE = {Algorithm.SERIAL, Algorithm.FLAT_TREE, Algorithm.BINARY_TREE,
        Algorithm.RING, Algorithm.BIDI_RING};

    @Property(tries = 300)
    void everyTargetIsReachedExactlyOnceAndTheRootNever(@ForAll final long seed, @ForAll final boolean rootIsTarget,
        @ForAll @IntRange(min = 1, max = 4) final int nodeFanout, @ForAll @IntRange(min = 1, max = 4) final int workerFanout) {
        final Layouts l = Layouts.random(seed, rootIsTarget);
        for (final Algorithm a : CONCRETE) {
            final Plan plan = l.plan(a, new PlanOptions(nodeFanout, workerFanout));
            final Map<Integer, Integer> received = new HashMap<>();
            final ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(l.root()));
            while (!queue.isEmpty()) {
                for (final int c : plan.children(queue.poll())) {
                    if (received.merge(c, 1, Integer::sum) == 1) {
                        queue.add(c);
                    }
                }
            }
            final Set<Integer> expected = new HashSet<>();
            Arrays.stream(l.targets()).filter(t -> t != l.root()).forEach(expected::add);
            assertThat(received.keySet()).as("%s reaches", a).isEqualTo(expected);
            assertThat(received.values()).as("%s copies per target", a).allMatch(n -> n == 1);
        }
    }

    @Property(tries = 200)
    void messagesFromOneSourceArriveInOrderOverFifoLinksInAnyInterleaving(@ForAll final long seed,
        @ForAll final boolean rootIsTarget) {
        final Layouts l = Layouts.random(seed, rootIsTarget);
        final Random rnd = new Random(seed ^ 0x5eed);
        final int messages = 5;
        for (final Algorithm a : CONCRETE) {
            final Plan plan = l.plan(a, PlanOptions.defaults());
            final Map<List<Integer>, ArrayDeque<Integer>> links = new HashMap<>();
            final Map<Integer, List<Integer>> delivered = new HashMap<>();
            for (int m = 0; m < messages; m++) {
                send(plan, l.root(), m, links);
            }
            while (!links.isEmpty()) {
                final List<List<Integer>> busy = new ArrayList<>(links.keySet());
                busy.sort((x, y) -> x.get(0) != y.get(0).intValue() ? x.get(0) - y.get(0) : x.get(1) - y.get(1));
                final List<Integer> link = busy.get(rnd.nextInt(busy.size()));
                final ArrayDeque<Integer> q = links.get(link);
                final int m = q.poll();
                if (q.isEmpty()) {
                    links.remove(link);
                }
                delivered.computeIfAbsent(link.get(1), t -> new ArrayList<>()).add(m);
                send(plan, link.get(1), m, links);
            }
            delivered.forEach((task, got) -> assertThat(got).as("%s at task %d", a, task)
                .containsExactly(0, 1, 2, 3, 4));
        }
    }

    private static void send(final Plan plan, final int from, final int m, final Map<List<Integer>, ArrayDeque<Integer>> links) {
        for (final int c : plan.children(from)) {
            links.computeIfAbsent(List.of(from, c), k -> new ArrayDeque<>()).add(m);
        }
    }

    @Property(tries = 300)
    void noTaskIsDeeperThanPromised(@ForAll final long seed, @ForAll final boolean rootIsTarget,
        @ForAll @IntRange(min = 1, max = 4) final int nodeFanout, @ForAll @IntRange(min = 1, max = 4) final int workerFanout) {
        final Layouts l = Layouts.random(seed, rootIsTarget);
        for (final Algorithm a : CONCRETE) {
            final Plan plan = l.plan(a, new PlanOptions(nodeFanout, workerFanout));
            assertThat(plan.depths().values()).as("%s %s", a, plan).allMatch(d -> d <= plan.promisedDepth());
        }
    }

    @Property(tries = 300)
    void treeDepthIsLogarithmicInMachinesAndWorkers(@ForAll final long seed, @ForAll final boolean rootIsTarget,
        @ForAll @IntRange(min = 1, max = 4) final int fanout) {
        final Layouts l = Layouts.random(seed, rootIsTarget);
        final Plan plan = l.plan(Algorithm.BINARY_TREE, new PlanOptions(fanout, fanout));
        final long machines = l.slots().values().stream().map(Slot::node).distinct().count();
        final long workersPerMachine = l.slots().values().stream().distinct().count();
        assertThat(plan.promisedDepth()).isLessThanOrEqualTo(
            PlanBuilder.heapDepth((int) machines, fanout) + PlanBuilder.heapDepth((int) workersPerMachine, fanout) + 1);
    }

    @Property(tries = 300)
    void everyMachineHasAtMostOneIncomingInterMachineStream(@ForAll final long seed, @ForAll final boolean rootIsTarget,
        @ForAll @IntRange(min = 1, max = 4) final int nodeFanout, @ForAll @IntRange(min = 1, max = 4) final int workerFanout) {
        final Layouts l = Layouts.random(seed, rootIsTarget);
        for (final Algorithm a : CONCRETE) {
            if (a == Algorithm.SERIAL) {
                continue; // the baseline makes no such promise
            }
            final Plan plan = l.plan(a, new PlanOptions(nodeFanout, workerFanout));
            final Map<String, Set<Integer>> inbound = new HashMap<>();
            for (final int from : allTasks(l)) {
                for (final int to : plan.children(from)) {
                    if (!plan.slot(from).node().equals(plan.slot(to).node())) {
                        inbound.computeIfAbsent(plan.slot(to).node(), n -> new HashSet<>()).add(to);
                    }
                }
            }
            assertThat(inbound.values()).as("%s %s", a, plan).allMatch(receivers -> receivers.size() == 1);
            assertThat(inbound).as("%s: the root's machine receives from no other", a)
                .doesNotContainKey(plan.slot(l.root()).node());
        }
    }

    @Property(tries = 200)
    void onlyOneTaskPerWorkerReceivesFromAnotherWorker(@ForAll final long seed, @ForAll final boolean rootIsTarget) {
        final Layouts l = Layouts.random(seed, rootIsTarget);
        for (final Algorithm a : new Algorithm[] {Algorithm.FLAT_TREE, Algorithm.BINARY_TREE, Algorithm.RING,
            Algorithm.BIDI_RING}) {
            final Plan plan = l.plan(a, PlanOptions.defaults());
            final Map<Slot, Set<Integer>> gateways = new HashMap<>();
            for (final int from : allTasks(l)) {
                for (final int to : plan.children(from)) {
                    if (!plan.slot(from).equals(plan.slot(to))) {
                        gateways.computeIfAbsent(plan.slot(to), s -> new HashSet<>()).add(to);
                    }
                }
            }
            assertThat(gateways.values()).as("%s", a).allMatch(g -> g.size() == 1);
        }
    }

    @Property(tries = 100)
    void theSameInputsGiveTheSamePlan(@ForAll final long seed, @ForAll final boolean rootIsTarget) {
        final Layouts l = Layouts.random(seed, rootIsTarget);
        for (final Algorithm a : CONCRETE) {
            assertThat(l.plan(a, PlanOptions.defaults()).toString()).isEqualTo(l.plan(a, PlanOptions.defaults()).toString());
        }
    }

    private static List<Integer> allTasks(final Layouts l) {
        final List<Integer> all = new ArrayList<>();
        all.add(l.root());
        Arrays.stream(l.targets()).forEach(all::add);
        return all;
    }
}
