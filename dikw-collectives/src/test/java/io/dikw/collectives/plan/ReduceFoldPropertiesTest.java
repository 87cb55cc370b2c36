package io.dikw.collectives.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.dikw.collectives.fold.Combiner;
import io.dikw.collectives.fold.RoundAggregator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Reduce and allreduce up a plan, messages delivered in random order: the result is the sequential fold. */
class ReduceFoldPropertiesTest {
    private record Message(int to, int round, List<Long> value) {
    }

    private static final Combiner<List<Long>> SUM_MAX_BAG = (a, b) -> {
        final List<Long> bag = new ArrayList<>(a.subList(2, a.size()));
        bag.addAll(b.subList(2, b.size()));
        bag.sort(null);
        final List<Long> out = new ArrayList<>(List.of(a.get(0) + b.get(0), Math.max(a.get(1), b.get(1))));
        out.addAll(bag);
        return out;
    };

    @Property(tries = 200)
    void reduceAndAllreduceEqualTheSequentialFold(@ForAll final long seed, @ForAll final boolean allreduce) {
        final Layouts l = Layouts.random(seed, allreduce);
        final Random rnd = new Random(seed * 31 + 7);
        final int rounds = 3;
        final Map<Integer, Map<Integer, List<Long>>> contributions = new HashMap<>();
        for (final int t : l.targets()) {
            for (int r = 0; r < rounds; r++) {
                final long v = rnd.nextInt(1000) - 500;
                contributions.computeIfAbsent(r, k -> new HashMap<>()).put(t, List.of(v, v, v));
            }
        }
        for (final Algorithm a : new Algorithm[] {Algorithm.SERIAL, Algorithm.FLAT_TREE, Algorithm.BINARY_TREE,
            Algorithm.RING, Algorithm.BIDI_RING}) {
            final Plan plan = l.plan(a, PlanOptions.defaults());
            final Map<Integer, List<Long>> atRoot = run(plan, l, contributions, rnd);
            for (int r = 0; r < rounds; r++) {
                final List<Long> sequential = Arrays.stream(l.targets()).mapToObj(contributions.get(r)::get)
                    .reduce(SUM_MAX_BAG::combine).orElseThrow();
                assertThat(atRoot.get(r)).as("%s round %d", a, r).isEqualTo(sequential);
            }
        }
    }

    /** Every task contributes (targets), partials go to the parent once complete, in random delivery order. */
    private static Map<Integer, List<Long>> run(final Plan plan, final Layouts l,
        final Map<Integer, Map<Integer, List<Long>>> contributions, final Random rnd) {
        final Map<Integer, RoundAggregator<List<Long>>> aggregators = new HashMap<>();
        final List<Message> inFlight = new ArrayList<>();
        contributions.forEach((round, byTask) -> byTask.forEach((task, v) -> inFlight.add(new Message(task, round, v))));
        final Map<Integer, List<Long>> atRoot = new HashMap<>();
        while (!inFlight.isEmpty()) {
            final Message m = inFlight.remove(rnd.nextInt(inFlight.size()));
            final RoundAggregator<List<Long>> agg = aggregators.computeIfAbsent(m.to(),
                t -> new RoundAggregator<>(SUM_MAX_BAG, 16));
            final List<Long> done = agg.offer(m.round(), m.value(), plan.expectedContributions(m.to()));
            if (done != null) {
                if (m.to() == l.root()) {
                    assertThat(atRoot.put(m.round(), done)).as("one result per round").isNull();
                } else {
                    inFlight.add(new Message(plan.parent(m.to()), m.round(), done));
                }
            }
        }
        return atRoot;
    }
}
