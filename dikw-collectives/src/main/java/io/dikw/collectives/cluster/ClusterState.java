package io.dikw.collectives.cluster;

import io.dikw.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * The addresses of a started cluster, written to {@code cluster.json} so that later commands
 * (status, stop, submit) can reach it.
 *
 * @param host the address every daemon advertises
 * @param zookeeperPort ZooKeeper's client port
 * @param nimbusPort Nimbus's Thrift port
 * @param supervisors each supervisor's name, Thrift port and worker slot ports
 * @param workerHeapMb heap of each worker JVM
 */
public record ClusterState(String host, int zookeeperPort, int nimbusPort, List<Supervisor> supervisors,
    int workerHeapMb) {

    /**
     * One supervisor's ports.
     *
     * @param name daemon name, e.g. "supervisor-1"
     * @param host the address it and its workers advertise
     * @param netns the network namespace it runs in, empty for the cluster's own
     * @param thriftPort its Thrift port
     * @param slotPorts the ports its workers listen on
     */
    public record Supervisor(String name, String host, String netns, int thriftPort, List<Integer> slotPorts) {
        /** @return the command prefix that runs a process where this supervisor lives */
        public List<String> launchPrefix() {
            return netns.isEmpty() ? List.of() : List.of("ip", "netns", "exec", netns);
        }
    }

    /**
     * @param layout the cluster's layout
     * @throws IOException when the file cannot be written
     */
    public void save(final ClusterLayout layout) throws IOException {
        Json.writeFile(layout.stateFile(), this);
    }

    /**
     * @param layout the cluster's layout
     * @return the saved state
     * @throws IOException when the file cannot be read
     * @throws IllegalStateException when the directory holds no cluster
     */
    public static ClusterState load(final ClusterLayout layout) throws IOException {
        if (!Files.isRegularFile(layout.stateFile())) {
            throw new IllegalStateException("no cluster in " + layout.dir() + " (no cluster.json); start one with "
                + "'./dikw storm-cluster start --dir " + layout.dir() + "'");
        }
        return Json.mapper().readValue(layout.stateFile().toFile(), ClusterState.class);
    }
}
