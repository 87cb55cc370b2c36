package io.dikw.collectives.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Starts ZooKeeper, Nimbus and two supervisors with two slots each as separate processes, runs a
 * topology over four worker processes, kills one worker and watches the supervisor bring it back.
 */
class LocalStormClusterIT {
    private static final Path DIR = Path.of("target", "it-cluster").toAbsolutePath();
    private static LocalStormCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        LocalStormCluster.stop(DIR);
        cluster = LocalStormCluster.start(ClusterSpec.onLoopback(DIR, 2, 2), line -> System.out.println("[cluster] " + line));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.stop();
            assertThat(LocalStormCluster.isRunning(DIR)).isFalse();
            assertThat(cluster.workerPids()).isEmpty();
        }
    }

    @Test
    void startsTwoSupervisorsWithTwoSlotsEach() {
        final ClusterStatus status = cluster.status();
        assertThat(status.supervisors()).hasSize(2);
        assertThat(status.supervisors()).allSatisfy(s -> assertThat(s.slots()).isEqualTo(2));
        assertThat(status.supervisors().stream().map(ClusterStatus.Supervisor::id).distinct()).hasSize(2);
    }

    @Test
    void runsATopologyAcrossWorkerProcessesAndRecoversAKilledWorker() throws Exception {
        final ProbeRun probe = new ProbeRun(cluster);
        probe.submit(4);
        try {
            probe.await("4 worker processes reporting", Duration.ofSeconds(150),
                () -> probe.reportingPids().size() == 4 && cluster.workerPids().size() == 4);
            assertThat(cluster.status().topologies()).extracting(ClusterStatus.Topology::name).containsExactly(ProbeRun.NAME);
            final Set<Long> before = probe.reportingPids();
            assertThat(before).doesNotContain(ProcessHandle.current().pid());
            probe.await("tuples crossing processes", Duration.ofSeconds(30), () -> probe.crossProcessTuples() > 100);

            final long victim = before.stream().sorted().findFirst().orElseThrow();
            ProcessHandle.of(victim).orElseThrow().destroyForcibly();
            probe.await("the supervisor to restart the killed worker", Duration.ofSeconds(150), () -> {
                final List<Long> now = cluster.workerPids();
                return now.size() == 4 && !now.contains(victim);
            });
            probe.await("the new worker to process tuples", Duration.ofSeconds(90), () -> probe.reports().stream()
                .anyMatch(r -> !before.contains(r.pid()) && r.received() > 0));
        } finally {
            probe.kill();
        }
    }
}
