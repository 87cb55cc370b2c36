package io.dikw.social.storm;

import io.dikw.core.pubsub.EmbeddedBroker;
import io.dikw.core.pubsub.SyncPublisher;
import io.dikw.social.pipeline.RunSummary;
import io.dikw.social.pipeline.StepListener;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.storm.Config;
import org.apache.storm.LocalCluster;
import org.apache.storm.StormSubmitter;
import org.apache.storm.generated.KillOptions;
import org.apache.storm.generated.StormTopology;
import org.apache.storm.topology.TopologyBuilder;

/**
 * The parallel meme-clustering topology, after Gao et al. (CCGrid 2015):
 * <pre>
 *   tweets (spout) → protomemes (1) ══direct by marker══▶ cluster (N) ──decisions──▶ coordinator (1)
 *                              └────────── batch meta ──────────────────────────────▲
 *   coordinator ══ sync messages over the pub-sub broker (Artemis) ══▶ sync spout i ──direct──▶ cluster task i
 * </pre>
 * It runs embedded in Storm's {@link LocalCluster} by default ({@link #runLocal}) and is submitted
 * unchanged to a real cluster with {@link #submit}.
 */
public final class SocialTopology {
    /** The spout's component id. */
    public static final String SPOUT = "tweets";
    /** The protomeme bolt's component id. */
    public static final String PROTOMEMES = "protomemes";
    /** The sync spouts' component id (one per clustering bolt). */
    public static final String SYNC = "sync";
    /** The clustering bolts' component id. */
    public static final String CLUSTER = "cluster";
    /** The coordinator's component id. */
    public static final String COORDINATOR = "coordinator";

    private SocialTopology() {
    }

    /**
     * @param config the run's configuration
     * @return the topology
     */
    public static StormTopology build(final SocialTopologyConfig config) {
        final TopologyBuilder builder = new TopologyBuilder();
        builder.setSpout(SPOUT, new TweetSpout(), 1);
        builder.setBolt(PROTOMEMES, new ProtomemeBolt(), 1)
            .globalGrouping(SPOUT)
            .globalGrouping(SPOUT, TweetSpout.EOF_STREAM);
        builder.setSpout(SYNC, new SyncSpout(), config.workers());
        builder.setBolt(CLUSTER, new ClusterBolt(), config.workers())
            .directGrouping(PROTOMEMES, ProtomemeBolt.WORK_STREAM)
            .directGrouping(SYNC, SyncSpout.SYNC_STREAM);
        builder.setBolt(COORDINATOR, new CoordinatorBolt(), 1)
            .globalGrouping(CLUSTER, ClusterBolt.DECISIONS)
            .globalGrouping(PROTOMEMES, ProtomemeBolt.META_STREAM);
        return builder.createTopology();
    }

    /**
     * @param config the run's configuration
     * @param workerProcesses Storm worker processes (1 embedded)
     * @return Storm's configuration for the topology
     */
    public static Config stormConfig(final SocialTopologyConfig config, final int workerProcesses) {
        final Config conf = new Config();
        conf.putAll(config.toStormConf());
        conf.setNumWorkers(workerProcesses);
        conf.setNumAckers(0);
        conf.setFallBackOnJavaSerialization(false); // tuples carry numbers, strings, bytes and objects in WireFormat
        WireKryo.register(conf);
        conf.put(Config.TOPOLOGY_DEBUG, false);
        // An idle executor sleeps 1 ms between polls at once instead of parking 1,000 times first:
        // the parks burn the CPU the busy stages need when the topology shares a few cores.
        conf.put(Config.TOPOLOGY_BOLT_WAIT_PROGRESSIVE_LEVEL2_COUNT, 0);
        return conf;
    }

    /**
     * Runs the topology embedded until the stream ends.
     *
     * @param config the run's configuration (its brokerUrl must answer)
     * @param progress hears every step
     * @param timeout the longest the run may take
     * @return the run's outcome
     * @throws Exception when Storm cannot start, the run fails, or the timeout passes
     */
    public static RunSummary runLocal(final SocialTopologyConfig config, final StepListener progress,
        final Duration timeout) throws Exception {
        requireBroker(config.brokerUrl());
        final LocalRuns.Handle handle = LocalRuns.register(config.runId(), progress);
        final String name = "dikw-social-" + config.runId();
        try (LocalCluster cluster = new LocalCluster()) {
            cluster.submitTopology(name, stormConfig(config, 1), build(config));
            try {
                return handle.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (final ExecutionException e) {
                throw new IllegalStateException("the clustering topology failed: " + e.getCause().getMessage(),
                    e.getCause());
            } catch (final TimeoutException e) {
                throw new IllegalStateException("the clustering topology did not finish within " + timeout, e);
            } finally {
                final KillOptions kill = new KillOptions();
                kill.set_wait_secs(0);
                cluster.killTopologyWithOpts(name, kill);
            }
        } finally {
            LocalRuns.remove(config.runId());
        }
    }

    /**
     * Fails fast, before Storm starts, when the broker does not answer: a bolt that cannot reach it
     * would otherwise take the embedded cluster down.
     *
     * @param url the broker's URL
     * @throws io.dikw.core.pubsub.BrokerUnavailableException naming the URL when it does not answer
     */
    static void requireBroker(final String url) {
        try (SyncPublisher probe = SyncPublisher.connect(url, "dikw.preflight", message -> { })) {
            // connected: the broker answers
        }
    }

    /**
     * Runs the topology embedded, starting an in-process broker when the configuration names none
     * ({@code brokerUrl} empty) and stopping it afterwards.
     *
     * @param config the run's configuration
     * @param progress hears every step
     * @param timeout the longest the run may take
     * @return the run's outcome
     * @throws Exception as {@link #runLocal}
     */
    public static RunSummary runEmbedded(final SocialTopologyConfig config, final StepListener progress,
        final Duration timeout) throws Exception {
        if (!config.brokerUrl().isEmpty()) {
            return runLocal(config, progress, timeout);
        }
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            return runLocal(config.withBroker(broker.url()), progress, timeout);
        }
    }

    /**
     * Submits the same topology to a running Storm cluster. The topology jar is given by the
     * {@code storm.jar} system property (as {@code storm jar} sets it) or {@code jar}.
     *
     * @param config the run's configuration (paths must exist on the cluster's machines; the broker
     *     must be reachable from them)
     * @param nimbusHost Nimbus's host
     * @param nimbusPort Nimbus's Thrift port (6627 by default)
     * @param workerProcesses worker processes to use
     * @param jar the topology jar
     * @throws Exception when submission fails
     */
    public static void submit(final SocialTopologyConfig config, final String nimbusHost, final int nimbusPort,
        final int workerProcesses, final String jar) throws Exception {
        final Config conf = stormConfig(config, workerProcesses);
        conf.put(Config.NIMBUS_SEEDS, java.util.List.of(nimbusHost));
        conf.put(Config.NIMBUS_THRIFT_PORT, nimbusPort);
        if (System.getProperty("storm.jar") == null) {
            System.setProperty("storm.jar", jar);
        }
        StormSubmitter.submitTopology("dikw-social-" + config.runId(), conf, build(config));
    }
}
