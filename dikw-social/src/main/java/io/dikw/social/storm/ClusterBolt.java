package io.dikw.social.storm;

import io.dikw.core.pubsub.SyncSubscriber;
import io.dikw.social.parallel.ClusterWorker;
import io.dikw.social.parallel.SyncMessage;
import io.dikw.social.parallel.WireFormat;
import java.time.Duration;
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
 * the batch done and waits for the coordinator's sync message on the pub-sub channel, then
 * brings its copy of the clusters up to date. While it waits it does not classify, as in the
 * published design; Storm's bounded queues hold the stream back meanwhile.
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
    private static final Duration WARN_EVERY = Duration.ofSeconds(10);

    private transient SocialTopologyConfig config;
    private transient OutputCollector collector;
    private transient ClusterWorker worker;
    private transient SyncSubscriber subscriber;

    @Override
    public void prepare(final Map<String, Object> conf, final TopologyContext context, final OutputCollector out) {
        this.config = SocialTopologyConfig.fromStormConf(conf);
        this.collector = out;
        this.worker = new ClusterWorker(context.getThisTaskIndex(), config.params());
        this.subscriber = SyncSubscriber.subscribe(config.brokerUrl(), config.topic(), LOG::warn);
    }

    @Override
    public void execute(final Tuple tuple) {
        final int kind = tuple.getInteger(0);
        if (kind == ProtomemeBolt.PROTOMEME) {
            final byte[] pm = tuple.getBinary(2);
            collector.emit(DECISIONS, new Values(DECISION, tuple.getLong(1), worker.index(),
                WireFormat.encode(worker.classify(tuple.getLong(1), WireFormat.decodeProtomeme(pm)))));
        } else {
            final long batch = tuple.getLong(1);
            collector.emit(DECISIONS, new Values(DONE, batch, worker.index(), null));
            awaitSync(batch);
        }
    }

    private void awaitSync(final long batch) {
        final long start = System.nanoTime();
        long nextWarning = start + WARN_EVERY.toNanos();
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                // the topology is shutting down; Storm ends an executor quietly on this cause
                throw new IllegalStateException("interrupted while waiting for sync " + batch,
                    new InterruptedException());
            }
            final SyncSubscriber.Received received = subscriber.poll(Duration.ofMillis(500));
            if (received != null) {
                if (received.sequence() == batch) {
                    final SyncMessage message = WireFormat.decodeSync(received.payload());
                    worker.applySync(message);
                    return;
                }
                if (received.sequence() > batch) {
                    throw new IllegalStateException("worker " + worker.index() + " waiting for sync " + batch
                        + " received sync " + received.sequence() + ": a sync was skipped");
                }
                continue; // a republished sync this worker already applied
            }
            final long now = System.nanoTime();
            if (now >= nextWarning) {
                LOG.warn("clustering worker {} still waiting for sync {} from the coordinator on {} ({} s)",
                    worker.index(), batch, config.brokerUrl(), (now - start) / 1_000_000_000L);
                nextWarning = now + WARN_EVERY.toNanos();
            }
        }
    }

    @Override
    public void declareOutputFields(final OutputFieldsDeclarer declarer) {
        declarer.declareStream(DECISIONS, new Fields("kind", "seq", "worker", "payload"));
    }

    @Override
    public void cleanup() {
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
