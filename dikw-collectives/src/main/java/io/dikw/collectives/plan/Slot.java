package io.dikw.collectives.plan;

import java.util.Objects;

/**
 * Where a task runs: a worker process, named by its machine (Storm node id, not host name: several
 * supervisors on one host are several machines) and its port.
 *
 * @param node the Storm node (supervisor) id
 * @param port the worker's port on that node
 */
public record Slot(String node, int port) implements Comparable<Slot> {

    /** Validates the node id. */
    public Slot {
        Objects.requireNonNull(node, "node");
    }

    @Override
    public int compareTo(final Slot o) {
        final int c = node.compareTo(o.node);
        return c != 0 ? c : Integer.compare(port, o.port);
    }

    @Override
    public String toString() {
        return node + ":" + port;
    }
}
