package io.dikw.app.social;

import io.dikw.social.cluster.ClusteringParams;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The clustering parameters as command-line options, with the published defaults. */
public final class ClusteringOptions {
    @Option(names = "--clusters", paramLabel = "K", defaultValue = "120",
        description = "Clusters seeded at the start (K); default: ${DEFAULT-VALUE}.")
    int clusters;

    @Option(names = "--cluster-multiplier", paramLabel = "M", defaultValue = "2",
        description = "Up to K×M clusters before outliers replace the least recently updated one; default: ${DEFAULT-VALUE}.")
    int multiplier;

    @Option(names = "--window-steps", paramLabel = "STEPS", defaultValue = "20",
        description = "Time steps in the sliding window; default: ${DEFAULT-VALUE}.")
    int windowSteps;

    @Option(names = "--step-seconds", paramLabel = "SECONDS", defaultValue = "30",
        description = "Length of a time step in stream time; default: ${DEFAULT-VALUE}.")
    double stepSeconds;

    @Option(names = "--outlier-sigmas", paramLabel = "T", defaultValue = "3.0",
        description = "A protomeme is an outlier unless its best similarity beats mean − T·std; default: ${DEFAULT-VALUE}.")
    double outlierSigmas;

    @Option(names = "--sigma-step", paramLabel = "S", defaultValue = "0.5",
        description = "How far T adapts at a time; default: ${DEFAULT-VALUE}.")
    double sigmaStep;

    /** @return the validated parameters */
    public ClusteringParams params() {
        return new ClusteringParams(clusters, multiplier, windowSteps,
            Duration.ofMillis(Math.round(stepSeconds * 1000)), outlierSigmas, sigmaStep);
    }
}
