package io.dikw.social.cluster;

/**
 * What happened while clustering one time step.
 *
 * @param step the step number
 * @param startMillis the step's start in stream time
 * @param tweets tweets in the step
 * @param protomemes protomemes in the step
 * @param byMarker protomemes that joined the cluster their marker maps to
 * @param bySimilarity protomemes that joined their most similar cluster
 * @param outliers protomemes that started a new cluster
 * @param replaced clusters displaced to make room for outliers
 * @param expired protomemes that left the window in this step
 * @param clusters live clusters after the step
 * @param threshold mean − t·std after the step
 * @param mean mean accepted similarity
 * @param std standard deviation of accepted similarities
 * @param sigmas t after the step
 * @param nanos time spent clustering the step
 */
public record StepStats(
    long step,
    long startMillis,
    int tweets,
    int protomemes,
    int byMarker,
    int bySimilarity,
    int outliers,
    int replaced,
    int expired,
    int clusters,
    double threshold,
    double mean,
    double std,
    double sigmas,
    long nanos) {

    /** @return the same statistics with the time left out, for comparing runs */
    public StepStats withoutTime() {
        return new StepStats(step, startMillis, tweets, protomemes, byMarker, bySimilarity, outliers, replaced, expired,
            clusters, threshold, mean, std, sigmas, 0);
    }
}
