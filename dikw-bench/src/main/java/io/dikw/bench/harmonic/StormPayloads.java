package io.dikw.bench.harmonic;

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
 * a LocalCluster with two worker slots (so tuples between spout and bolt are serialized as between
 * HarmonicIO's processes), acking on and at most 16 tuples pending per spout. One topology serves
 * every run: the bench places an order (size, count) that the spouts emit, and waits until the
 * bolts received it all (resubmitting topologies in quick succession upsets LocalCluster).
 */
final class StormPayloads implements AutoCloseable {
    /** What the spouts emit now; null between runs. */
    private static volatile Order order;
    private final LocalCluster cluster;

    /** One run's payload size, messages left to emit and messages received. */
    private record Order(long id, int size, AtomicLong toEmit, AtomicLong received) {
    }

    StormPayloads(final int spouts) throws Exception {
        cluster = new LocalCluster();
        final TopologyBuilder b = new TopologyBuilder();
        b.setSpout("payloads", new PayloadSpout(), spouts);
        b.setBolt("sink", new CountingBolt(), 2).shuffleGrouping("payloads");
        final Config conf = new Config();
        conf.setNumWorkers(2);
        conf.setNumAckers(1);
        conf.setMaxSpoutPending(16);
        conf.put(Config.TOPOLOGY_DEBUG, false);
        conf.put(Config.TOPOLOGY_FALL_BACK_ON_JAVA_SERIALIZATION, false);
        cluster.submitTopology("harmonic-bench", conf, b.createTopology());
        run(1024, 10, spouts); // waits until the topology runs
    }

    PayloadRun run(final int size, final long messages, final int spouts) throws Exception {
        final Order o = new Order(System.nanoTime(), size, new AtomicLong(messages), new AtomicLong());
        final long start = System.nanoTime();
        order = o;
        long last = 0;
        long lastProgress = System.nanoTime();
        while (o.received().get() < messages) {
            Thread.sleep(1);
            final long now = o.received().get();
            if (now != last) {
                last = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > 180_000_000_000L) {
                throw new IllegalStateException("Storm stalled at " + now + " of " + messages + " messages");
            }
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        order = null;
        return new PayloadRun("storm", messages, size, seconds);
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }

    /** Emits the current order's payloads, each with a message id so it is acked. */
    static final class PayloadSpout extends BaseRichSpout {
        private static final long serialVersionUID = 1L;
        private transient SpoutOutputCollector out;
        private transient byte[] payload;
        private transient long payloadFor;
        private transient long emitted;
        private transient Random random;

        @Override
        public void open(final Map<String, Object> conf, final TopologyContext context, final SpoutOutputCollector collector) {
            out = collector;
            random = new Random(context.getThisTaskId());
        }

        @Override
        public void nextTuple() {
            final Order o = order;
            if (o == null || o.toEmit().get() <= 0) {
                return;
            }
            if (payload == null || payloadFor != o.id()) {
                payload = new byte[o.size()];
                random.nextBytes(payload);
                payloadFor = o.id();
            }
            if (o.toEmit().getAndDecrement() > 0) {
                out.emit(new Values(payload), emitted++);
            }
        }

        @Override
        public void declareOutputFields(final OutputFieldsDeclarer declarer) {
            declarer.declare(new Fields("payload"));
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
