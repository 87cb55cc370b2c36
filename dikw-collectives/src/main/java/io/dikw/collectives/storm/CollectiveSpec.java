package io.dikw.collectives.storm;

import io.dikw.collectives.cost.CostModel;
import io.dikw.collectives.fold.Combiner;
import io.dikw.collectives.plan.Algorithm;
import io.dikw.collectives.plan.PlanOptions;
import java.io.Serializable;
import java.util.List;

/**
 * One declared collective: what flows from which component's stream to which component, and how.
 * The internal stream names derive from it, so every task agrees on them.
 *
 * @param kind the operation
 * @param source the component that emits the stream (the broadcaster, or the contributors of a reduce)
 * @param stream the user's stream
 * @param target the receiving component (broadcast targets, or the reduce's root; the contributors
 *     themselves for allreduce and barrier)
 * @param options algorithm and tuning
 * @param combiner the combine for reduce and allreduce (null otherwise)
 * @param fromSpout whether the broadcaster is a spout (its tuples then travel on {@link #rootStream},
 *     carrying the spout's location)
 */
record CollectiveSpec(Kind kind, String source, String stream, String target, CollectiveOptions options,
    Combiner<List<Object>> combiner, boolean fromSpout) implements Serializable {

    CollectiveSpec(final Kind kind, final String source, final String stream, final String target,
        final CollectiveOptions options, final Combiner<List<Object>> combiner) {
        this(kind, source, stream, target, options, combiner, false);
    }

    /** The collective operations. */
    enum Kind { BROADCAST, REDUCE, GATHER, ALLREDUCE, BARRIER }

    Algorithm algorithm() {
        return options.algorithm();
    }

    PlanOptions planOptions() {
        return options.plan();
    }

    CostModel costModel() {
        return options.costModel();
    }

    long expectedBytes() {
        return options.expectedBytes();
    }

    /** @return the stream a broadcast's target tasks relay on */
    String relayStream() {
        return "dikw.relay." + source + "." + stream;
    }

    /** @return the stream a spout broadcaster's tuples go out on: (values, node, port) */
    String rootStream() {
        return "dikw.root." + stream;
    }

    /** @return the direct stream partial results go up on */
    String upStream() {
        return "dikw.up." + stream;
    }

    /** @return the direct stream an allreduce result comes down on */
    String downStream() {
        return "dikw.down." + stream;
    }

    /** @return whether the result goes back to every contributor */
    boolean everyoneGetsResult() {
        return kind == Kind.ALLREDUCE || kind == Kind.BARRIER;
    }
}
