package io.dikw.collectives.storm;

import io.dikw.collectives.fold.Combiner;
import io.dikw.collectives.plan.Algorithm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.HashSet;
import org.apache.storm.topology.BasicBoltExecutor;
import org.apache.storm.topology.BoltDeclarer;
import org.apache.storm.topology.IBasicBolt;
import org.apache.storm.topology.IRichBolt;
import org.apache.storm.topology.IRichSpout;
import org.apache.storm.topology.SpoutDeclarer;
import org.apache.storm.topology.TopologyBuilder;

/**
 * Declares collectives between the components of a {@link TopologyBuilder}.
 *
 * <pre>
 * TopologyBuilder builder = new TopologyBuilder();
 * Collectives collectives = new Collectives(builder);
 * builder.setSpout("S", spout);
 * collectives.setBolt("B", new Broadcaster(), 1).shuffleGrouping("S");
 * collectives.setBolt("W", new Worker(), 16);
 * collectives.setBolt("G", new Gather(), 1);
 * collectives.broadcast("B", "data", "W", Algorithm.BINARY_TREE);   // every W task gets each "data" tuple
 * collectives.reduce("W", "sum", "G", (a, b) -&gt; List.of((long) a.get(0) + (long) b.get(0)),
 *     CollectiveOptions.of(Algorithm.AUTO));                          // G gets one combined tuple per round
 * </pre>
 *
 * Bolts that take part, the broadcaster included, are set through {@link #setBolt} (they are wrapped;
 * they stay normal bolts); a spout that broadcasts is set through {@link #setSpout}.
 * A broadcast's receivers see each tuple as coming from the broadcaster's stream. A contribution to a
 * reduce, gather, allreduce or barrier is an emit on the named stream whose first value is the
 * round; the result arrives once per round as a tuple whose first value is the round: on the same
 * stream for reduce, allreduce and barrier, and on {@link #gatheredStream} with the list of every
 * task's [task, values...] for gather. {@link Algorithm#SERIAL} broadcast is Storm's allGrouping.
 *
 * <p>Reduce order: the combine need only be associative. The result is the sequential left fold of
 * the contributions over the contributing tasks by ascending task id, whatever the algorithm, the
 * placement and the arrival order (partials are combined when they cover adjacent tasks). Wrap a
 * combine that is also commutative in {@link Combiner#commutative} to combine in arrival order at
 * every hop: partial messages then stay one value each, where an ordered combine may have to carry
 * several runs of tasks up a locality-ordered tree.
 *
 * <p>Every round ends once at its receivers: with the result, or, if it is given up, with
 * (round, [missing task ids]) on {@link #incompleteStream} (counted in the metric
 * {@code dikw.collective.STREAM.incompleteRounds} and logged with the round and the missing tasks).
 * A round is given up when {@link CollectiveOptions#staleAfterRounds} rounds that started after it
 * have completed at the root, when 4,096 rounds are open there, or after
 * {@link CollectiveOptions#roundTimeoutSeconds} if set. After a reassignment, tasks pass their open
 * partials on to their new parent at once, so rounds under way still complete unless a tuple was lost
 * (e.g. with a dead worker).
 */
public final class Collectives {
    private final TopologyBuilder builder;
    private final Map<String, CollectiveBolt> bolts = new HashMap<>();
    private final Map<String, CollectiveSpout> spouts = new HashMap<>();
    private final Map<String, BoltDeclarer> declarers = new HashMap<>();
    private final Set<String> visible = new HashSet<>();

    /** @param builder the topology being declared; gets the worker hook that publishes task placement */
    public Collectives(final TopologyBuilder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
        builder.addWorkerHook(new PlacementHook());
    }

    /**
     * @param id the component id
     * @param bolt the user's bolt
     * @param parallelism its tasks
     * @return Storm's declarer, for the bolt's other subscriptions
     */
    public BoltDeclarer setBolt(final String id, final IRichBolt bolt, final int parallelism) {
        final CollectiveBolt wrapped = new CollectiveBolt(id, bolt);
        final BoltDeclarer d = builder.setBolt(id, wrapped, parallelism);
        bolts.put(id, wrapped);
        declarers.put(id, d);
        return d;
    }

    /**
     * Declares a spout that can be a broadcast's root (any other spout can feed collectives' bolts as usual).
     *
     * @param id the component id
     * @param spout the user's spout, wrapped; a stream it broadcasts goes only to the broadcasts' targets
     * @param parallelism its tasks
     * @return Storm's declarer
     */
    public SpoutDeclarer setSpout(final String id, final IRichSpout spout, final int parallelism) {
        final CollectiveSpout wrapped = new CollectiveSpout(id, spout);
        final SpoutDeclarer d = builder.setSpout(id, wrapped, parallelism);
        spouts.put(id, wrapped);
        return d;
    }

    /**
     * @param id the component id
     * @param bolt the user's basic bolt
     * @param parallelism its tasks
     * @return Storm's declarer
     */
    public BoltDeclarer setBolt(final String id, final IBasicBolt bolt, final int parallelism) {
        return setBolt(id, new BasicBoltExecutor(bolt), parallelism);
    }

    /**
     * @param source the broadcasting component
     * @param stream its stream
     * @param target the component every task of which receives each tuple (set through {@link #setBolt})
     * @param algorithm how
     */
    public void broadcast(final String source, final String stream, final String target, final Algorithm algorithm) {
        broadcast(source, stream, target, CollectiveOptions.of(algorithm));
    }

    /**
     * @param source the broadcasting component: a bolt or spout set through {@link #setSpout}/{@link #setBolt}
     * @param stream its stream
     * @param target the component every task of which receives each tuple (set through {@link #setBolt})
     * @param options algorithm and tuning
     */
    public void broadcast(final String source, final String stream, final String target,
        final CollectiveOptions options) {
        final BoltDeclarer d = declarer(target);
        final CollectiveSpout spout = spouts.get(source);
        if (options.algorithm() == Algorithm.SERIAL && spout == null) {
            d.allGrouping(source, stream);
            return;
        }
        final CollectiveSpec spec = new CollectiveSpec(CollectiveSpec.Kind.BROADCAST, source, stream, target, options,
            null, spout != null);
        bolts.get(target).add(spec);
        if (options.algorithm() == Algorithm.SERIAL) {
            spout.add(spec); // one stream out of the spout for every broadcast of it
            d.allGrouping(source, spec.rootStream());
            return;
        }
        if (spout != null) {
            spout.add(spec); // the root's location travels in its tuples
            d.customGrouping(source, spec.rootStream(), new CollectiveGrouping(spec));
        } else {
            showTasks(source, target);
            d.customGrouping(source, stream, new CollectiveGrouping(spec));
        }
        d.customGrouping(target, spec.relayStream(), new CollectiveGrouping(spec));
    }

    /**
     * Reduces each round of {@code stream} over all tasks of {@code source} to the first task of {@code root}.
     *
     * @param source the contributing component
     * @param stream its stream: (round, values...)
     * @param root the component whose first task gets (round, combined values...)
     * @param combine associative combine of the values after the round (left: earlier tasks)
     * @param options algorithm and tuning
     */
    public void reduce(final String source, final String stream, final String root,
        final Combiner<List<Object>> combine, final CollectiveOptions options) {
        toRoot(CollectiveSpec.Kind.REDUCE, source, stream, root, combine, options);
    }

    /**
     * Gathers each round of {@code stream} from all tasks of {@code source} at the first task of
     * {@code root}, which gets (round, [[task, values...] for each task, by task id]) on
     * {@link #gatheredStream}.
     *
     * @param source the contributing component
     * @param stream its stream: (round, values...)
     * @param root the receiving component
     * @param options algorithm and tuning
     */
    public void gather(final String source, final String stream, final String root, final CollectiveOptions options) {
        toRoot(CollectiveSpec.Kind.GATHER, source, stream, root, Collectives::concat, options);
    }

    /**
     * Every task of {@code source} gets each round's combined result on {@code stream}: a reduce to the
     * component's first task, then a broadcast down the same plan.
     *
     * @param source the contributing and receiving component
     * @param stream its stream: (round, values...)
     * @param combine associative combine of the values after the round (left: earlier tasks)
     * @param options algorithm and tuning
     */
    public void allreduce(final String source, final String stream, final Combiner<List<Object>> combine,
        final CollectiveOptions options) {
        toAll(CollectiveSpec.Kind.ALLREDUCE, source, stream, combine, options);
    }

    /**
     * Every task of {@code source} gets (round) on {@code stream} once every task has emitted (round) on it.
     *
     * @param source the synchronizing component
     * @param stream its stream: (round)
     * @param options algorithm and tuning
     */
    public void barrier(final String source, final String stream, final CollectiveOptions options) {
        toAll(CollectiveSpec.Kind.BARRIER, source, stream, Combiner.commutative((a, b) -> a), options);
    }

    /**
     * @param stream a gathered stream
     * @return the stream the gather's root receives its results on
     */
    public static String gatheredStream(final String stream) {
        return stream + ".gathered";
    }

    /**
     * @param stream the stream of a reduce, gather, allreduce or barrier
     * @return the stream on which its receivers get (round, [missing task ids]) instead of the result
     *     for a round given up as incomplete
     */
    public static String incompleteStream(final String stream) {
        return stream + ".incomplete";
    }

    private void toRoot(final CollectiveSpec.Kind kind, final String source, final String stream, final String root,
        final Combiner<List<Object>> combine, final CollectiveOptions options) {
        Objects.requireNonNull(combine, "combine");
        final CollectiveSpec spec = new CollectiveSpec(kind, source, stream, root, options, combine);
        declarer(source).directGrouping(source, spec.upStream());
        bolts.get(source).add(spec);
        if (!root.equals(source)) {
            declarer(root).directGrouping(source, spec.upStream());
            bolts.get(root).add(spec);
            showTasks(source, root);
        }
    }

    private void toAll(final CollectiveSpec.Kind kind, final String source, final String stream,
        final Combiner<List<Object>> combine, final CollectiveOptions options) {
        final CollectiveSpec spec = new CollectiveSpec(kind, source, stream, source, options, combine);
        declarer(source).directGrouping(source, spec.upStream()).directGrouping(source, spec.downStream());
        bolts.get(source).add(spec);
    }

    /**
     * Lets the workers of {@code viewer} see where the tasks of {@code shown} run: {@code shown}
     * subscribes to the viewer's never-used locate stream.
     */
    private void showTasks(final String shown, final String viewer) {
        if (visible.add(shown + '\u0000' + viewer)) {
            declarer(shown).directGrouping(viewer, CollectiveBolt.LOCATE_STREAM);
        }
    }

    private BoltDeclarer declarer(final String component) {
        final BoltDeclarer d = declarers.get(component);
        if (d == null) {
            throw new IllegalArgumentException("component '" + component
                + "' takes part in a collective: declare it with Collectives.setBolt (a broadcasting spout with "
                + "Collectives.setSpout), not TopologyBuilder.setBolt/setSpout");
        }
        return d;
    }

    private static List<Object> concat(final List<Object> a, final List<Object> b) {
        final List<Object> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }
}
