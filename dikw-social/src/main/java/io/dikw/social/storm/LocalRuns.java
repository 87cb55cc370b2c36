package io.dikw.social.storm;

import io.dikw.social.pipeline.RunSummary;
import io.dikw.social.pipeline.StepListener;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs of the topology embedded in this JVM, by run id: how the coordinator bolt reaches the
 * command that started it (progress display, completion) without any network. On a real cluster
 * the coordinator finds no entry and just writes its results to the output directory.
 */
public final class LocalRuns {
    private static final Map<String, Handle> RUNS = new ConcurrentHashMap<>();

    private LocalRuns() {
    }

    /**
     * @param runId the run
     * @param progress hears every step
     * @return the handle, whose {@link Handle#done()} completes with the summary
     */
    public static Handle register(final String runId, final StepListener progress) {
        final Handle handle = new Handle(progress, new CompletableFuture<>());
        RUNS.put(runId, handle);
        return handle;
    }

    /**
     * @param runId the run
     * @return its handle, or null when the run was not started in this JVM
     */
    public static Handle find(final String runId) {
        return RUNS.get(runId);
    }

    /** @param runId the run to forget */
    public static void remove(final String runId) {
        RUNS.remove(runId);
    }

    /**
     * A registered run.
     *
     * @param progress hears every step
     * @param done completes with the summary, or exceptionally when the coordinator fails
     */
    public record Handle(StepListener progress, CompletableFuture<RunSummary> done) {
    }
}
