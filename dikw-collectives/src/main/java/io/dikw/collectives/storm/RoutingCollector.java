package io.dikw.collectives.storm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.storm.task.IOutputCollector;
import org.apache.storm.tuple.Tuple;

/**
 * The collector the user's bolt writes to: emits on a stream it contributes to a reduce go to that
 * reduce instead of Storm; acks, fails and anchors on a {@link DeliveredTuple} go to its carrier;
 * everything else passes straight through.
 */
final class RoutingCollector implements IOutputCollector {
    private final IOutputCollector storm;
    private final Map<String, ReduceRole> contributions;

    RoutingCollector(final IOutputCollector storm, final Map<String, ReduceRole> contributions) {
        this.storm = storm;
        this.contributions = contributions;
    }

    @Override
    public List<Integer> emit(final String streamId, final Collection<Tuple> anchors, final List<Object> tuple) {
        final ReduceRole role = contributions.get(streamId);
        if (role != null) {
            role.contribute(tuple);
            return List.of();
        }
        return storm.emit(streamId, real(anchors), tuple);
    }

    @Override
    public void emitDirect(final int taskId, final String streamId, final Collection<Tuple> anchors,
        final List<Object> tuple) {
        final ReduceRole role = contributions.get(streamId);
        if (role != null) {
            role.contribute(tuple);
            return;
        }
        storm.emitDirect(taskId, streamId, real(anchors), tuple);
    }

    @Override
    public void ack(final Tuple input) {
        final Tuple t = real(input);
        if (t != null) {
            storm.ack(t);
        }
    }

    @Override
    public void fail(final Tuple input) {
        final Tuple t = real(input);
        if (t != null) {
            storm.fail(t);
        }
    }

    @Override
    public void resetTimeout(final Tuple input) {
        final Tuple t = real(input);
        if (t != null) {
            storm.resetTimeout(t);
        }
    }

    @Override
    public void flush() {
        storm.flush();
    }

    @Override
    public void reportError(final Throwable error) {
        storm.reportError(error);
    }

    private static Tuple real(final Tuple t) {
        return t instanceof DeliveredTuple d ? d.carrier() : t;
    }

    private static Collection<Tuple> real(final Collection<Tuple> anchors) {
        if (anchors == null || anchors.stream().noneMatch(a -> a instanceof DeliveredTuple)) {
            return anchors;
        }
        final List<Tuple> out = new ArrayList<>(anchors.size());
        for (final Tuple a : anchors) {
            final Tuple r = real(a);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }
}
