package io.dikw.collectives.storm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.storm.spout.ISpoutOutputCollector;
import org.apache.storm.spout.SpoutOutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.IRichSpout;
import org.apache.storm.topology.OutputFieldsDeclarer;

/**
 * Wraps the user's spout so that it can be a broadcast's root: its emits on a broadcast stream go out
 * on the collective's root stream with its own location added (a spout cannot subscribe to anything,
 * so the relaying workers could not see where it runs otherwise). Message ids pass through: acks of
 * the broadcast's tuple tree reach the user's spout as usual. Built by {@link Collectives}.
 */
final class CollectiveSpout implements IRichSpout {
    private static final long serialVersionUID = 1L;
    private final String component;
    private final IRichSpout user;
    private final List<CollectiveSpec> specs = new ArrayList<>();

    CollectiveSpout(final String component, final IRichSpout user) {
        this.component = Objects.requireNonNull(component, "component");
        this.user = Objects.requireNonNull(user, "spout");
    }

    void add(final CollectiveSpec spec) {
        specs.add(spec);
    }

    @Override
    public void open(final Map<String, Object> conf, final TopologyContext context, final SpoutOutputCollector out) {
        final Map<String, String> roots = new HashMap<>();
        for (final CollectiveSpec s : specs) {
            final Map<String, ?> plain = context.getThisTargets().get(s.stream());
            if (plain != null && !plain.isEmpty()) {
                throw new IllegalStateException("stream '" + s.stream() + "' of spout '" + component + "' is broadcast "
                    + "through Collectives and also subscribed to directly by " + plain.keySet()
                    + ": subscribe those to another stream, or broadcast to them with Collectives too");
            }
            roots.put(s.stream(), s.rootStream());
        }
        final List<Object> where = List.of(String.valueOf(context.getAssignmentId()), context.getThisWorkerPort());
        user.open(conf, context, new SpoutOutputCollector(new Rooted(out, roots, where)));
    }

    /** Sends emits on a broadcast stream to its root stream, with the spout's location. */
    private record Rooted(ISpoutOutputCollector storm, Map<String, String> roots, List<Object> where)
        implements ISpoutOutputCollector {

        @Override
        public List<Integer> emit(final String streamId, final List<Object> tuple, final Object messageId) {
            final String root = roots.get(streamId);
            if (root == null) {
                return storm.emit(streamId, tuple, messageId);
            }
            return storm.emit(root, List.of(new ArrayList<>(tuple), where.get(0), where.get(1)), messageId);
        }

        @Override
        public void emitDirect(final int taskId, final String streamId, final List<Object> tuple,
            final Object messageId) {
            if (roots.containsKey(streamId)) {
                throw new IllegalArgumentException("stream '" + streamId + "' is broadcast: emit on it, not emitDirect");
            }
            storm.emitDirect(taskId, streamId, tuple, messageId);
        }

        @Override
        public long getPendingCount() {
            return storm.getPendingCount();
        }

        @Override
        public void flush() {
            storm.flush();
        }

        @Override
        public void reportError(final Throwable error) {
            storm.reportError(error);
        }
    }

    @Override
    public void close() {
        user.close();
    }

    @Override
    public void activate() {
        user.activate();
    }

    @Override
    public void deactivate() {
        user.deactivate();
    }

    @Override
    public void nextTuple() {
        user.nextTuple();
    }

    @Override
    public void ack(final Object msgId) {
        user.ack(msgId);
    }

    @Override
    public void fail(final Object msgId) {
        user.fail(msgId);
    }

    @Override
    public void declareOutputFields(final OutputFieldsDeclarer declarer) {
        user.declareOutputFields(declarer);
        specs.stream().map(CollectiveSpec::rootStream).distinct()
            .forEach(s -> declarer.declareStream(s, CollectiveBolt.ROOT_FIELDS));
    }

    @Override
    public Map<String, Object> getComponentConfiguration() {
        return user.getComponentConfiguration();
    }
}
