package io.dikw.social.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import io.dikw.social.cluster.Cluster;
import io.dikw.social.cluster.ClusteringParams;
import io.dikw.social.cluster.SlidingWindowClusterer;
import io.dikw.social.cluster.Space;
import io.dikw.social.cluster.StepStats;
import io.dikw.social.protomeme.TimeStep;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ParallelEquivalenceTest {
    private static final ClusteringParams PARAMS = ClusteringParams.defaults().withClusters(40);
    private static final List<TimeStep> STEPS = new ArrayList<>();
    private static final List<Long> NEXT = new ArrayList<>();

    @BeforeAll
    static void generateSteps() {
        final GeneratedSteps generated = GeneratedSteps.of(8_000, 11);
        STEPS.addAll(generated.steps());
        NEXT.addAll(generated.next());
    }

    private static List<StepStats> sequential(final SlidingWindowClusterer clusterer) {
        final List<StepStats> stats = new ArrayList<>();
        for (final TimeStep step : STEPS) {
            stats.add(clusterer.process(step).withoutTime());
        }
        return stats;
    }

    private static List<StepStats> parallel(final InProcessParallel run) {
        final List<StepStats> stats = new ArrayList<>();
        for (int i = 0; i < STEPS.size(); i++) {
            run.process(STEPS.get(i), NEXT.get(i), s -> stats.add(s.withoutTime()));
        }
        return stats;
    }

    private static List<String> fingerprint(final List<Cluster> clusters) {
        final List<String> out = new ArrayList<>();
        for (final Cluster c : clusters) {
            final StringBuilder sb = new StringBuilder().append(c.id()).append('@').append(c.slot()).append(':')
                .append(c.protomemeCount()).append(':').append(c.latestUpdateMillis());
            for (final Space s : Space.values()) {
                sb.append('|').append(c.centroid(s).snapshot().hashCode()).append('/').append(c.centroid(s).normSquared());
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void oneWorkerReproducesTheSequentialAlgorithmDecisionForDecision() {
        final SlidingWindowClusterer reference = new SlidingWindowClusterer(PARAMS);
        final List<StepStats> expected = sequential(reference);
        for (final SyncStrategy strategy : SyncStrategy.values()) {
            // a full sync costs the whole window, so it is tried with fewer, larger batches
            for (final int batch : strategy == SyncStrategy.DELTA ? new int[] {1, 7, 2048} : new int[] {300, 2048}) {
                final InProcessParallel run = new InProcessParallel(PARAMS, 1, batch, strategy);
                assertThat(parallel(run)).as("%s batch %d", strategy, batch).containsExactlyElementsOf(expected);
                assertThat(fingerprint(run.coordinator().clusters().clusters()))
                    .containsExactlyElementsOf(fingerprint(reference.clusters()));
                assertThat(fingerprint(run.workers().get(0).replica().clusters()))
                    .containsExactlyElementsOf(fingerprint(reference.clusters()));
            }
        }
    }

    @Test
    void deltaAndFullSyncProduceTheSameClustersWithSeveralWorkers() {
        for (final int workers : new int[] {2, 4}) {
            final InProcessParallel delta = new InProcessParallel(PARAMS, workers, 64, SyncStrategy.DELTA);
            final InProcessParallel full = new InProcessParallel(PARAMS, workers, 64, SyncStrategy.FULL);
            assertThat(parallel(delta)).containsExactlyElementsOf(parallel(full));
            final List<String> expected = fingerprint(delta.coordinator().clusters().clusters());
            assertThat(fingerprint(full.coordinator().clusters().clusters())).containsExactlyElementsOf(expected);
            for (final ClusterWorker w : delta.workers()) {
                assertThat(fingerprint(w.replica().clusters())).containsExactlyElementsOf(expected);
            }
            assertThat(delta.syncBytes()).isLessThan(full.syncBytes());
        }
    }
}
