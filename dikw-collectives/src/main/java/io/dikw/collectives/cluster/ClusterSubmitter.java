package io.dikw.collectives.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.storm.StormSubmitter;
import org.apache.storm.generated.KillOptions;
import org.apache.storm.generated.StormTopology;
import org.apache.storm.utils.NimbusClient;

/**
 * Submits topologies to a cluster given by its Nimbus address (or by a local cluster's directory)
 * and kills them. The topology jar carries the topology's own classes and libraries but not Storm,
 * which the cluster's workers already have.
 */
public final class ClusterSubmitter {
    private final Map<String, Object> clusterConfig;

    /** @param clusterConfig Storm client settings naming the cluster (at least nimbus.seeds and nimbus.thrift.port) */
    public ClusterSubmitter(final Map<String, Object> clusterConfig) {
        this.clusterConfig = Map.copyOf(clusterConfig);
    }

    /**
     * @param cluster a running local cluster
     * @return a submitter for it
     */
    public static ClusterSubmitter to(final LocalStormCluster cluster) {
        return toNimbus(cluster.state().host(), cluster.state().nimbusPort());
    }

    /**
     * @param host Nimbus's host
     * @param port Nimbus's Thrift port
     * @return a submitter for that cluster
     */
    public static ClusterSubmitter toNimbus(final String host, final int port) {
        return new ClusterSubmitter(Map.of("nimbus.seeds", java.util.List.of(host), "nimbus.thrift.port", port));
    }

    /**
     * @param name the topology's name
     * @param topologyConfig its settings
     * @param topology the topology
     * @param jar the topology jar to upload
     * @throws Exception what Storm's submitter throws (already running, invalid, unreachable)
     */
    public void submit(final String name, final Map<String, Object> topologyConfig, final StormTopology topology,
        final Path jar) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("topology jar " + jar + " does not exist; build it with 'mvn -B -q install -DskipTests'");
        }
        final Map<String, Object> conf = new HashMap<>(topologyConfig);
        conf.putAll(clusterConfig);
        synchronized (ClusterSubmitter.class) {
            final String previous = System.getProperty("storm.jar");
            System.setProperty("storm.jar", jar.toAbsolutePath().toString());
            try {
                StormSubmitter.submitTopology(name, conf, topology);
            } finally {
                if (previous == null) {
                    System.clearProperty("storm.jar");
                } else {
                    System.setProperty("storm.jar", previous);
                }
            }
        }
    }

    /**
     * @param name a running topology's name
     * @param waitSecs seconds Storm lets it drain before its workers stop
     * @throws Exception when Nimbus cannot be reached or knows no such topology
     */
    public void kill(final String name, final int waitSecs) throws Exception {
        final Map<String, Object> conf = org.apache.storm.utils.Utils.readDefaultConfig();
        conf.putAll(clusterConfig);
        try (NimbusClient client = NimbusClient.getConfiguredClient(conf, 10_000)) {
            final KillOptions options = new KillOptions();
            options.set_wait_secs(waitSecs);
            client.getClient().killTopologyWithOpts(name, options);
        }
    }
}
