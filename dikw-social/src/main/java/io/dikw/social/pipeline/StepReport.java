package io.dikw.social.pipeline;

import io.dikw.social.cluster.StepStats;
import io.dikw.social.quality.WindowQuality;

/**
 * Everything known after one time step: clustering statistics, quality (when labels are given)
 * and the run's totals so far.
 *
 * @param stats what clustering did in the step
 * @param quality scores over the window, or null without ground truth
 * @param tweetsSoFar tweets read so far
 * @param rejectedSoFar records rejected so far
 * @param elapsedNanos time since the run started
 * @param engine figures of the engine that ran the step (parallelism, sync bytes, …); empty when sequential
 */
public record StepReport(StepStats stats, WindowQuality quality, long tweetsSoFar, long rejectedSoFar,
    long elapsedNanos, java.util.Map<String, Object> engine) {

    /**
     * A report without engine figures.
     *
     * @param stats what clustering did in the step
     * @param quality scores over the window, or null
     * @param tweetsSoFar tweets read so far
     * @param rejectedSoFar records rejected so far
     * @param elapsedNanos time since the run started
     */
    public StepReport(final StepStats stats, final WindowQuality quality, final long tweetsSoFar,
        final long rejectedSoFar, final long elapsedNanos) {
        this(stats, quality, tweetsSoFar, rejectedSoFar, elapsedNanos, java.util.Map.of());
    }

    /** @return tweets per second of wall-clock time since the start */
    public double tweetsPerSecond() {
        return elapsedNanos == 0 ? 0 : tweetsSoFar * 1e9 / elapsedNanos;
    }
}
