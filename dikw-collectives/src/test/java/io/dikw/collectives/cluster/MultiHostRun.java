package io.dikw.collectives.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs inside the lab's first host ({@code ip netns exec dikw-ns1 java ... MultiHostRun DIR}): starts
 * ZooKeeper and Nimbus there and one supervisor in each of dikw-ns2 and dikw-ns3, runs the probe
 * topology over four workers, and prints where its tasks ran. Exit code 0 when tuples flowed between
 * workers on both hosts.
 */
public final class MultiHostRun {
    private MultiHostRun() {
    }

    /** @param args the cluster directory */
    public static void main(final String[] args) throws Exception {
        final Path dir = Path.of(args[0]);
        final ClusterSpec spec = new ClusterSpec(dir, 2, 2, NetnsLab.address(1), ClusterSpec.DEFAULT_WORKER_HEAP_MB,
            List.of(NetnsLab.namespace(2), NetnsLab.namespace(3)));
        final LocalStormCluster cluster = LocalStormCluster.start(spec, line -> System.out.println("[cluster] " + line));
        int code = 1;
        try {
            final ProbeRun probe = new ProbeRun(cluster);
            probe.submit(4);
            probe.await("workers on both hosts", Duration.ofSeconds(180), () -> probe.reportingPids().size() == 4
                && probe.reportingAddresses().containsAll(List.of(NetnsLab.address(2), NetnsLab.address(3))));
            probe.await("tuples crossing hosts", Duration.ofSeconds(60), () -> probe.crossProcessTuples() > 100);
            System.out.println("MULTI-HOST OK: workers on " + probe.reportingAddresses() + ", " + probe.crossProcessTuples()
                + " tuples crossed processes");
            probe.kill();
            code = 0;
        } catch (AssertionError e) {
            System.out.println("MULTI-HOST FAILED: " + e.getMessage());
        } finally {
            cluster.stop();
        }
        System.exit(code);
    }
}
