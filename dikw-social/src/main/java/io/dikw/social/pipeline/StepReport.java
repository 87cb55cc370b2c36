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
 */
public record StepReport(StepStats stats, WindowQuality quality, long tweetsSoFar, long rejectedSoFar,
    long elapsedNanos) {

    /** @return tweets per second of wall-clock time since the start */
    public double tweetsPerSecond() {
        return elapsedNanos == 0 ? 0 : tweetsSoFar * 1e9 / elapsedNanos;
    }
}
