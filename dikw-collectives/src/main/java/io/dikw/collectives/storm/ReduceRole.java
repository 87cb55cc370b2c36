package io.dikw.collectives.storm;

import com.codahale.metrics.Counter;
import io.dikw.collectives.fold.Closed;
import io.dikw.collectives.fold.Piece;
import io.dikw.collectives.fold.RoundAggregator;
import io.dikw.collectives.plan.Plan;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.tuple.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task's part in a reduce, gather, allreduce or barrier: it folds its own contribution and its
 * children's partial results per round (the first value of a contribution is the round), each a
 * {@link Piece} that knows the contributor positions it covers, and sends what it holds up the plan
 * once it has its whole subtree, or once it gives the round up (see {@link RoundAggregator}). The
 * root delivers each round exactly once: the result (to the user's bolt for reduce and gather, down
 * the plan to every contributor for allreduce and barrier), or an incomplete notice (round, missing
 * contributor tasks) on {@link Collectives#incompleteStream}, counted and logged.
 *
 * <p>Wire formats: up (round, [[runs, value], ...]) with runs the covered positions as [from, to)
 * pairs; down (round, value, missing tasks). Partial results are not anchored: Storm's acking does
 * not track them.
 */
final class ReduceRole {
    private static final Logger LOG = LoggerFactory.getLogger(ReduceRole.class);
    /** Incomplete rounds logged one by one; after that every thousandth. */
    private static final int LOGGED_ONE_BY_ONE = 100;
    private final CollectiveSpec spec;
    private final TopologyContext context;
    private final OutputCollector out;
    private final Consumer<Tuple> deliver;
    private final PlanCache plans;
    private final RoundAggregator<List<Object>> rounds;
    private final int me;
    private final int root;
    private final int firstContributor;
    private final long timeoutNanos;
    private final Counter incompleteCount;
    private final Counter lateCount;
    private final Counter duplicateCount;
    private Plan plan;
    private long epoch;
    private long lateSeen;
    private long duplicatesSeen;

    ReduceRole(final CollectiveSpec spec, final TopologyContext context, final OutputCollector out,
        final Consumer<Tuple> deliver) {
        this.spec = spec;
        this.context = context;
        this.out = out;
        this.deliver = deliver;
        final List<Integer> contributors = context.getComponentTasks(spec.source());
        this.plans = new PlanCache(spec, contributors, Placements.of(context.getStormId(), context.getThisWorkerPort()));
        this.me = context.getThisTaskId();
        this.root = context.getComponentTasks(spec.target()).stream().min(Integer::compare).orElseThrow();
        this.firstContributor = contributors.stream().min(Integer::compare).orElseThrow();
        // tasks below the root give up at half the patience, so what they hold reaches the root before it does
        final int share = me == root ? 1 : 2;
        this.rounds = new RoundAggregator<>(spec.combiner(), RoundAggregator.MAX_PENDING_ROUNDS_DEFAULT / share,
            Math.max(1, spec.options().staleAfterRounds() / share));
        this.timeoutNanos = TimeUnit.SECONDS.toNanos(spec.options().roundTimeoutSeconds()) / share;
        final String metric = "dikw.collective." + spec.stream() + ".";
        this.incompleteCount = context.registerCounter(metric + "incompleteRounds");
        this.lateCount = context.registerCounter(metric + "latePartials");
        this.duplicateCount = context.registerCounter(metric + "duplicatePartials");
    }

    /** @param values the user's emit: the round, then the values to combine */
    void contribute(final List<Object> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a contribution to '" + spec.stream()
                + "' needs the round as its first value");
        }
        final List<Object> payload;
        if (spec.kind() == CollectiveSpec.Kind.GATHER) {
            final List<Object> entry = new ArrayList<>(values.size());
            entry.add(me);
            entry.addAll(values.subList(1, values.size()));
            payload = new ArrayList<>(List.of(entry));
        } else {
            payload = new ArrayList<>(values.subList(1, values.size()));
        }
        final Plan p = plan();
        handle(p, rounds.offer(values.get(0), Piece.of(p.position(me), payload), p.subtree(me), epoch,
            System.nanoTime()));
    }

    /** @param partial a child's partial result: (round, [[runs, value], ...]) */
    @SuppressWarnings("unchecked")
    void onPartial(final Tuple partial) {
        final Object round = partial.getValue(0);
        final Plan p = plan();
        final BitSet expected = p.subtree(me);
        for (final Object o : (List<Object>) partial.getValue(1)) {
            final List<Object> wire = (List<Object>) o;
            final Piece<List<Object>> piece = Piece.ofRuns((List<Integer>) wire.get(0), (List<Object>) wire.get(1));
            handle(p, rounds.offer(round, piece, expected, epoch, System.nanoTime()));
        }
    }

    /** @param result the root's outcome coming down: (round, value, missing tasks) */
    @SuppressWarnings("unchecked")
    void onResult(final Tuple result) {
        down(plan(), result.getValue(0), (List<Object>) result.getValue(1), (List<Integer>) result.getValue(2));
    }

    /** Gives up the rounds open longer than the timeout, if there is one (called on tick tuples). */
    void onTick() {
        if (timeoutNanos > 0) {
            handle(plan(), rounds.expire(System.nanoTime(), timeoutNanos));
        }
    }

    /** @return the current plan; on a change, a non-root task passes its open rounds on at once */
    private Plan plan() {
        final Plan now = plans.plan(root, spec.expectedBytes());
        if (now != plan) {
            final boolean changed = plan != null;
            plan = now;
            if (changed) {
                epoch++;
                LOG.info("collective {} on '{}': task {} follows a new plan (placement changed), {} rounds open",
                    spec.kind(), spec.stream(), me, rounds.pendingRounds());
                if (me != root) {
                    handle(now, rounds.closeEpochsBefore(epoch));
                }
            }
        }
        return plan;
    }

    private void handle(final Plan p, final List<Closed<List<Object>>> closed) {
        for (final Closed<List<Object>> c : closed) {
            if (me != root) {
                if (!c.complete()) {
                    LOG.debug("collective {} on '{}': task {} passes round {} on {} ({} positions missing below it)",
                        spec.kind(), spec.stream(), me, c.round(), c.reason(), c.missing().cardinality());
                }
                up(p, c);
            } else if (c.complete()) {
                if (c.pieces().size() != 1) {
                    throw new IllegalStateException("round " + c.round() + " complete at the root in "
                        + c.pieces().size() + " pieces: " + c.pieces());
                }
                finish(p, c.round(), c.pieces().get(0).value(), List.of());
            } else if (c.reason() == Closed.Reason.LATE) {
                LOG.debug("collective {} on '{}': late partial for round {}, given up before", spec.kind(),
                    spec.stream(), c.round());
            } else {
                incomplete(p, c);
            }
        }
        count();
    }

    private void up(final Plan p, final Closed<List<Object>> c) {
        final List<Object> wire = new ArrayList<>(c.pieces().size());
        for (final Piece<List<Object>> piece : c.pieces()) {
            wire.add(new ArrayList<>(List.of(new ArrayList<>(piece.runs()), new ArrayList<>(piece.value()))));
        }
        out.emitDirect(p.parent(me), spec.upStream(), List.of(c.round(), wire));
    }

    private void incomplete(final Plan p, final Closed<List<Object>> c) {
        final int[] targets = p.targets();
        final List<Integer> missing = new ArrayList<>(c.missing().cardinality());
        c.missing().stream().forEach(pos -> missing.add(targets[pos]));
        final long n = rounds.incompleteRounds();
        if (n <= LOGGED_ONE_BY_ONE || n % 1000 == 0) {
            LOG.warn("collective {} on '{}': round {} incomplete at root task {} ({}): nothing arrived from tasks {} "
                + "({} incomplete rounds so far); the notice goes to stream '{}'", spec.kind(), spec.stream(),
                c.round(), me, c.reason(), missing, n, Collectives.incompleteStream(spec.stream()));
        }
        finish(p, c.round(), List.of(), missing);
    }

    private void finish(final Plan p, final Object round, final List<Object> value, final List<Integer> missing) {
        if (spec.everyoneGetsResult()) {
            down(p, round, value, missing);
        } else {
            deliver.accept(outcome(round, value, missing));
        }
    }

    private void down(final Plan p, final Object round, final List<Object> value, final List<Integer> missing) {
        final int[] children = p.children(me);
        if (children.length > 0) {
            // Kryo-registered lists, whatever the combiner returned
            final List<Object> tuple = List.of(round, new ArrayList<>(value), new ArrayList<>(missing));
            for (final int child : children) {
                out.emitDirect(child, spec.downStream(), tuple);
            }
        }
        deliver.accept(outcome(round, value, missing));
    }

    private Tuple outcome(final Object round, final List<Object> value, final List<Integer> missing) {
        if (!missing.isEmpty()) {
            return new DeliveredTuple(context, List.of(round, new ArrayList<>(missing)), spec.source(),
                firstContributor, Collectives.incompleteStream(spec.stream()), null);
        }
        if (spec.kind() == CollectiveSpec.Kind.GATHER) {
            return new DeliveredTuple(context, List.of(round, value), spec.source(), firstContributor,
                Collectives.gatheredStream(spec.stream()), null);
        }
        final List<Object> values = new ArrayList<>(1 + value.size());
        values.add(round);
        values.addAll(value);
        return new DeliveredTuple(context, values, spec.source(), firstContributor, spec.stream(), null);
    }

    private void count() {
        if (me == root) {
            incompleteCount.inc(rounds.incompleteRounds() - incompleteCount.getCount());
        }
        lateCount.inc(rounds.latePieces() - lateSeen);
        lateSeen = rounds.latePieces();
        duplicateCount.inc(rounds.duplicatePieces() - duplicatesSeen);
        duplicatesSeen = rounds.duplicatePieces();
    }
}
