package io.dikw.collectives.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.dikw.collectives.cluster.ClusterSpec;
import io.dikw.collectives.cluster.LocalStormCluster;
import io.dikw.collectives.plan.Algorithm;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark on a real multi-process cluster (ZooKeeper, Nimbus, two supervisors with one slot
 * each, so S, B, the W tasks and G are spread over two worker JVMs): a tiny grid, two algorithms;
 * the points come back from the workers to this process.
 */
class ProcessClusterExperimentIT {
    private static final Path DIR = Path.of("target", "it-bench-cluster").toAbsolutePath();

    @Test
    void measuresTwoAlgorithmsAcrossWorkerProcesses() throws Exception {
        LocalStormCluster.stop(DIR);
        final LocalStormCluster cluster = LocalStormCluster.start(ClusterSpec.onLoopback(DIR, 2, 1),
            line -> System.out.println("[cluster] " + line));
        try (ProcessBenchCluster storm = new ProcessBenchCluster(DIR)) {
            assertThat(storm.supervisors()).isEqualTo(2);
            final BenchConfig config = new BenchConfig(List.of(Algorithm.SERIAL, Algorithm.BINARY_TREE), List.of(4),
                List.of(1_000), 10, 2, 50, 8, 300, storm.supervisors(), storm.slotsPerSupervisor());
            final List<BenchPoint> points = BroadcastExperiment.run(config, storm, done -> { });
            assertThat(points).extracting(BenchPoint::algorithm).containsExactly(Algorithm.SERIAL, Algorithm.BINARY_TREE);
            assertThat(points).allSatisfy(p -> {
                assertThat(p.tasks()).isEqualTo(4);
                assertThat(p.rounds()).isPositive();
                assertThat(p.p50Micros()).isPositive().isLessThanOrEqualTo(p.p99Micros());
                assertThat(p.broadcastsPerSecond()).isPositive();
            });
            assertThat(cluster.status().topologies()).as("the benchmark's topology is gone").isEmpty();
        } finally {
            cluster.stop();
        }
        assertThat(LocalStormCluster.isRunning(DIR)).isFalse();
    }
}
