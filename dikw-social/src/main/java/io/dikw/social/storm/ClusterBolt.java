package io.dikw.social.storm;

import io.dikw.social.parallel.Classified;
import io.dikw.social.parallel.ClusterWorker;
import io.dikw.social.parallel.WireFormat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
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
 * protomemes routed to it; at each barrier it sends the batch's decisions to the coordinator with
 * its "batch done" notice ({@link DecisionBatch}) and holds back later protomemes until the
 * coordinator's sync message for that batch arrives (through its {@link SyncSpout}, from the
 * pub-sub broker), then brings its copy of the clusters up to date and goes on. As in the published
 * design it classifies nothing while it waits; it never blocks its executor, so its own output
 * always flows.
 */
public final class ClusterBolt extends BaseRichBolt {
    /** Batch-done notices to the coordinator, each with the worker's decisions for the batch. */
    public static final String DECISIONS = "decisions";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ClusterBolt.class);
    private static final long WARN_NANOS = 10_000_000_000L;

    private transient OutputCollector collector;
    private transient ClusterWorker worker;
    private transient ArrayDeque<Tuple> held;
    private transient List<Classified> decided;
    private transient long awaiting;
    private transient long awaitingSince;
    private transient long nextWarning;

    @Override
    public void prepare(final Map<String, Object> conf, final TopologyContext context, final OutputCollector out) {
        final SocialTopologyConfig config = SocialTopologyConfig.fromStormConf(conf);
        this.collector = out;
        this.worker = new ClusterWorker(context.getThisTaskIndex(), config.params());
        this.held = new ArrayDeque<>();
        this.decided = new ArrayList<>();
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
        if (kind == ProtomemeBolt.PROTOMEMES) {
            final WorkChunk chunk = (WorkChunk) tuple.getValue(2);
            for (int i = 0; i < chunk.size(); i++) {
                decided.add(worker.classify(chunk.seqs()[i], chunk.protomemes().get(i)));
            }
        } else {
            final long batch = tuple.getLong(1);
            collector.emit(DECISIONS, new Values(batch, worker.index(), new DecisionBatch(decided)));
            decided = new ArrayList<>();
            awaiting = batch;
            awaitingSince = System.nanoTime();
            nextWarning = awaitingSince + WARN_NANOS;
        }
    }

    private void onSync(final long batch, final byte[] payload) {
        if (batch != awaiting) {
            return; // a republished sync this worker already applied
        }
        worker.applySync(WireFormat.decodeSync(payload, worker.index()));
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
        declarer.declareStream(DECISIONS, new Fields("batch", "worker", "decisions"));
    }
}
