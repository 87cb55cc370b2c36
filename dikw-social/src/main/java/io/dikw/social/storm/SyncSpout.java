package io.dikw.social.storm;

import io.dikw.core.pubsub.SyncSubscriber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.storm.spout.SpoutOutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.base.BaseRichSpout;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Values;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pub-sub side of one clustering worker: subscribes to the coordinator's sync topic on the
 * broker and hands each sync message to its clustering bolt (task i of this spout feeds task i of
 * the bolt). Receiving in a spout rather than blocking inside the bolt keeps the bolt's executor
 * running, so Storm can always flush what the bolt emitted (a bolt that blocks with tuples still
 * in its overflow buffer would never deliver its "batch done" notice).
 */
public final class SyncSpout extends BaseRichSpout {
    /** The sync messages, direct to the paired clustering task. */
    public static final String SYNC_STREAM = "sync";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SyncSpout.class);

    private transient SpoutOutputCollector collector;
    private transient SyncSubscriber subscriber;
    private transient int target;

    @Override
    public void open(final Map<String, Object> conf, final TopologyContext context, final SpoutOutputCollector out) {
        final SocialTopologyConfig config = SocialTopologyConfig.fromStormConf(conf);
        this.collector = out;
        final List<Integer> tasks = new ArrayList<>(context.getComponentTasks(SocialTopology.CLUSTER));
        Collections.sort(tasks);
        this.target = tasks.get(context.getThisTaskIndex());
        this.subscriber = SyncSubscriber.subscribe(config.brokerUrl(), config.topic(), LOG::warn);
    }

    @Override
    public void nextTuple() {
        final SyncSubscriber.Received received = subscriber.poll(Duration.ofMillis(1));
        if (received != null) {
            collector.emitDirect(target, SYNC_STREAM, new Values(received.sequence(), received.payload()));
        }
    }

    @Override
    public void declareOutputFields(final OutputFieldsDeclarer declarer) {
        declarer.declareStream(SYNC_STREAM, true, new Fields("batch", "payload"));
    }

    @Override
    public void close() {
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
