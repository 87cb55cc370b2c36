package io.dikw.microcluster.storm;

import io.dikw.core.io.DeadLetters;
import io.dikw.microcluster.data.CsvPointSource;
import io.dikw.microcluster.data.PointBlock;
import io.dikw.microcluster.engine.Batcher;
import io.dikw.microcluster.engine.EngineConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.storm.spout.SpoutOutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.base.BaseRichSpout;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Values;
import org.apache.storm.utils.Utils;

/**
 * Reads the CSV stream through the same {@link Batcher} as the in-JVM engines, a block per
 * {@code nextTuple} (so Storm's back pressure paces it), and sends each partition its blocks and
 * batch ends directly (one task per partition, in order), and the merge bolt each batch's points
 * (for scoring) and finally the end of the stream.
 */
public final class PointSpout extends BaseRichSpout {
    /** Stream to the partition bolts: kind 0 = block, 1 = end of batch. */
    public static final String POINTS = "points";
    /** Stream to the merge bolt: one tuple per batch, then one with eos = true. */
    public static final String BATCHES = "batches";
    private static final long serialVersionUID = 1L;

    private final String runId;
    private final SourceSpec spec;
    private final EngineConfig config;
    private transient SpoutOutputCollector out;
    private transient CsvPointSource source;
    private transient DeadLetters deadLetters;
    private transient Batcher batcher;
    private transient List<Integer> partitionTasks;
    private transient LocalRuns.Handle handle;
    private transient long readyNanos;
    private transient boolean finished;

    /**
     * @param runId  the run
     * @param spec   what to read
     * @param config the run's settings
     */
    public PointSpout(final String runId, final SourceSpec spec, final EngineConfig config) {
        this.runId = runId;
        this.spec = spec;
        this.config = config;
    }

    @Override
    public void open(final Map<String, Object> conf, final TopologyContext context,
        final SpoutOutputCollector collector) {
        this.out = collector;
        this.handle = LocalRuns.find(runId);
        this.partitionTasks = new ArrayList<>(context.getComponentTasks(MicroClusterTopology.PARTITIONS));
        partitionTasks.sort(null);
        this.deadLetters = spec.openDeadLetters();
        try {
            this.source = spec.open(deadLetters);
        } catch (final IOException | RuntimeException e) {
            fail(e);
            return;
        }
        this.batcher = new Batcher(config, source, new Batcher.Sink() {
            @Override
            public void block(final int partition, final PointBlock b) {
                if (readyNanos == 0) {
                    readyNanos = System.nanoTime();
                }
                final int n = b.count();
                out.emitDirect(partitionTasks.get(partition), POINTS, new Values(0, -1L, 0.0, n,
                    trim(b.values(), n * b.dims()), trim(b.times(), n), trim(b.labels(), n)));
            }

            @Override
            public void endBatch(final long batch, final double end, final long batchPoints,
                final List<PointBlock> blocks) {
                for (final int task : partitionTasks) {
                    out.emitDirect(task, POINTS, new Values(1, batch, end, 0, new double[0], new double[0], new int[0]));
                }
                final long ready = readyNanos == 0 ? System.nanoTime() : readyNanos;
                readyNanos = 0;
                double[] values = new double[0];
                int[] labels = new int[0];
                if (config.evaluate()) {
                    int total = 0;
                    for (final PointBlock b : blocks) {
                        total += b.count();
                    }
                    final int d = source.dims();
                    values = new double[total * d];
                    labels = new int[total];
                    int at = 0;
                    for (final PointBlock b : blocks) {
                        System.arraycopy(b.values(), 0, values, at * d, b.count() * d);
                        System.arraycopy(b.labels(), 0, labels, at, b.count());
                        at += b.count();
                    }
                }
                out.emit(BATCHES, new Values(batch, end, batchPoints, values, labels, ready, false, 0L, ""));
            }
        });
    }

    private static double[] trim(final double[] a, final int n) {
        return a.length == n ? a : Arrays.copyOf(a, n);
    }

    private static int[] trim(final int[] a, final int n) {
        return a.length == n ? a : Arrays.copyOf(a, n);
    }

    @Override
    public void nextTuple() {
        if (finished) {
            Utils.sleep(50);
            return;
        }
        try {
            if (!batcher.step()) {
                finished = true;
                out.emit(BATCHES, new Values(batcher.batches(), 0.0, batcher.points(), new double[0], new int[0], 0L,
                    true, source.rowsSkipped(), String.join("\n", source.labelNames())));
                source.close();
                deadLetters.close();
            }
            if (handle != null) {
                handle.progress().accept(batcher.points());
            }
        } catch (final IOException | RuntimeException e) {
            fail(e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void fail(final Exception e) {
        finished = true;
        if (handle != null) {
            handle.done().completeExceptionally(e);
        } else {
            throw new IllegalStateException("reading " + spec.file() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void declareOutputFields(final OutputFieldsDeclarer declarer) {
        declarer.declareStream(POINTS, true, new Fields("kind", "batch", "end", "count", "values", "times", "labels"));
        declarer.declareStream(BATCHES, new Fields("batch", "end", "batchPoints", "values", "labels", "readyNanos",
            "eos", "skipped", "labelNames"));
    }
}
