package io.dikw.social.cluster;

/**
 * The adaptive outlier threshold: running mean and standard deviation of the similarities of
 * accepted protomemes (over the whole stream), and the factor t with which a protomeme must beat
 * mean − t·std to join a cluster rather than start one.
 *
 * <p>Before each decision t adapts: when mean − t·std is negative (the threshold would accept
 * anything) t is lowered by a step, down to 0; when t is below its initial value and the
 * threshold clears zero by more than a step's worth of std, t is raised back by a step.
 */
public final class SimilarityStats {
    private final double initialSigmas;
    private final double sigmaStep;
    private double sigmas;
    private long count;
    private double mean;
    private double squaredDeviations; // Welford's M2: exact 0 for identical values

    /**
     * @param initialSigmas t at the start and its ceiling
     * @param sigmaStep how far t moves at a time
     */
    public SimilarityStats(final double initialSigmas, final double sigmaStep) {
        this.initialSigmas = initialSigmas;
        this.sigmaStep = sigmaStep;
        this.sigmas = initialSigmas;
    }

    /** @param similarity the similarity of a protomeme that joined a cluster by similarity */
    public void accept(final double similarity) {
        count++;
        final double delta = similarity - mean;
        mean += delta / count;
        squaredDeviations += delta * (similarity - mean);
    }

    /** Moves t one step if the threshold calls for it (see the class comment). */
    public void adapt() {
        final double mean = mean();
        final double std = std();
        if (mean - sigmas * std < 0) {
            if (sigmas > 0) {
                sigmas = Math.max(0, sigmas - sigmaStep);
            }
        } else if (sigmas < initialSigmas && mean - sigmas * std > sigmaStep * std) {
            sigmas = Math.min(initialSigmas, sigmas + sigmaStep);
        }
    }

    /** @return mean − t·std: a best similarity must exceed it (and 0) to be accepted */
    public double threshold() {
        return mean() - sigmas * std();
    }

    /** @return the mean accepted similarity, 0 before any */
    public double mean() {
        return mean;
    }

    /** @return the standard deviation of accepted similarities, 0 before any */
    public double std() {
        return count == 0 ? 0 : Math.sqrt(Math.max(0, squaredDeviations / count));
    }

    /** @return the current t */
    public double sigmas() {
        return sigmas;
    }

    /** @return how many similarities were accepted */
    public long count() {
        return count;
    }

    /** @return a copy of this state, for a worker that classifies against a frozen threshold */
    public SimilarityStats copy() {
        final SimilarityStats c = new SimilarityStats(initialSigmas, sigmaStep);
        c.sigmas = sigmas;
        c.count = count;
        c.mean = mean;
        c.squaredDeviations = squaredDeviations;
        return c;
    }

    /** @return the state, to send to replicas */
    public State state() {
        return new State(sigmas, count, mean, squaredDeviations);
    }

    /** @param state a state taken by {@link #state()}, here or on another copy */
    public void restore(final State state) {
        sigmas = state.sigmas();
        count = state.count();
        mean = state.mean();
        squaredDeviations = state.squaredDeviations();
    }

    /**
     * The statistics as plain values.
     *
     * @param sigmas t
     * @param count accepted similarities
     * @param mean their mean
     * @param squaredDeviations their sum of squared deviations from the mean
     */
    public record State(double sigmas, long count, double mean, double squaredDeviations) {
    }
}
