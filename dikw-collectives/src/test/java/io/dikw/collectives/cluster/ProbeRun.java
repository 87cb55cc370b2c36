package io.dikw.collectives.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Submits the {@link PidProbe} topology to a cluster and waits for what its reports show. */
final class ProbeRun {
    static final String NAME = "pid-probe";
    private final LocalStormCluster cluster;
    private final Path reports;
    private final ClusterSubmitter submitter;

    ProbeRun(final LocalStormCluster cluster) {
        this.cluster = cluster;
        this.reports = cluster.dir().resolve("probe-reports");
        this.submitter = ClusterSubmitter.to(cluster);
    }

    /** Submits the probe over {@code workers} worker processes with 8 counting tasks. */
    void submit(final int workers) throws Exception {
        try (Stream<Path> old = Files.exists(reports) ? Files.list(reports) : Stream.empty()) {
            for (final Path file : old.toList()) {
                Files.delete(file);
            }
        }
        final Map<String, Object> conf = new HashMap<>();
        conf.put("topology.workers", workers);
        conf.put("topology.acker.executors", 0);
        conf.put(PidProbe.REPORT_DIR, reports.toString());
        submitter.submit(NAME, conf, PidProbe.topology(8),
            TopologyJar.write(PidProbe.class, "PidProbe", cluster.dir().resolve("pid-probe-topology.jar")));
    }

    void kill() throws Exception {
        submitter.kill(NAME, 0);
    }

    java.util.List<PidProbe.Report> reports() {
        return PidProbe.reports(reports);
    }

    Set<Long> reportingPids() {
        return reports().stream().map(PidProbe.Report::pid).collect(Collectors.toSet());
    }

    Set<String> reportingAddresses() {
        return reports().stream().map(PidProbe.Report::address).collect(Collectors.toSet());
    }

    long crossProcessTuples() {
        return reports().stream().mapToLong(PidProbe.Report::crossProcess).sum();
    }

    void await(final String what, final Duration timeout, final BooleanSupplier condition) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
                    + "; reports: " + reports() + "; workers: " + cluster.workerPids() + "; logs in " + cluster.dir().resolve("logs"));
            }
            Thread.sleep(500);
        }
    }
}
