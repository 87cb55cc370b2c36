package io.dikw.collectives.bench;

import io.dikw.collectives.storm.LocalStorm;
import java.util.HashMap;
import java.util.Map;
import org.apache.storm.Config;
import org.apache.storm.LocalCluster;
import org.apache.storm.generated.KillOptions;
import org.apache.storm.generated.StormTopology;

/** The benchmark in an embedded {@code LocalCluster} whose in-process workers talk through Netty. */
public final class EmbeddedBenchCluster implements BenchCluster {
    private final LocalCluster cluster;

    /**
     * @param machines supervisors
     * @param slots worker slots per supervisor (twice what a topology uses: the next N starts while the
     *     last one's workers shut down)
     * @throws Exception when Storm does not start
     */
    public EmbeddedBenchCluster(final int machines, final int slots) throws Exception {
        cluster = LocalStorm.start(machines, slots);
    }

    @Override
    public String harnessHost() {
        return "127.0.0.1";
    }

    @Override
    public void submit(final String name, final Map<String, Object> conf, final StormTopology topology) throws Exception {
        final Map<String, Object> c = new HashMap<>(conf);
        c.put(Config.TOPOLOGY_WORKER_MAX_HEAP_SIZE_MB, 1024.0);
        cluster.submitTopology(name, c, topology);
    }

    @Override
    public void kill(final String name) throws Exception {
        final KillOptions kill = new KillOptions();
        kill.set_wait_secs(0);
        cluster.killTopologyWithOpts(name, kill);
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
