package io.dikw.collectives.storm;

import io.dikw.collectives.plan.Algorithm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.storm.Config;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.IRichBolt;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Tuple;
import org.apache.storm.utils.TupleUtils;

/**
 * Wraps the user's bolt so that it takes part in collectives while staying a normal bolt: it relays
 * broadcast tuples to its children in the plan before handing them over, folds and forwards
 * partial results, and delivers results as if they came from the original stream. Built by
 * {@link Collectives}; the specs are added while the topology is declared (before Storm serializes it).
 */
final class CollectiveBolt implements IRichBolt {
    private static final long serialVersionUID = 1L;
    /**
     * Fields of a relay stream: the original values, the broadcast's root task, and where the root
     * runs when it is a spout (null otherwise: a bolt root's workers are visible through the locate stream).
     */
    static final Fields RELAY_FIELDS = new Fields("payload", "origin", "node", "port");
    /** Fields of a spout broadcaster's stream into the collective: its values, then where it runs. */
    static final Fields ROOT_FIELDS = new Fields("payload", "node", "port");
    /** Fields of the up stream of a reduce (the round, then the pieces) and of a gather's result. */
    static final Fields ROUND_FIELDS = new Fields("round", "payload");
    /** Fields of the down stream of an allreduce or barrier: the round, the result, the missing tasks. */
    static final Fields DOWN_FIELDS = new Fields("round", "payload", "missing");
    /** Fields of an incomplete notice: the round, the tasks whose contribution never arrived. */
    static final Fields INCOMPLETE_FIELDS = new Fields("round", "missing");
    /**
     * A direct stream never emitted on: subscribing to it makes the tasks of the subscriber visible to
     * the workers of this component (Storm shows a worker only the tasks it can send to).
     */
    static final String LOCATE_STREAM = "dikw.locate";

    private final String component;
    private final IRichBolt user;
    private final List<CollectiveSpec> specs = new ArrayList<>();

    private transient OutputCollector out;
    private transient TopologyContext context;
    private transient Map<String, CollectiveSpec> firstHop;
    private transient Map<String, CollectiveSpec> relays;
    private transient Map<String, ReduceRole> partials;
    private transient Map<String, ReduceRole> results;
    private transient List<ReduceRole> roles;
    private transient boolean userWantsTicks;

    CollectiveBolt(final String component, final IRichBolt user) {
        this.component = Objects.requireNonNull(component, "component");
        this.user = Objects.requireNonNull(user, "bolt");
    }

    void add(final CollectiveSpec spec) {
        specs.add(spec);
    }

    @Override
    public void prepare(final Map<String, Object> topoConf, final TopologyContext ctx, final OutputCollector collector) {
        this.out = collector;
        this.context = ctx;
        firstHop = new HashMap<>();
        relays = new HashMap<>();
        partials = new HashMap<>();
        results = new HashMap<>();
        roles = new ArrayList<>();
        final Map<String, Object> own = user.getComponentConfiguration();
        userWantsTicks = own != null && own.get(Config.TOPOLOGY_TICK_TUPLE_FREQ_SECS) != null;
        final Map<String, ReduceRole> contributions = new HashMap<>();
        for (final CollectiveSpec s : specs) {
            if (s.kind() == CollectiveSpec.Kind.BROADCAST) {
                firstHop.put(s.source() + '\u0000' + (s.fromSpout() ? s.rootStream() : s.stream()), s);
                relays.put(s.relayStream(), s);
                continue;
            }
            final ReduceRole role = new ReduceRole(s, ctx, collector, user::execute);
            roles.add(role);
            partials.put(s.upStream(), role);
            if (s.everyoneGetsResult()) {
                results.put(s.downStream(), role);
            }
            if (component.equals(s.source())) {
                contributions.put(s.stream(), role);
            }
        }
        user.prepare(topoConf, ctx, new OutputCollector(new RoutingCollector(collector, contributions)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(final Tuple input) {
        if (TupleUtils.isTick(input)) {
            roles.forEach(ReduceRole::onTick);
            if (userWantsTicks) {
                user.execute(input);
            }
            return;
        }
        final String stream = input.getSourceStreamId();
        final CollectiveSpec first = firstHop.isEmpty() ? null
            : firstHop.get(input.getSourceComponent() + '\u0000' + stream);
        if (first != null) {
            if (first.fromSpout()) {
                final List<Object> payload = (List<Object>) input.getValue(0);
                relay(first, input, payload, input.getSourceTask(), input.getValue(1), input.getValue(2));
            } else {
                out.emit(first.relayStream(), input,
                    Arrays.asList(new ArrayList<>(input.getValues()), input.getSourceTask(), null, null));
                user.execute(input);
            }
            return;
        }
        if (component.equals(input.getSourceComponent())) {
            final CollectiveSpec relay = relays.get(stream);
            if (relay != null) {
                relay(relay, input, (List<Object>) input.getValue(0), ((Number) input.getValue(1)).intValue(),
                    input.getValue(2), input.getValue(3));
                return;
            }
        }
        final ReduceRole partial = partials.get(stream);
        if (partial != null) {
            partial.onPartial(input);
            out.ack(input);
            return;
        }
        final ReduceRole result = results.get(stream);
        if (result != null) {
            result.onResult(input);
            out.ack(input);
            return;
        }
        user.execute(input);
    }

    /** Passes a broadcast tuple on to this task's children, then hands it to the user's bolt. */
    private void relay(final CollectiveSpec spec, final Tuple carrier, final List<Object> payload, final int origin,
        final Object node, final Object port) {
        if (spec.algorithm() != Algorithm.SERIAL) {
            out.emit(spec.relayStream(), carrier, Arrays.asList(payload, origin, node, port));
        }
        user.execute(new DeliveredTuple(context, payload, spec.source(), origin, spec.stream(), carrier));
    }

    @Override
    public void cleanup() {
        user.cleanup();
    }

    @Override
    public void declareOutputFields(final OutputFieldsDeclarer declarer) {
        user.declareOutputFields(declarer);
        declarer.declareStream(LOCATE_STREAM, true, new Fields("unused"));
        for (final CollectiveSpec s : specs) {
            if (s.kind() == CollectiveSpec.Kind.BROADCAST) {
                declarer.declareStream(s.relayStream(), RELAY_FIELDS);
            } else if (component.equals(s.source())) {
                declarer.declareStream(s.upStream(), true, ROUND_FIELDS);
                declarer.declareStream(Collectives.incompleteStream(s.stream()), INCOMPLETE_FIELDS);
                if (s.everyoneGetsResult()) {
                    declarer.declareStream(s.downStream(), true, DOWN_FIELDS);
                }
                if (s.kind() == CollectiveSpec.Kind.GATHER) {
                    declarer.declareStream(Collectives.gatheredStream(s.stream()), ROUND_FIELDS);
                }
            }
        }
    }

    @Override
    public Map<String, Object> getComponentConfiguration() {
        final Map<String, Object> own = user.getComponentConfiguration();
        final int timeout = specs.stream().filter(s -> s.kind() != CollectiveSpec.Kind.BROADCAST)
            .mapToInt(s -> s.options().roundTimeoutSeconds()).filter(t -> t > 0).min().orElse(0);
        if (timeout == 0 || own != null && own.get(Config.TOPOLOGY_TICK_TUPLE_FREQ_SECS) != null) {
            return own; // no timeout, or the user's ticks drive the checks too
        }
        final Map<String, Object> conf = own == null ? new HashMap<>() : new HashMap<>(own);
        return TupleUtils.putTickFrequencyIntoComponentConfig(conf, Math.max(1, timeout / 4));
    }
}
