package io.dikw.graph.server;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What the server has taken in and turned away, for health lines and tests. Thread-safe. */
public final class IngestCounters {
    final AtomicLong framesReceived = new AtomicLong();
    final AtomicLong batchesApplied = new AtomicLong();
    final AtomicLong insertions = new AtomicLong();
    final AtomicLong deletions = new AtomicLong();
    final AtomicLong vertexUpdates = new AtomicLong();
    final AtomicLong pings = new AtomicLong();
    final AtomicLong connectionsOpened = new AtomicLong();
    final AtomicLong connectionsOpen = new AtomicLong();
    final AtomicLong checkpoints = new AtomicLong();
    private final Map<String, LongAdder> rejectedUpdates = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> closedConnections = new ConcurrentHashMap<>();

    void rejectUpdate(final String reason) {
        rejectedUpdates.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    void closeConnection(final String reason) {
        closedConnections.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /** @return frames read from all connections */
    public long framesReceived() {
        return framesReceived.get();
    }

    /** @return batches applied to the graph */
    public long batchesApplied() {
        return batchesApplied.get();
    }

    /** @return insertions + deletions + vertex updates applied */
    public long updatesApplied() {
        return insertions.get() + deletions.get() + vertexUpdates.get();
    }

    /** @return edge insertions applied */
    public long insertions() {
        return insertions.get();
    }

    /** @return edge deletions applied */
    public long deletions() {
        return deletions.get();
    }

    /** @return connections open now */
    public long connectionsOpen() {
        return connectionsOpen.get();
    }

    /** @return checkpoints written */
    public long checkpoints() {
        return checkpoints.get();
    }

    /** @return updates refused, by reason (sorted copy) */
    public Map<String, Long> rejectedUpdates() {
        return snapshot(rejectedUpdates);
    }

    /** @return connections closed, by reason: {@code end-of-session}, {@code eof}, or a wire error (sorted copy) */
    public Map<String, Long> closedConnections() {
        return snapshot(closedConnections);
    }

    private static Map<String, Long> snapshot(final Map<String, LongAdder> m) {
        final Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
