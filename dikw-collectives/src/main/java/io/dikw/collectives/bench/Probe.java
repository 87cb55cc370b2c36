package io.dikw.collectives.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the driver spout S knows about completed broadcasts: G reports each broadcast fully received
 * (over a {@link CompletionLink}), and S stamps the report with its own clock when it arrives, so
 * round trips S → B → W×N → G → S are measured in one JVM wherever G runs.
 */
final class Probe {
    /** Arrival time (nanoTime at S) of each latency message's completion, by message id; the spout removes it. */
    final Map<Long, Long> completedAt = new ConcurrentHashMap<>();
    /** Broadcasts completed per phase. */
    final AtomicLongArray completions;
    /** Time of the last completion per phase. */
    final AtomicLongArray lastCompletion;

    Probe(final int phases) {
        completions = new AtomicLongArray(phases);
        lastCompletion = new AtomicLongArray(phases);
    }

    void complete(final int phase, final long id, final boolean latency, final long nanos) {
        if (phase < 0 || phase >= completions.length()) {
            return; // a stray report from an earlier run's G: ignored
        }
        if (latency) {
            completedAt.put(id, nanos);
        }
        lastCompletion.set(phase, nanos);
        completions.incrementAndGet(phase);
    }
}
