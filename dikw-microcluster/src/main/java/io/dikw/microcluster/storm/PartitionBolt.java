package io.dikw.microcluster.storm;

import io.dikw.microcluster.cf.CfWire;
import io.dikw.microcluster.data.PointBlock;
import io.dikw.microcluster.engine.EngineConfig;
import io.dikw.microcluster.engine.PartitionState;
import java.util.Map;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.base.BaseRichBolt;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Tuple;
import org.apache.storm.tuple.Values;

/**
 * One partition: runs the online phase on the blocks it is sent ({@link PartitionState}) and, at
 * each batch end, sends its window's micro-clusters to the merge bolt.
 */
public final class PartitionBolt extends BaseRichBolt {
    /** Stream to the merge bolt. */
    public static final String WINDOWS = "windows";
    private static final long serialVersionUID = 1L;

    private final EngineConfig config;
    private final int dims;
    private transient PartitionState state;
    private transient OutputCollector out;
    private transient int partition;
    private transient long startNanos;

    /**
     * @param config the run's settings
     * @param dims   dimensions of a point
     */
    public PartitionBolt(final EngineConfig config, final int dims) {
        this.config = config;
        this.dims = dims;
    }

    @Override
    public void prepare(final Map<String, Object> conf, final TopologyContext context, final OutputCollector collector) {
        this.out = collector;
        this.partition = context.getThisTaskIndex();
        this.state = new PartitionState(config, partition, dims);
    }

    @Override
    public void execute(final Tuple t) {
        if (t.getIntegerByField("kind") == 0) {
            if (startNanos == 0) {
                startNanos = System.nanoTime();
            }
            state.add(PointBlock.wrap(dims, (double[]) t.getValueByField("values"), (double[]) t.getValueByField("times"),
                (int[]) t.getValueByField("labels"), t.getIntegerByField("count")));
        } else {
            final long start = startNanos == 0 ? System.nanoTime() : startNanos;
            startNanos = 0;
            final double[] window = CfWire.encode(state.endBatch(t.getDoubleByField("end")));
            out.emit(WINDOWS, new Values(t.getLongByField("batch"), partition, window, start, state.stats().toArray()));
        }
    }

    @Override
    public void declareOutputFields(final OutputFieldsDeclarer declarer) {
        declarer.declareStream(WINDOWS, new Fields("batch", "partition", "window", "startNanos", "decisions"));
    }
}
