package io.dikw.collectives.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The shape of a cluster to start.
 *
 * @param dir where configuration, logs, pid files and daemon state live
 * @param supervisors how many supervisor processes (each is a distinct Storm node)
 * @param slotsPerSupervisor worker slots (ports) per supervisor
 * @param host the address every daemon binds to and advertises
 * @param workerHeapMb heap of each worker JVM
 * @param supervisorNetns empty to run every supervisor here; otherwise one network namespace per supervisor
 *     (a {@link NetnsLab} host), each supervisor then runs inside its namespace and advertises its address
 */
public record ClusterSpec(Path dir, int supervisors, int slotsPerSupervisor, String host, int workerHeapMb,
    List<String> supervisorNetns) {
    /** Default worker heap: small, since several workers share one machine. */
    public static final int DEFAULT_WORKER_HEAP_MB = 384;

    /** Checks the shape. */
    public ClusterSpec {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(host, "host");
        if (supervisors < 1 || supervisors > 64) {
            throw new IllegalArgumentException("supervisors must be 1..64, got " + supervisors);
        }
        if (slotsPerSupervisor < 1 || slotsPerSupervisor > 64) {
            throw new IllegalArgumentException("slots per supervisor must be 1..64, got " + slotsPerSupervisor);
        }
        supervisorNetns = List.copyOf(supervisorNetns);
        if (!supervisorNetns.isEmpty() && supervisorNetns.size() != supervisors) {
            throw new IllegalArgumentException(supervisors + " supervisors need " + supervisors + " network namespaces, got "
                + supervisorNetns.size() + " " + supervisorNetns);
        }
        for (final String ns : supervisorNetns) {
            if (NetnsLab.hostNumber(ns) < 1) {
                throw new IllegalArgumentException("'" + ns + "' is not a host of the namespace lab (dikw-ns1, dikw-ns2, ...); "
                    + "create them with './dikw storm-cluster netns up'");
            }
        }
        if (workerHeapMb < 64) {
            throw new IllegalArgumentException("worker heap must be at least 64 MB, got " + workerHeapMb);
        }
    }

    /**
     * @param dir the cluster's directory
     * @param supervisors supervisor processes
     * @param slotsPerSupervisor worker slots each
     * @return a cluster on the loopback address with the default worker heap
     */
    public static ClusterSpec onLoopback(final Path dir, final int supervisors, final int slotsPerSupervisor) {
        return new ClusterSpec(dir, supervisors, slotsPerSupervisor, "127.0.0.1", DEFAULT_WORKER_HEAP_MB, List.of());
    }
}
