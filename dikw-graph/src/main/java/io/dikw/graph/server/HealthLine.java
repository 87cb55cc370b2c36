package io.dikw.graph.server;

import java.util.Locale;
import java.util.Map;

/** Formats the server's once-a-second health line, with the update rate since the previous line. */
public final class HealthLine {
    private final GraphServer server;
    private long lastUpdates;
    private long lastNanos = System.nanoTime();

    /** @param server the server to describe */
    public HealthLine(final GraphServer server) {
        this.server = server;
        this.lastUpdates = server.counters().updatesApplied();
    }

    /**
     * @return e.g. {@code vertices=1,024 edges=16,384 batches=12 updates/s=1,203,001 queue=0/16 streams=1
     *     rejected=2 {bad-value=2} closed={end-of-session=3}}: rejected updates by reason once there are any
     */
    public synchronized String next() {
        final IngestCounters c = server.counters();
        final long now = System.nanoTime();
        final long updates = c.updatesApplied();
        final double rate = (updates - lastUpdates) / Math.max(1e-9, (now - lastNanos) / 1e9);
        lastUpdates = updates;
        lastNanos = now;
        final Map<String, Long> rejected = c.rejectedUpdates();
        final long total = rejected.values().stream().mapToLong(Long::longValue).sum();
        return String.format(Locale.ROOT, "vertices=%,d edges=%,d batches=%,d updates/s=%,.0f queue=%d/%d streams=%d "
                + "rejected=%,d%s closed=%s", server.store().vertexCount(), server.store().edgeCount(),
            server.store().batchesApplied(), rate, server.queued(), server.queueCapacity(), c.connectionsOpen(), total,
            total == 0 ? "" : " " + rejected, c.closedConnections());
    }
}
