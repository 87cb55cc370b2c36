package io.dikw.microcluster.engine;

import io.dikw.microcluster.online.OnlineStats;

/**
 * The outcome of a run.
 *
 * @param points   points clustered
 * @param batches  batches finished
 * @param seconds  wall-clock seconds from the first point read to the last batch done
 * @param last     the last batch's result (null when the stream was empty)
 * @param online   decision counts over all partitions
 * @param labelNames label names by id (empty without labels)
 * @param rejected bad rows skipped (and dead-lettered)
 */
public record RunSummary(long points, long batches, double seconds, BatchResult last, OnlineStats online,
    java.util.List<String> labelNames, long rejected) {
    /** @return points per wall-clock second */
    public double pointsPerSecond() {
        return seconds <= 0 ? 0 : points / seconds;
    }
}
