package io.dikw.collectives.storm;

import io.dikw.collectives.fold.RoundAggregator;
import io.dikw.collectives.plan.Plan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.tuple.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task's part in a reduce, gather, allreduce or barrier: it folds its own contribution and its
 * children's partial results per round (the first value of a contribution is the round) and sends
 * the partial up the plan once the round is complete. At the root the result goes to the user's
 * bolt (reduce, gather) or back down the plan to every contributor (allreduce, barrier).
 * Partial results are not anchored: Storm's acking does not track them.
 */
final class ReduceRole {
    private static final Logger LOG = LoggerFactory.getLogger(ReduceRole.class);
    private final CollectiveSpec spec;
    private final TopologyContext context;
    private final OutputCollector out;
    private final Consumer<Tuple> deliver;
    private final PlanCache plans;
    private final RoundAggregator<List<Object>> rounds;
    private final int me;
    private final int root;
    private final int firstContributor;
    private long droppedReported;

    ReduceRole(final CollectiveSpec spec, final TopologyContext context, final OutputCollector out,
        final Consumer<Tuple> deliver) {
        this.spec = spec;
        this.context = context;
        this.out = out;
        this.deliver = deliver;
        final List<Integer> contributors = context.getComponentTasks(spec.source());
        this.plans = new PlanCache(spec, contributors, Placements.of(context.getStormId(), context.getThisWorkerPort()));
        this.rounds = new RoundAggregator<>(spec.combiner(), RoundAggregator.MAX_PENDING_ROUNDS_DEFAULT);
        this.me = context.getThisTaskId();
        this.root = context.getComponentTasks(spec.target()).stream().min(Integer::compare).orElseThrow();
        this.firstContributor = contributors.stream().min(Integer::compare).orElseThrow();
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
        offer(values.get(0), payload);
    }

    /** @param partial a child's partial result: (round, payload) */
    @SuppressWarnings("unchecked")
    void onPartial(final Tuple partial) {
        offer(partial.getValue(0), (List<Object>) partial.getValue(1));
    }

    /** @param result the root's result coming down: (round, payload) */
    @SuppressWarnings("unchecked")
    void onResult(final Tuple result) {
        down(plans.plan(root, spec.expectedBytes()), result.getValue(0), (List<Object>) result.getValue(1));
    }

    private void offer(final Object round, final List<Object> payload) {
        final Plan plan = plans.plan(root, spec.expectedBytes());
        final List<Object> done = rounds.offer(round, payload, plan.expectedContributions(me));
        if (rounds.droppedRounds() != droppedReported) {
            droppedReported = rounds.droppedRounds();
            LOG.warn("collective {} on '{}': task {} dropped its oldest incomplete round ({} so far): a contributor "
                + "did not send for it, or the placement changed while it was under way", spec.kind(), spec.stream(),
                me, droppedReported);
        }
        if (done == null) {
            return;
        }
        if (me != root) {
            out.emitDirect(plan.parent(me), spec.upStream(), List.of(round, new ArrayList<>(done)));
        } else if (spec.everyoneGetsResult()) {
            down(plan, round, done);
        } else {
            deliver.accept(result(round, done));
        }
    }

    private void down(final Plan plan, final Object round, final List<Object> value) {
        final int[] children = plan.children(me);
        if (children.length > 0) {
            final List<Object> copy = new ArrayList<>(value); // a Kryo-registered list, whatever the combiner returned
            for (final int child : children) {
                out.emitDirect(child, spec.downStream(), List.of(round, copy));
            }
        }
        deliver.accept(result(round, value));
    }

    private Tuple result(final Object round, final List<Object> value) {
        final List<Object> values = new ArrayList<>(1 + value.size());
        values.add(round);
        if (spec.kind() == CollectiveSpec.Kind.GATHER) {
            final List<Object> sorted = new ArrayList<>(value);
            sorted.sort(Comparator.comparingInt(e -> ((Number) ((List<?>) e).get(0)).intValue()));
            values.add(sorted);
            return new DeliveredTuple(context, values, spec.source(), firstContributor,
                Collectives.gatheredStream(spec.stream()), null);
        }
        values.addAll(value);
        return new DeliveredTuple(context, values, spec.source(), firstContributor, spec.stream(), null);
    }
}
