package io.dikw.microcluster.storm;

import io.dikw.microcluster.engine.BatchListener;
import io.dikw.microcluster.engine.EngineConfig;
import io.dikw.microcluster.engine.RunSummary;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;
import org.apache.storm.Config;
import org.apache.storm.LocalCluster;
import org.apache.storm.generated.KillOptions;
import org.apache.storm.generated.StormTopology;
import org.apache.storm.topology.TopologyBuilder;

/**
 * Parallel SCluStream as a Storm topology:
 * <pre>
 *   points (spout, 1) ══direct: blocks + batch ends══▶ partitions (p) ──windows──▶ merge (1)
 *          └──────────────── batch points (for scoring), end of stream ──────────▲
 * </pre>
 * The partitions and the merge run the same code as {@link io.dikw.microcluster.engine.LocalEngine},
 * so both give the same clusters. Runs embedded in {@link LocalCluster} ({@link #runLocal}).
 */
public final class MicroClusterTopology {
    /** The spout's component id. */
    public static final String SPOUT = "points";
    /** The partition bolts' component id. */
    public static final String PARTITIONS = "partitions";
    /** The merge bolt's component id. */
    public static final String MERGE = "merge";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MicroClusterTopology.class);

    private MicroClusterTopology() {
    }

    /**
     * @param runId  the run
     * @param spec   what to read
     * @param config the run's settings
     * @return the topology
     */
    public static StormTopology build(final String runId, final SourceSpec spec, final EngineConfig config) {
        final TopologyBuilder builder = new TopologyBuilder();
        builder.setSpout(SPOUT, new PointSpout(runId, spec, config), 1);
        builder.setBolt(PARTITIONS, new PartitionBolt(config, spec.layout().dims()), config.parallelism())
            .directGrouping(SPOUT, PointSpout.POINTS);
        builder.setBolt(MERGE, new MergeBolt(runId, config, spec.layout().dims()), 1)
            .globalGrouping(PARTITIONS, PartitionBolt.WINDOWS)
            .globalGrouping(SPOUT, PointSpout.BATCHES);
        return builder.createTopology();
    }

    /** @return Storm's configuration: no ackers, Kryo only (tuples carry numbers, arrays and strings) */
    public static Config stormConfig() {
        final Config conf = new Config();
        conf.setNumWorkers(1);
        conf.setNumAckers(0);
        conf.setFallBackOnJavaSerialization(false);
        conf.registerSerialization(double[].class);
        conf.registerSerialization(int[].class);
        conf.registerSerialization(long[].class);
        conf.put(Config.TOPOLOGY_DEBUG, false);
        return conf;
    }

    /** Kills the topology; a failure to kill (Nimbus not yet leader) must not hide the run's own outcome. */
    private static void kill(final LocalCluster cluster, final String name) {
        try {
            final KillOptions kill = new KillOptions();
            kill.set_wait_secs(0);
            cluster.killTopologyWithOpts(name, kill);
        } catch (final Exception e) {
            LOG.warn("could not kill topology {} (the embedded cluster shuts down anyway): {}", name, e.getMessage());
        }
    }

    /**
     * Runs the topology embedded until the stream ends.
     *
     * @param runId    a unique run id
     * @param spec     what to read
     * @param config   the run's settings
     * @param listener hears each batch, in order
     * @param progress hears points read (may be null)
     * @param timeout  the longest the run may take
     * @return the run's outcome
     * @throws Exception when Storm cannot start, the run fails, or the timeout passes
     */
    public static RunSummary runLocal(final String runId, final SourceSpec spec, final EngineConfig config,
        final BatchListener listener, final LongConsumer progress, final Duration timeout) throws Exception {
        final LocalRuns.Handle handle = LocalRuns.register(runId, listener, progress);
        final String name = "dikw-microcluster-" + runId;
        try (LocalCluster cluster = new LocalCluster()) {
            cluster.submitTopology(name, stormConfig(), build(runId, spec, config));
            try {
                return handle.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (final ExecutionException e) {
                final Throwable cause = e.getCause();
                if (cause instanceof Exception ex && cause.getMessage() != null) {
                    throw ex;
                }
                throw new IllegalStateException("the micro-cluster topology failed: " + cause, cause);
            } catch (final TimeoutException e) {
                throw new IllegalStateException("the micro-cluster topology did not finish within " + timeout, e);
            } finally {
                kill(cluster, name);
            }
        } finally {
            LocalRuns.remove(runId);
        }
    }
}
