package io.dikw.microcluster.storm;

import io.dikw.microcluster.cf.CfWire;
import io.dikw.microcluster.data.PointBlock;
import io.dikw.microcluster.engine.BatchFinisher;
import io.dikw.microcluster.engine.BatchListener;
import io.dikw.microcluster.engine.BatchResult;
import io.dikw.microcluster.engine.EngineConfig;
import io.dikw.microcluster.engine.PendingBatches;
import io.dikw.microcluster.engine.RunSummary;
import io.dikw.microcluster.online.OnlineStats;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.base.BaseRichBolt;
import org.apache.storm.tuple.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The merge step (one task): once a batch's p partition windows and its points have arrived, unites
 * the windows, runs the offline phase and scores ({@link BatchFinisher}, the same code as the
 * in-JVM engine), and reports the result; at the end of the stream it completes the run.
 */
public final class MergeBolt extends BaseRichBolt {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MergeBolt.class);

    private final String runId;
    private final EngineConfig config;
    private final int dims;
    private transient BatchFinisher finisher;
    private transient LocalRuns.Handle handle;
    private transient PendingBatches<Tuple> pending;
    private transient long[][] decisions;
    private transient long finished;
    private transient Tuple eos;
    private transient long firstNanos;

    /**
     * @param runId  the run
     * @param config the run's settings
     * @param dims   dimensions
     */
    public MergeBolt(final String runId, final EngineConfig config, final int dims) {
        this.runId = runId;
        this.config = config;
        this.dims = dims;
    }

    @Override
    public void prepare(final Map<String, Object> conf, final TopologyContext context, final OutputCollector collector) {
        this.handle = LocalRuns.find(runId);
        final BatchListener listener = handle != null ? handle.listener() : MergeBolt::log;
        this.finisher = new BatchFinisher(config, dims, listener);
        this.pending = new PendingBatches<>(config.parallelism());
        this.decisions = new long[config.parallelism()][];
    }

    private static void log(final BatchResult r) {
        LOG.info(String.format(Locale.ROOT, "batch %d: %d points, window %.0f points in %d micro-clusters, %d macro "
            + "clusters, SSQ %s", r.batch(), r.batchPoints(), r.windowPoints(), r.microClusters(), r.macro().k(),
            r.quality() == null ? "-" : String.format(Locale.ROOT, "%.4g", r.quality().ssq())));
    }

    @Override
    public void execute(final Tuple t) {
        if (firstNanos == 0) {
            firstNanos = System.nanoTime();
        }
        try {
            final PendingBatches.Complete<Tuple> done;
            if (PointSpout.BATCHES.equals(t.getSourceStreamId())) {
                if (t.getBooleanByField("eos")) {
                    eos = t;
                    completeIfDone();
                    return;
                }
                done = pending.points(t.getLongByField("batch"), t);
            } else {
                final int part = t.getIntegerByField("partition");
                decisions[part] = (long[]) t.getValueByField("decisions");
                done = pending.window(t.getLongByField("batch"), part,
                    CfWire.decode((double[]) t.getValueByField("window"), dims), t.getLongByField("startNanos"));
            }
            if (done != null) {
                final Tuple p = done.points();
                final double[] values = (double[]) p.getValueByField("values");
                final int[] labels = (int[]) p.getValueByField("labels");
                final int n = labels.length;
                final List<PointBlock> blocks = n == 0 ? List.of()
                    : List.of(PointBlock.wrap(dims, values, new double[n], labels, n));
                final long ready = p.getLongByField("readyNanos");
                finisher.finish(done.batch(), p.getDoubleByField("end"), p.getLongByField("batchPoints"), blocks,
                    done.windows(), ready, Math.max(done.startNanos(), ready));
                finished++;
                completeIfDone();
            }
        } catch (final RuntimeException e) {
            if (handle == null) {
                throw e;
            }
            handle.done().completeExceptionally(e);
        }
    }

    private void completeIfDone() {
        if (eos == null || finished < eos.getLongByField("batch")) {
            return;
        }
        final OnlineStats stats = new OnlineStats();
        for (final long[] d : decisions) {
            if (d != null) {
                stats.addAll(d);
            }
        }
        final String names = eos.getStringByField("labelNames");
        final RunSummary summary = new RunSummary(eos.getLongByField("batchPoints"), finished,
            (System.nanoTime() - firstNanos) / 1e9, finisher.last(), stats,
            names.isEmpty() ? List.of() : List.of(names.split("\n", -1)), eos.getLongByField("skipped"));
        if (handle != null) {
            handle.done().complete(summary);
        } else {
            LOG.info("stream done: {} points in {} batches, {} bad rows skipped", summary.points(), summary.batches(),
                summary.rejected());
        }
    }

    @Override
    public void declareOutputFields(final OutputFieldsDeclarer declarer) {
        // results leave through LocalRuns (embedded) or the log (cluster)
    }
}
