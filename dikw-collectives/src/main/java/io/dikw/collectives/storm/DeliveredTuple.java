package io.dikw.collectives.storm;

import java.util.List;
import org.apache.storm.task.GeneralTopologyContext;
import org.apache.storm.tuple.Tuple;
import org.apache.storm.tuple.TupleImpl;

/**
 * What the user's bolt receives for a relayed broadcast or a collective's result: it reads as if it
 * came straight from the original component and stream. Acks and anchors on it go to the
 * {@link #carrier} tuple that brought it (none for a reduce result, which no single tuple carries).
 */
final class DeliveredTuple extends TupleImpl {
    private final Tuple carrier;

    DeliveredTuple(final GeneralTopologyContext context, final List<Object> values, final String component,
        final int task, final String stream, final Tuple carrier) {
        super(context, values, component, task, stream);
        this.carrier = carrier;
    }

    /** @return the tuple that carried it, or null */
    Tuple carrier() {
        return carrier;
    }
}
