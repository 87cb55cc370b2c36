package io.dikw.collectives.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
        final Path reports = DIR.resolve("probe-reports");
        try (Stream<Path> old = Files.exists(reports) ? Files.list(reports) : Stream.empty()) {
            for (final Path file : old.toList()) {
                Files.delete(file);
            }
        }
        final Map<String, Object> conf = new HashMap<>();
        conf.put("topology.workers", 4);
        conf.put("topology.acker.executors", 0);
        conf.put(PidProbe.REPORT_DIR, reports.toString());
        final ClusterSubmitter submitter = ClusterSubmitter.to(cluster);
        submitter.submit("pid-probe", conf, PidProbe.topology(8), probeJar());
        try {
            await("4 worker processes reporting", Duration.ofSeconds(150),
                () -> reportingPids(reports).size() == 4 && cluster.workerPids().size() == 4);
            assertThat(cluster.status().topologies()).extracting(ClusterStatus.Topology::name).containsExactly("pid-probe");
            final Set<Long> before = reportingPids(reports);
            assertThat(before).doesNotContain(ProcessHandle.current().pid());
            await("tuples crossing processes", Duration.ofSeconds(30),
                () -> PidProbe.reports(reports).stream().mapToLong(PidProbe.Report::crossProcess).sum() > 100);

            final long victim = before.stream().sorted().findFirst().orElseThrow();
            ProcessHandle.of(victim).orElseThrow().destroyForcibly();
            await("the supervisor to restart the killed worker", Duration.ofSeconds(150), () -> {
                final List<Long> now = cluster.workerPids();
                return now.size() == 4 && !now.contains(victim);
            });
            await("the new worker to process tuples", Duration.ofSeconds(90), () -> PidProbe.reports(reports).stream()
                .anyMatch(r -> !before.contains(r.pid()) && r.received() > 0));
        } finally {
            submitter.kill("pid-probe", 0);
        }
    }

    private static Set<Long> reportingPids(final Path reports) {
        return PidProbe.reports(reports).stream().map(PidProbe.Report::pid).collect(Collectors.toSet());
    }

    private static void await(final String what, final Duration timeout, final BooleanSupplier condition) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
                    + "; reports: " + PidProbe.reports(DIR.resolve("probe-reports")) + "; workers: " + cluster.workerPids());
            }
            Thread.sleep(500);
        }
    }

    /** The probe's classes in a jar, as a user would ship a topology (Storm itself is on the workers' classpath). */
    private static Path probeJar() throws IOException {
        final Path classes = Path.of("target", "test-classes");
        final Path jar = Path.of("target", "pid-probe-topology.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> paths = Files.walk(classes.resolve("io/dikw/collectives/cluster"))) {
            for (final Path p : paths.filter(f -> f.getFileName().toString().startsWith("PidProbe")).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
