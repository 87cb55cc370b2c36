package io.dikw.social.storm;

import io.dikw.social.parallel.ClusterWorker;
import io.dikw.social.parallel.WireFormat;
import io.dikw.social.protomeme.Protomeme;
import java.util.ArrayDeque;
import java.util.Map;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.base.BaseRichBolt;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Tuple;
import org.apache.storm.tuple.Values;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One parallel clustering worker in the topology (a {@link ClusterWorker}): classifies the
 * protomemes routed to it and sends its decisions to the coordinator; at each barrier it reports
 * the batch done and holds back later protomemes until the coordinator's sync message for that
 * batch arrives (through its {@link SyncSpout}, from the pub-sub broker), then brings its copy of
 * the clusters up to date and goes on. As in the published design it classifies nothing while it
 * waits; it never blocks its executor, so its own output always flows.
 */
public final class ClusterBolt extends BaseRichBolt {
    /** Decisions and batch-done notices to the coordinator. */
    public static final String DECISIONS = "decisions";
    /** A decisions tuple carrying one decision. */
    public static final int DECISION = 0;
    /** A decisions tuple saying the worker finished a batch. */
    public static final int DONE = 1;
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ClusterBolt.class);
    private static final long WARN_NANOS = 10_000_000_000L;

    private transient OutputCollector collector;
    private transient ClusterWorker worker;
    private transient ArrayDeque<Tuple> held;
    private transient long awaiting;
    private transient long awaitingSince;
    private transient long nextWarning;

    @Override
    public void prepare(final Map<String, Object> conf, final TopologyContext context, final OutputCollector out) {
        final SocialTopologyConfig config = SocialTopologyConfig.fromStormConf(conf);
        this.collector = out;
        this.worker = new ClusterWorker(context.getThisTaskIndex(), config.params());
        this.held = new ArrayDeque<>();
        this.awaiting = -1;
    }

    @Override
    public void execute(final Tuple tuple) {
        if (SyncSpout.SYNC_STREAM.equals(tuple.getSourceStreamId())) {
            onSync(tuple.getLong(0), tuple.getBinary(1));
        } else if (awaiting >= 0) {
            held.addLast(tuple);
            warnIfLong();
        } else {
            work(tuple);
        }
    }

    private void work(final Tuple tuple) {
        final int kind = tuple.getInteger(0);
        if (kind == ProtomemeBolt.PROTOMEME) {
            final long seq = tuple.getLong(1);
            collector.emit(DECISIONS, new Values(DECISION, seq, worker.index(),
                worker.classify(seq, (Protomeme) tuple.getValue(2))));
        } else {
            final long batch = tuple.getLong(1);
            collector.emit(DECISIONS, new Values(DONE, batch, worker.index(), null));
            awaiting = batch;
            awaitingSince = System.nanoTime();
            nextWarning = awaitingSince + WARN_NANOS;
        }
    }

    private void onSync(final long batch, final byte[] payload) {
        if (batch != awaiting) {
            return; // a republished sync this worker already applied
        }
        worker.applySync(WireFormat.decodeSync(payload));
        awaiting = -1;
        while (awaiting < 0 && !held.isEmpty()) {
            work(held.pollFirst());
        }
    }

    private void warnIfLong() {
        final long now = System.nanoTime();
        if (now >= nextWarning) {
            LOG.warn("clustering worker {} still waiting for sync {} from the coordinator ({} s, {} tuples held)",
                worker.index(), awaiting, (now - awaitingSince) / 1_000_000_000L, held.size());
            nextWarning = now + WARN_NANOS;
        }
    }

    @Override
    public void declareOutputFields(final OutputFieldsDeclarer declarer) {
        declarer.declareStream(DECISIONS, new Fields("kind", "seq", "worker", "payload"));
    }
}
