package io.dikw.collectives.bench;

import io.dikw.collectives.cluster.ClusterState;
import io.dikw.collectives.cluster.ClusterStatus;
import io.dikw.collectives.cluster.ClusterSubmitter;
import io.dikw.collectives.cluster.LocalStormCluster;
import io.dikw.collectives.cluster.TopologyJar;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.storm.generated.StormTopology;

/**
 * The benchmark on the multi-process cluster started by {@code ./dikw storm-cluster start}: every
 * worker is its own JVM, and tasks of different workers talk through Netty over the cluster's
 * network (loopback, or the bridge between network namespaces). The topology jar holds the
 * benchmark's classes; the rest is on the workers' classpath already.
 */
public final class ProcessBenchCluster implements BenchCluster {
    private static final Duration SLOTS_FREE = Duration.ofSeconds(120);
    private final LocalStormCluster cluster;
    private final ClusterSubmitter submitter;
    private final Path jar;

    /**
     * @param dir the directory of a running cluster
     * @throws IOException when the cluster's state cannot be read or the topology jar written
     * @throws IllegalStateException when no cluster runs there or it runs topologies already
     */
    public ProcessBenchCluster(final Path dir) throws IOException {
        if (!LocalStormCluster.isRunning(dir)) {
            throw new IllegalStateException("no running cluster in " + dir.toAbsolutePath().normalize()
                + "; start one with './dikw storm-cluster start --dir " + dir + "'");
        }
        cluster = LocalStormCluster.attach(dir);
        submitter = ClusterSubmitter.to(cluster);
        final ClusterStatus status = cluster.status();
        if (!status.topologies().isEmpty()) {
            throw new IllegalStateException("the cluster in " + cluster.dir() + " runs " + status.topologies().size()
                + " topologies already (" + status.topologies().get(0).name() + ", ...): the benchmark needs every slot; "
                + "kill them or restart the cluster");
        }
        jar = TopologyJar.write(BenchBolts.class, "", cluster.dir().resolve("collectives-bench-topology.jar"));
    }

    /** @return the cluster's supervisors (machines) */
    public int supervisors() {
        return cluster.state().supervisors().size();
    }

    /** @return worker slots of the first supervisor (all have the same) */
    public int slotsPerSupervisor() {
        return cluster.state().supervisors().get(0).slotPorts().size();
    }

    /** @return the cluster's shape, for reports */
    public String describe() {
        final ClusterState s = cluster.state();
        return supervisors() + " supervisors x " + slotsPerSupervisor() + " slots, worker heap " + s.workerHeapMb()
            + " MB, Nimbus " + s.host() + ":" + s.nimbusPort() + " (" + cluster.dir() + ")";
    }

    @Override
    public String harnessHost() {
        return cluster.state().host();
    }

    @Override
    public void submit(final String name, final Map<String, Object> conf, final StormTopology topology) throws Exception {
        submitter.submit(name, conf, topology, jar);
    }

    @Override
    public void kill(final String name) throws Exception {
        submitter.kill(name, 0);
        final long deadline = System.nanoTime() + SLOTS_FREE.toNanos();
        while (true) {
            final ClusterStatus status = cluster.status();
            if (status.topologies().isEmpty() && status.supervisors().stream().allMatch(s -> s.usedSlots() == 0)
                && cluster.workerPids().isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the workers of " + name + " did not stop within " + SLOTS_FREE.toSeconds()
                    + " s: " + status.render());
            }
            Thread.sleep(500);
        }
    }

    @Override
    public void close() {
        // the cluster belongs to whoever started it
    }
}
