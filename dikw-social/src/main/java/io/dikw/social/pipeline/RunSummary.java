package io.dikw.social.pipeline;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a clustering run.
 *
 * @param tweets tweets clustered
 * @param rejected input records rejected (see the dead letters)
 * @param rejectedByReason rejections per reason
 * @param lateTweets tweets older than their step, counted into the current step
 * @param protomemes protomemes clustered
 * @param steps time steps with tweets
 * @param clusters live clusters at the end
 * @param meanLfkNmi mean over steps of the window LFK-NMI, or NaN without labels
 * @param meanNmi mean over steps of the window NMI, or NaN without labels
 * @param seconds wall-clock duration of the run
 * @param clusteringSeconds time spent in the clustering algorithm alone
 * @param tweetsPerSecond tweets / seconds
 * @param protomemesPerSecond protomemes / seconds
 * @param topClusters the largest clusters at the end
 */
public record RunSummary(
    long tweets,
    long rejected,
    Map<String, Long> rejectedByReason,
    long lateTweets,
    long protomemes,
    long steps,
    int clusters,
    double meanLfkNmi,
    double meanNmi,
    double seconds,
    double clusteringSeconds,
    double tweetsPerSecond,
    double protomemesPerSecond,
    List<ClusterSummary> topClusters) {
}
