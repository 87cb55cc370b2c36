package io.dikw.collectives.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The benchmark's way back from G to S inside one JVM (the paper used a message broker): G records
 * when each broadcast was fully received; the driver spout reads it. Per run id, since the
 * topology's bolts are deserialized copies.
 */
final class Probe {
    private static final Map<String, Probe> RUNS = new ConcurrentHashMap<>();

    /** Completion time (nanoTime) of each latency message, by message id; the spout removes it. */
    final Map<Long, Long> completedAt = new ConcurrentHashMap<>();
    /** Broadcasts completed per phase. */
    final AtomicLongArray completions;
    /** Time of the last completion per phase. */
    final AtomicLongArray lastCompletion;
    /** Filled by the spout; the harness waits for it. */
    final CompletableFuture<List<BenchPoint>> done = new CompletableFuture<>();
    /** Points done so far, for progress. */
    final AtomicInteger pointsDone = new AtomicInteger();

    private Probe(final int phases) {
        completions = new AtomicLongArray(phases);
        lastCompletion = new AtomicLongArray(phases);
    }

    static Probe register(final String run, final int phases) {
        final Probe p = new Probe(phases);
        RUNS.put(run, p);
        return p;
    }

    static Probe of(final String run) {
        final Probe p = RUNS.get(run);
        if (p == null) {
            throw new IllegalStateException("benchmark run " + run + " is not registered in this JVM (LocalCluster only)");
        }
        return p;
    }

    static void remove(final String run) {
        RUNS.remove(run);
    }

    void complete(final int phase, final long id, final boolean latency, final long nanos) {
        if (latency) {
            completedAt.put(id, nanos);
        }
        lastCompletion.set(phase, nanos);
        completions.incrementAndGet(phase);
    }
}
