package io.dikw.social.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClusteringParamsTest {
    private static final Duration STEP = Duration.ofSeconds(30);

    @Test
    void defaultsAreThePublishedConfiguration() {
        final ClusteringParams p = ClusteringParams.defaults();

        assertThat(p.clusters()).isEqualTo(120);
        assertThat(p.windowSteps()).isEqualTo(20);
        assertThat(p.step()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.clusterMultiplier()).isEqualTo(ClusteringParams.DEFAULT_CLUSTER_MULTIPLIER);
        assertThat(p.outlierSigmas()).isEqualTo(ClusteringParams.DEFAULT_OUTLIER_SIGMAS);
        assertThat(p.sigmaStep()).isEqualTo(ClusteringParams.DEFAULT_SIGMA_STEP);
        assertThat(p.window()).isEqualTo(Duration.ofMinutes(10));
        assertThat(p.maxClusters()).isEqualTo(120 * ClusteringParams.DEFAULT_CLUSTER_MULTIPLIER);
    }

    @Test
    void withersChangeOnlyTheirField() {
        final ClusteringParams p = ClusteringParams.defaults();
        final double t = p.outlierSigmas();
        final double dt = p.sigmaStep();

        assertThat(p.withClusters(7)).isEqualTo(new ClusteringParams(7, 2, 20, STEP, t, dt));
        assertThat(p.withWindowSteps(3)).isEqualTo(new ClusteringParams(120, 2, 3, STEP, t, dt));
        assertThat(p.withStep(Duration.ofSeconds(5)))
            .isEqualTo(new ClusteringParams(120, 2, 20, Duration.ofSeconds(5), t, dt));
        assertThat(p.withOutlierSigmas(1.25)).isEqualTo(new ClusteringParams(120, 2, 20, STEP, 1.25, dt));
    }

    @Test
    void acceptsTheSmallestValidValues() {
        final ClusteringParams p = new ClusteringParams(1, 1, 1, Duration.ofMillis(1), 0.0, Double.MIN_VALUE);

        assertThat(p.maxClusters()).isEqualTo(1);
        assertThat(p.window()).isEqualTo(Duration.ofMillis(1));
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
            Arguments.of("clusters", (Runnable) () -> new ClusteringParams(0, 2, 20, STEP, 2, 0.5), "clusters=0"),
            Arguments.of("clusters", (Runnable) () -> new ClusteringParams(-3, 2, 20, STEP, 2, 0.5), "clusters=-3"),
            Arguments.of("clusterMultiplier", (Runnable) () -> new ClusteringParams(120, 0, 20, STEP, 2, 0.5),
                "clusterMultiplier=0"),
            Arguments.of("clusters × clusterMultiplier",
                (Runnable) () -> new ClusteringParams(1_000, 1_001, 20, STEP, 2, 0.5), "1001000"),
            Arguments.of("windowSteps", (Runnable) () -> new ClusteringParams(120, 2, 0, STEP, 2, 0.5),
                "windowSteps=0"),
            Arguments.of("step", (Runnable) () -> new ClusteringParams(120, 2, 20, null, 2, 0.5), "step=null"),
            Arguments.of("step", (Runnable) () -> new ClusteringParams(120, 2, 20, Duration.ZERO, 2, 0.5),
                "step=PT0S"),
            Arguments.of("step", (Runnable) () -> new ClusteringParams(120, 2, 20, Duration.ofSeconds(-1), 2, 0.5),
                "step=PT-1S"),
            Arguments.of("step", (Runnable) () -> new ClusteringParams(120, 2, 20, Duration.ofNanos(999_999), 2, 0.5),
                "step="),
            Arguments.of("outlierSigmas", (Runnable) () -> new ClusteringParams(120, 2, 20, STEP, -0.1, 0.5),
                "outlierSigmas=-0.1"),
            Arguments.of("outlierSigmas", (Runnable) () -> new ClusteringParams(120, 2, 20, STEP, Double.NaN, 0.5),
                "outlierSigmas=NaN"),
            Arguments.of("outlierSigmas",
                (Runnable) () -> new ClusteringParams(120, 2, 20, STEP, Double.POSITIVE_INFINITY, 0.5),
                "outlierSigmas=Infinity"),
            Arguments.of("sigmaStep", (Runnable) () -> new ClusteringParams(120, 2, 20, STEP, 2, 0), "sigmaStep=0"),
            Arguments.of("sigmaStep", (Runnable) () -> new ClusteringParams(120, 2, 20, STEP, 2, -1), "sigmaStep=-1"),
            Arguments.of("sigmaStep", (Runnable) () -> new ClusteringParams(120, 2, 20, STEP, 2, Double.NaN),
                "sigmaStep=NaN"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("invalidFields")
    void rejectsAnInvalidFieldNamingIt(final String field, final Runnable construct, final String valueShown) {
        assertThatThrownBy(construct::run)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith(field + " must be")
            .hasMessageContaining(valueShown);
    }

    @Test
    void withersValidateToo() {
        assertThatThrownBy(() -> ClusteringParams.defaults().withClusters(0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("clusters must be");
        assertThatThrownBy(() -> ClusteringParams.defaults().withWindowSteps(0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("windowSteps must be");
        assertThatThrownBy(() -> ClusteringParams.defaults().withStep(Duration.ZERO))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("step must be");
        assertThatThrownBy(() -> ClusteringParams.defaults().withOutlierSigmas(-1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("outlierSigmas must be");
    }
}
