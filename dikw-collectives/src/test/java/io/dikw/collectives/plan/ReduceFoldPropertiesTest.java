package io.dikw.collectives.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.dikw.collectives.fold.Closed;
import io.dikw.collectives.fold.Combiner;
import io.dikw.collectives.fold.Piece;
import io.dikw.collectives.fold.RoundAggregator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Reduce and allreduce up a plan, messages delivered in random order, with associative but not
 * commutative combines: the result at the root is the sequential left fold over the targets by
 * ascending task id, for every algorithm; and across a plan change mid-round nothing is lost.
 */
class ReduceFoldPropertiesTest {
    private static final Algorithm[] ALGORITHMS = {Algorithm.SERIAL, Algorithm.FLAT_TREE, Algorithm.BINARY_TREE,
        Algorithm.RING, Algorithm.BIDI_RING};
    private static final int ROUNDS = 3;

    /** One partial in flight: to a task, for a round, its pieces. */
    private record Message<V>(int to, int round, Piece<V> piece) {
    }

    /** String concatenation: associative, not commutative. */
    private static final Combiner<String> CONCAT = (a, b) -> a + b;

    /** 2×2 matrix product (row-major, arithmetic mod 2^64): associative, not commutative. */
    private static final Combiner<long[]> MATRIX = (a, b) -> new long[] {
        a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3]};

    /** A sum declared commutative: combined in arrival order at every hop. */
    private static final Combiner<Long> SUM = Combiner.commutative(Long::sum);

    @Property(tries = 100)
    void concatenationEqualsTheFoldInTaskOrder(@ForAll final long seed, @ForAll final boolean allreduce) {
        final Random rnd = new Random(seed * 31 + 7);
        checkEveryAlgorithm(Layouts.random(seed, allreduce), CONCAT, (t) -> "t" + t + "r" + rnd.nextInt(9) + ";",
            rnd, String::equals);
    }

    @Property(tries = 100)
    void matrixProductEqualsTheFoldInTaskOrder(@ForAll final long seed, @ForAll final boolean allreduce) {
        final Random rnd = new Random(seed * 17 + 3);
        checkEveryAlgorithm(Layouts.random(seed, allreduce), MATRIX,
            t -> new long[] {rnd.nextInt(7) - 3, rnd.nextInt(7) - 3, rnd.nextInt(7) - 3, rnd.nextInt(7) - 3},
            rnd, Arrays::equals);
    }

    @Property(tries = 50)
    void aCommutativeSumEqualsTheFold(@ForAll final long seed, @ForAll final boolean allreduce) {
        final Random rnd = new Random(seed * 13 + 5);
        checkEveryAlgorithm(Layouts.random(seed, allreduce), SUM, t -> (long) rnd.nextInt(1000) - 500, rnd,
            Long::equals);
    }

    /**
     * Every task switches from one placement's plan to another's at a random moment, passing its open
     * rounds on to its new parent when it does (as {@code ReduceRole} does); nothing is lost, so once
     * the last open rounds are passed on every round completes at the root with the sequential fold.
     */
    @Property(tries = 100)
    void aPlanChangeMidRoundStillYieldsTheFold(@ForAll final long seed, @ForAll final boolean allreduce) {
        final Layouts before = Layouts.random(seed, allreduce);
        final Random rnd = new Random(seed * 7 + 1);
        final Layouts after = before.moved(rnd);
        for (final Algorithm a : ALGORITHMS) {
            final Map<Integer, Map<Integer, String>> contributions = contributions(before, t -> "t" + t + ";");
            final Plan[] plans = {before.plan(a, PlanOptions.defaults()), after.plan(a, PlanOptions.defaults())};
            final Map<Integer, String> atRoot = new Simulation<>(plans, before.root(), CONCAT, rnd, 0.5)
                .run(contributions);
            assertFolds(before, contributions, atRoot, CONCAT, String::equals, a);
        }
    }

    private interface Same<V> {
        boolean test(V a, V b);
    }

    private static <V> void checkEveryAlgorithm(final Layouts l, final Combiner<V> combine, final IntFunction<V> value,
        final Random rnd, final Same<V> same) {
        final Map<Integer, Map<Integer, V>> contributions = contributions(l, value);
        for (final Algorithm a : ALGORITHMS) {
            final Plan plan = l.plan(a, PlanOptions.defaults());
            final BitSet all = new BitSet();
            all.set(0, l.targets().length);
            assertThat(plan.subtree(l.root())).as("the root's subtree is every target").isEqualTo(all);
            final Map<Integer, V> atRoot = new Simulation<>(new Plan[] {plan}, l.root(), combine, rnd, 0).run(contributions);
            assertFolds(l, contributions, atRoot, combine, same, a);
        }
    }

    private static <V> Map<Integer, Map<Integer, V>> contributions(final Layouts l, final IntFunction<V> value) {
        final Map<Integer, Map<Integer, V>> byRound = new HashMap<>();
        for (int r = 0; r < ROUNDS; r++) {
            for (final int t : l.targets()) {
                byRound.computeIfAbsent(r, k -> new HashMap<>()).put(t, value.apply(t));
            }
        }
        return byRound;
    }

    private static <V> void assertFolds(final Layouts l, final Map<Integer, Map<Integer, V>> contributions,
        final Map<Integer, V> atRoot, final Combiner<V> combine, final Same<V> same, final Algorithm a) {
        assertThat(atRoot).as("%s: one result per round", a).hasSize(ROUNDS);
        for (int r = 0; r < ROUNDS; r++) {
            final V sequential = Arrays.stream(l.targets()).mapToObj(contributions.get(r)::get)
                .reduce(combine::combine).orElseThrow();
            final V got = atRoot.get(r);
            assertThat(same.test(got, sequential)).as("%s round %d: %s vs %s", a, r, show(got), show(sequential))
                .isTrue();
        }
    }

    private static Object show(final Object v) {
        return v instanceof long[] m ? Arrays.toString(m) : v;
    }

    /** Tasks with aggregators exchanging partials in random order; each task may switch plan once. */
    private static final class Simulation<V> {
        private final Plan[] plans;
        private final int root;
        private final Combiner<V> combine;
        private final Random rnd;
        private final double switchChance;
        private final Map<Integer, RoundAggregator<V>> aggregators = new HashMap<>();
        private final Map<Integer, Integer> epochOf = new HashMap<>();
        private final List<Message<V>> inFlight = new ArrayList<>();
        private final Map<Integer, V> atRoot = new HashMap<>();

        Simulation(final Plan[] plans, final int root, final Combiner<V> combine, final Random rnd,
            final double switchChance) {
            this.plans = plans;
            this.root = root;
            this.combine = combine;
            this.rnd = rnd;
            this.switchChance = switchChance;
        }

        Map<Integer, V> run(final Map<Integer, Map<Integer, V>> contributions) {
            final Plan first = plans[0];
            contributions.forEach((round, byTask) -> byTask.forEach((task, v) ->
                inFlight.add(new Message<>(task, round, Piece.of(first.position(task), v)))));
            while (!inFlight.isEmpty()) {
                final Message<V> m = inFlight.remove(rnd.nextInt(inFlight.size()));
                maybeSwitch(m.to());
                final Plan plan = plans[epochOf.getOrDefault(m.to(), 0)];
                handle(m.to(), plan, aggregator(m.to()).offer(m.round(), m.piece(), plan.subtree(m.to()),
                    epochOf.getOrDefault(m.to(), 0), 0));
            }
            // the stream goes on: the last open rounds below the root are passed on (here: all at once)
            boolean moved = true;
            while (moved) {
                moved = false;
                for (final int task : new ArrayList<>(aggregators.keySet())) {
                    epochOf.put(task, plans.length - 1);
                    if (task != root) {
                        handle(task, plans[plans.length - 1], aggregator(task).expire(0, 0));
                    }
                }
                while (!inFlight.isEmpty()) {
                    moved = true;
                    final Message<V> m = inFlight.remove(0);
                    final Plan plan = plans[plans.length - 1];
                    handle(m.to(), plan, aggregator(m.to()).offer(m.round(), m.piece(), plan.subtree(m.to()),
                        plans.length - 1, 0));
                }
            }
            return atRoot;
        }

        private RoundAggregator<V> aggregator(final int task) {
            return aggregators.computeIfAbsent(task, t -> new RoundAggregator<>(combine, 64, 64));
        }

        private void maybeSwitch(final int task) {
            final int epoch = epochOf.getOrDefault(task, 0);
            if (epoch + 1 < plans.length && rnd.nextDouble() < switchChance) {
                epochOf.put(task, epoch + 1);
                if (task != root) {
                    handle(task, plans[epoch + 1], aggregator(task).closeEpochsBefore(epoch + 1));
                }
            }
        }

        private void handle(final int task, final Plan plan, final List<Closed<V>> closed) {
            for (final Closed<V> c : closed) {
                if (task != root) {
                    for (final Piece<V> p : c.pieces()) {
                        inFlight.add(new Message<>(plan.parent(task), (Integer) c.round(), p));
                    }
                } else {
                    assertThat(c.reason()).as("round %s at the root", c.round()).isEqualTo(Closed.Reason.COMPLETE);
                    assertThat(c.pieces()).as("one piece at the root").hasSize(1);
                    assertThat(atRoot.put((Integer) c.round(), c.pieces().get(0).value())).as("one result per round")
                        .isNull();
                }
            }
        }
    }
}
