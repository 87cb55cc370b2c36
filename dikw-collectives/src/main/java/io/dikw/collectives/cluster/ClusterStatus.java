package io.dikw.collectives.cluster;

import java.util.List;
import java.util.Locale;

/**
 * What Nimbus reports about a running cluster.
 *
 * @param nimbus Nimbus's host:port
 * @param supervisors the registered supervisors
 * @param topologies the running topologies
 */
public record ClusterStatus(String nimbus, List<Supervisor> supervisors, List<Topology> topologies) {

    /**
     * @param id the supervisor's id (a Storm node id)
     * @param host its host
     * @param slots worker slots
     * @param usedSlots slots running a worker
     * @param uptimeSecs seconds since it started
     */
    public record Supervisor(String id, String host, int slots, int usedSlots, int uptimeSecs) {
    }

    /**
     * @param name the topology's name
     * @param id its id
     * @param status e.g. ACTIVE
     * @param workers its worker count
     * @param executors its executor count
     * @param uptimeSecs seconds since it was submitted
     */
    public record Topology(String name, String id, String status, int workers, int executors, int uptimeSecs) {
    }

    /** @return free worker slots */
    public int freeSlots() {
        return supervisors.stream().mapToInt(s -> s.slots() - s.usedSlots()).sum();
    }

    /** @return a few lines for people */
    public String render() {
        final StringBuilder out = new StringBuilder();
        final int slots = supervisors.stream().mapToInt(Supervisor::slots).sum();
        out.append(String.format(Locale.ROOT, "Nimbus %s: %d supervisors, %d slots (%d used, %d free), %d topologies%n",
            nimbus, supervisors.size(), slots, slots - freeSlots(), freeSlots(), topologies.size()));
        for (final Supervisor s : supervisors) {
            out.append(String.format(Locale.ROOT, "  supervisor %s on %s: %d/%d slots used, up %ds%n",
                s.id(), s.host(), s.usedSlots(), s.slots(), s.uptimeSecs()));
        }
        for (final Topology t : topologies) {
            out.append(String.format(Locale.ROOT, "  topology %s (%s): %s, %d workers, %d executors, up %ds%n",
                t.name(), t.id(), t.status(), t.workers(), t.executors(), t.uptimeSecs()));
        }
        return out.toString();
    }
}
