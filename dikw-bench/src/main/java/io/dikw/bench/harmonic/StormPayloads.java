package io.dikw.bench.harmonic;

import io.dikw.collectives.storm.LocalStorm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.storm.Config;
import org.apache.storm.LocalCluster;
import org.apache.storm.spout.SpoutOutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.BasicOutputCollector;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.TopologyBuilder;
import org.apache.storm.topology.base.BaseBasicBolt;
import org.apache.storm.topology.base.BaseRichSpout;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Tuple;
import org.apache.storm.tuple.Values;

/**
 * The same workload through Storm: spouts emitting byte-array payloads, bolts receiving them, in
 * a LocalCluster of two worker slots whose workers talk through Storm's real Netty transport
 * ({@code storm.local.mode.zmq=true}), acking on, a bounded number of tuples pending per spout.
 *
 * <p>Two routes, chosen per run: {@link Route#CROSS_WORKER} sends every tuple with a direct
 * grouping to a bolt task in the <em>other</em> worker, so each payload is Kryo-serialized, crosses
 * a loopback TCP connection and is deserialized (what HarmonicIO does between its processes);
 * {@link Route#IN_WORKER} sends it to a bolt task in the spout's own worker, where Storm hands the
 * same array over by reference (no copy, no serialization: memory hand-off, not transport).
 *
 * <p>One topology serves every run: the bench places an order (size, count, window) that the
 * spouts emit, and waits until the bolts received it all (resubmitting topologies in quick
 * succession upsets LocalCluster). The window bounds tuples emitted but not yet received across
 * all spouts (1 for latency runs).
 */
final class StormPayloads implements AutoCloseable {
    /** Where a spout sends its tuples. */
    enum Route {
        /** To a bolt task of the other worker: serialized, over Netty. */
        CROSS_WORKER,
        /** To a bolt task of the spout's own worker: the array by reference. */
        IN_WORKER
    }

    /** What the spouts emit now; null between runs. */
    private static volatile Order order;
    private final LocalCluster cluster;

    /** One run's payload size, route, window, messages left to emit and messages received. */
    private record Order(long id, int size, Route route, long window, long messages, AtomicLong emitted,
        AtomicLong received) {
        /** @return true when the caller may emit one more tuple (claimed atomically across spouts) */
        boolean claim() {
            final long e = emitted.get();
            return e < messages && e - received.get() < window && emitted.compareAndSet(e, e + 1);
        }
    }

    /**
     * @param spouts spout tasks (the sources)
     * @param pending most tuples pending (emitted, not yet acked) per spout
     */
    StormPayloads(final int spouts, final int pending) throws Exception {
        cluster = LocalStorm.start(1, 2);
        final TopologyBuilder b = new TopologyBuilder();
        b.setSpout("payloads", new PayloadSpout(), spouts);
        // two bolt tasks per worker, so every spout has a bolt task in its own worker and in the other
        b.setBolt("sink", new CountingBolt(), 4).directGrouping("payloads");
        final Config conf = new Config();
        conf.setNumWorkers(2);
        conf.setNumAckers(1);
        conf.setMaxSpoutPending(pending);
        conf.put(Config.TOPOLOGY_DEBUG, false);
        conf.put(Config.TOPOLOGY_FALL_BACK_ON_JAVA_SERIALIZATION, false);
        cluster.submitTopology("harmonic-bench", conf, b.createTopology());
        run(1024, 10, Route.CROSS_WORKER, Long.MAX_VALUE, "storm"); // waits until the topology runs
    }

    /**
     * @param route where spouts send
     * @return the runs on that route, as one system of the bench
     */
    PayloadSystem on(final Route route) {
        final String name = route == Route.CROSS_WORKER ? "storm" : "storm-inworker";
        return PayloadSystem.of(name, (size, messages, sources) -> run(size, messages, route, Long.MAX_VALUE, name),
            (size, messages) -> run(size, messages, route, 1, name));
    }

    private PayloadRun run(final int size, final long messages, final Route route, final long window, final String name)
        throws Exception {
        final Order o = new Order(System.nanoTime(), size, route, window, messages, new AtomicLong(),
            new AtomicLong());
        final long start = System.nanoTime();
        order = o;
        long last = 0;
        long lastProgress = System.nanoTime();
        while (o.received().get() < messages) {
            Thread.onSpinWait();
            final long now = o.received().get();
            if (now != last) {
                last = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > 180_000_000_000L) {
                throw new IllegalStateException("Storm stalled at " + now + " of " + messages + " messages");
            } else if (window > 1) {
                Thread.sleep(1);
            }
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        order = null;
        return new PayloadRun(name, messages, size, seconds);
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }

    /** Emits the current order's payloads directly to bolt tasks on its route, each with a message id so it is acked. */
    static final class PayloadSpout extends BaseRichSpout {
        private static final long serialVersionUID = 1L;
        private transient SpoutOutputCollector out;
        private transient byte[] payload;
        private transient long payloadFor;
        private transient long emitted;
        private transient Random random;
        private transient List<Integer> local;
        private transient List<Integer> remote;

        @Override
        public void open(final Map<String, Object> conf, final TopologyContext context, final SpoutOutputCollector collector) {
            out = collector;
            random = new Random(context.getThisTaskId());
            local = new ArrayList<>();
            remote = new ArrayList<>();
            for (final int task : context.getComponentTasks("sink")) {
                (context.getThisWorkerTasks().contains(task) ? local : remote).add(task);
            }
            if (local.isEmpty() || remote.isEmpty()) {
                throw new IllegalStateException("spout task " + context.getThisTaskId() + " needs a bolt task in its own "
                    + "worker and one in the other, got local " + local + ", remote " + remote);
            }
        }

        @Override
        public void nextTuple() {
            final Order o = order;
            if (o == null || !o.claim()) {
                return;
            }
            if (payload == null || payloadFor != o.id()) {
                payload = new byte[o.size()];
                random.nextBytes(payload);
                payloadFor = o.id();
            }
            final List<Integer> targets = o.route() == Route.CROSS_WORKER ? remote : local;
            out.emitDirect(targets.get((int) (emitted % targets.size())), new Values(payload), emitted++);
        }

        @Override
        public void declareOutputFields(final OutputFieldsDeclarer declarer) {
            declarer.declare(true, new Fields("payload"));
        }
    }

    /** Counts payloads received for the current order. */
    static final class CountingBolt extends BaseBasicBolt {
        private static final long serialVersionUID = 1L;

        @Override
        public void execute(final Tuple input, final BasicOutputCollector collector) {
            final Order o = order;
            if (o != null && input.getBinary(0).length == o.size()) {
                o.received().incrementAndGet();
            }
        }

        @Override
        public void declareOutputFields(final OutputFieldsDeclarer declarer) {
            // a sink emits nothing
        }
    }
}
