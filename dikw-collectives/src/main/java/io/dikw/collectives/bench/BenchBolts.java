package io.dikw.collectives.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.base.BaseRichBolt;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Tuple;
import org.apache.storm.tuple.Values;

/** B, W and G of the paper's Fig. 7: minimal work so that communication dominates. */
final class BenchBolts {
    private BenchBolts() {
    }

    /** The broadcast stream of one algorithm's workers. */
    static String stream(final int algorithm) {
        return "data-" + algorithm;
    }

    /** B: puts each message on the stream of its algorithm. */
    static final class Broadcaster extends BaseRichBolt {
        private static final long serialVersionUID = 1L;
        private final int algorithms;
        private transient OutputCollector out;

        Broadcaster(final int algorithms) {
            this.algorithms = algorithms;
        }

        @Override
        public void prepare(final Map<String, Object> conf, final TopologyContext context, final OutputCollector c) {
            out = c;
        }

        @Override
        public void execute(final Tuple t) {
            out.emit(stream(t.getInteger(1)), new Values(t.getValue(0), t.getValue(2), t.getValue(3), t.getValue(4)));
        }

        @Override
        public void declareOutputFields(final OutputFieldsDeclarer d) {
            for (int a = 0; a < algorithms; a++) {
                d.declareStream(stream(a), new Fields("phase", "id", "latency", "payload"));
            }
        }
    }

    /** W: tells G it got the message (the payload stays behind). */
    static final class Receiver extends BaseRichBolt {
        private static final long serialVersionUID = 1L;
        private transient OutputCollector out;

        @Override
        public void prepare(final Map<String, Object> conf, final TopologyContext context, final OutputCollector c) {
            out = c;
        }

        @Override
        public void execute(final Tuple t) {
            out.emit(new Values(t.getValue(0), t.getValue(1), t.getValue(2)));
        }

        @Override
        public void declareOutputFields(final OutputFieldsDeclarer d) {
            d.declare(new Fields("phase", "id", "latency"));
        }
    }

    /**
     * G: a broadcast is complete when all N receivers reported it; G then reports it to S over the
     * address S sent on {@link DriverSpout#DRIVER_STREAM} (completions before that wait).
     */
    static final class Gather extends BaseRichBolt {
        private static final long serialVersionUID = 1L;
        private final int tasks;
        private transient Map<Long, Integer> seen;
        private transient CompletionLink.Sender sender;
        private transient String driver;
        private transient List<Tuple> early;

        Gather(final int tasks) {
            this.tasks = tasks;
        }

        @Override
        public void prepare(final Map<String, Object> conf, final TopologyContext context, final OutputCollector c) {
            seen = new HashMap<>();
            early = new ArrayList<>();
        }

        @Override
        public void execute(final Tuple t) {
            try {
                if (DriverSpout.DRIVER_STREAM.equals(t.getSourceStreamId())) {
                    final String address = t.getString(0) + ":" + t.getInteger(1);
                    if (address.equals(driver)) {
                        return; // S repeats its address until it sees the connection
                    }
                    if (sender != null) {
                        sender.close(); // a restarted S
                    }
                    sender = new CompletionLink.Sender(t.getString(0), t.getInteger(1));
                    driver = address;
                    for (final Tuple e : early) {
                        count(e);
                    }
                    early.clear();
                } else if (sender == null) {
                    early.add(t);
                } else {
                    count(t);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("G cannot report to the driver spout", e);
            }
        }

        private void count(final Tuple t) throws IOException {
            final long id = t.getLong(1);
            final int n = seen.merge(id, 1, Integer::sum);
            if (n == tasks) {
                seen.remove(id);
                sender.completed(t.getInteger(0), id, t.getBoolean(2));
            }
        }

        @Override
        public void cleanup() {
            try {
                if (sender != null) {
                    sender.close();
                }
            } catch (IOException e) {
                // shutting down anyway
            }
        }

        @Override
        public void declareOutputFields(final OutputFieldsDeclarer d) {
        }
    }
}
