package io.dikw.collectives.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.dikw.collectives.plan.Algorithm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark at a tiny size: it measures every chosen algorithm and writes its table, JSON and charts. */
class BroadcastExperimentIT {
    @TempDir
    Path dir;

    @Test
    void shouldMeasureEveryAlgorithmSideBySideAndDrawTheRatios() throws Exception {
        final BenchConfig config = new BenchConfig(List.of(Algorithm.SERIAL, Algorithm.BINARY_TREE, Algorithm.AUTO),
            List.of(6), List.of(100, 5_000), 20, 5, 200, 16, 500, 2, 2);
        final List<BenchPoint> points = BroadcastExperiment.run(config, done -> { });
        assertThat(points).hasSize(config.points());
        assertThat(points).allSatisfy(p -> {
            assertThat(p.rounds()).isPositive();
            assertThat(p.p50Micros()).isPositive().isLessThanOrEqualTo(p.p99Micros());
            assertThat(p.broadcastsPerSecond()).isPositive();
            assertThat(p.messagesPerSecond()).isEqualTo(p.broadcastsPerSecond() * 6);
        });
        final BenchReport report = new BenchReport(config, points);
        assertThat(report.latencyRatio(points.get(0))).isEqualTo(1.0);
        report.writeJson(dir.resolve("results.json"), Map.of("test", true));
        assertThat(Files.readString(dir.resolve("results.json"))).contains("\"binary-tree\"", "latencyRatioOverSerial");
        assertThat(report.writeCharts(dir)).hasSize(4).allSatisfy(f -> assertThat(Files.size(f)).isPositive());
    }
}
