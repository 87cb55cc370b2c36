package io.dikw.bench.harmonic;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * The same workload through Storm: a spout emitting byte-array payloads, a bolt receiving them,
 * in a LocalCluster with two worker slots (so tuples between spout and bolt are serialized as
 * between HarmonicIO's processes), acking on and at most 16 tuples pending per spout.
 */
final class StormPayloads implements AutoCloseable {
    private static final Map<String, AtomicLong> RECEIVED = new ConcurrentHashMap<>();
    private final LocalCluster cluster;

    StormPayloads() throws Exception {
        cluster = new LocalCluster();
    }

    PayloadRun run(final int size, final long messages, final int spouts) throws Exception {
        final String id = "bench-" + System.nanoTime();
        final AtomicLong received = new AtomicLong();
        RECEIVED.put(id, received);
        final TopologyBuilder b = new TopologyBuilder();
        b.setSpout("payloads", new PayloadSpout(size, messages / spouts), spouts);
        b.setBolt("sink", new CountingBolt(id), 2).shuffleGrouping("payloads");
        final Config conf = new Config();
        conf.setNumWorkers(2);
        conf.setNumAckers(1);
        conf.setMaxSpoutPending(16);
        conf.put(Config.TOPOLOGY_DEBUG, false);
        conf.put(Config.TOPOLOGY_FALL_BACK_ON_JAVA_SERIALIZATION, false);
        final long expected = messages / spouts * spouts;
        final long start = System.nanoTime();
        cluster.submitTopology(id, conf, b.createTopology());
        try {
            long lastProgress = System.nanoTime();
            long last = 0;
            while (received.get() < expected) {
                Thread.sleep(2);
                if (received.get() != last) {
                    last = received.get();
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > 120_000_000_000L) {
                    throw new IllegalStateException("Storm stalled at " + last + " of " + expected + " messages");
                }
            }
            return new PayloadRun("storm", expected, size, (System.nanoTime() - start) / 1e9);
        } finally {
            cluster.killTopology(id);
            RECEIVED.remove(id);
        }
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }

    /** Emits {@code count} payloads of {@code size} bytes, each with a message id so it is acked. */
    static final class PayloadSpout extends BaseRichSpout {
        private static final long serialVersionUID = 1L;
        private final int size;
        private final long count;
        private transient SpoutOutputCollector out;
        private transient byte[] payload;
        private transient long emitted;

        PayloadSpout(final int size, final long count) {
            this.size = size;
            this.count = count;
        }

        @Override
        public void open(final Map<String, Object> conf, final TopologyContext context, final SpoutOutputCollector collector) {
            out = collector;
            payload = new byte[size];
            new java.util.Random(context.getThisTaskId()).nextBytes(payload);
        }

        @Override
        public void nextTuple() {
            if (emitted < count) {
                out.emit(new Values(payload), emitted++);
            }
        }

        @Override
        public void declareOutputFields(final OutputFieldsDeclarer declarer) {
            declarer.declare(new Fields("payload"));
        }
    }

    /** Counts payloads received. */
    static final class CountingBolt extends BaseBasicBolt {
        private static final long serialVersionUID = 1L;
        private final String id;

        CountingBolt(final String id) {
            this.id = id;
        }

        @Override
        public void execute(final Tuple input, final BasicOutputCollector collector) {
            if (input.getBinary(0).length > 0) {
                RECEIVED.get(id).incrementAndGet();
            }
        }

        @Override
        public void declareOutputFields(final OutputFieldsDeclarer declarer) {
            // a sink emits nothing
        }
    }
}
