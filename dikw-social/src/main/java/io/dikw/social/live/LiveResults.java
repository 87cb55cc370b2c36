package io.dikw.social.live;

import io.dikw.social.pipeline.ClusterSummary;
import io.dikw.social.pipeline.StepReport;
import java.util.List;
import java.util.Map;

/**
 * The latest results of a running clustering job, published after every time step and read
 * concurrently by the HTTP API (and anything else that wants to look while the stream flows).
 * Thread-safe: writers replace an immutable snapshot, readers take the current one.
 */
public final class LiveResults {
    private volatile Snapshot latest = new Snapshot(null, List.of(), Map.of(), false);

    /**
     * @param report the step just finished
     * @param clusters summaries of the clusters after it, largest first
     * @param extra engine figures (parallelism, sync strategy, sync bytes, …)
     */
    public void update(final StepReport report, final List<ClusterSummary> clusters, final Map<String, Object> extra) {
        latest = new Snapshot(report, List.copyOf(clusters), Map.copyOf(extra), false);
    }

    /** Marks the run as finished (the stream ended); the last snapshot stays readable. */
    public void finish() {
        final Snapshot s = latest;
        latest = new Snapshot(s.report(), s.clusters(), s.extra(), true);
    }

    /** @return the current snapshot (never null; its report is null before the first step) */
    public Snapshot latest() {
        return latest;
    }

    /**
     * One consistent view of the results.
     *
     * @param report the last step's report, or null before the first step
     * @param clusters cluster summaries, largest first
     * @param extra engine figures
     * @param finished true once the stream ended
     */
    public record Snapshot(StepReport report, List<ClusterSummary> clusters, Map<String, Object> extra,
        boolean finished) {
    }
}
