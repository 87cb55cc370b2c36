package io.dikw.microcluster.storm;

import io.dikw.microcluster.engine.BatchListener;
import io.dikw.microcluster.engine.RunSummary;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/**
 * Runs of the topology embedded in this JVM, by run id: how the spout and merge bolt reach the
 * command that started them (progress, batch results, completion) without a network. On a real
 * cluster they find no entry and the merge bolt logs its results.
 */
public final class LocalRuns {
    private static final Map<String, Handle> RUNS = new ConcurrentHashMap<>();

    private LocalRuns() {
    }

    /**
     * A registered run.
     *
     * @param listener hears each batch
     * @param progress hears points read
     * @param done     completes with the summary, or exceptionally when the run fails
     */
    public record Handle(BatchListener listener, LongConsumer progress, CompletableFuture<RunSummary> done) {
    }

    /**
     * @param runId    the run
     * @param listener hears each batch
     * @param progress hears points read (may be null)
     * @return the handle
     */
    public static Handle register(final String runId, final BatchListener listener, final LongConsumer progress) {
        final Handle h = new Handle(listener, progress == null ? n -> { } : progress, new CompletableFuture<>());
        RUNS.put(runId, h);
        return h;
    }

    /** @param runId the run @return its handle, or null when not started in this JVM */
    public static Handle find(final String runId) {
        return RUNS.get(runId);
    }

    /** @param runId the run to forget */
    public static void remove(final String runId) {
        RUNS.remove(runId);
    }
}
