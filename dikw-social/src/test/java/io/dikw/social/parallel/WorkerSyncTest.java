package io.dikw.social.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import io.dikw.social.cluster.ClusteringParams;
import io.dikw.social.cluster.SlidingWindowClusterer;
import io.dikw.social.cluster.StepStats;
import io.dikw.social.cluster.TableState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A worker that keeps its confirmed decisions at a delta sync (instead of rolling back and
 * replaying the whole batch) must end every sync with exactly the coordinator's clusters.
 */
class WorkerSyncTest {
    /** Few clusters, so the table fills and new clusters replace the least recently updated. */
    private static final ClusteringParams PARAMS = ClusteringParams.defaults().withClusters(20);

    private static String state(final SlidingWindowClusterer c) {
        final TableState t = c.table().snapshot();
        final StringBuilder sb = new StringBuilder().append("slots=").append(t.slotCount()).append(" next=")
            .append(t.nextId()).append(" markers=").append(t.markers()).append(" window=")
            .append(c.protomemesInWindow()).append('@').append(c.oldestStep()).append(" stats=")
            .append(c.stats().state()).append(" bootstrapped=").append(c.isBootstrapped());
        for (final TableState.ClusterState s : t.clusters()) {
            sb.append("\n").append(s.id()).append('@').append(s.slot()).append(' ').append(s.createdMillis())
                .append('-').append(s.latestUpdateMillis()).append(" n=").append(s.protomemes()).append(' ')
                .append(Arrays.toString(s.vectors())).append(' ').append(s.markers());
        }
        return sb.toString();
    }

    private static List<StepStats> run(final InProcessParallel run, final GeneratedSteps steps) {
        final List<StepStats> stats = new ArrayList<>();
        for (int i = 0; i < steps.steps().size(); i++) {
            run.process(steps.steps().get(i), steps.next().get(i), s -> stats.add(s.withoutTime()));
        }
        return stats;
    }

    @Test
    void everyWorkersCopyEqualsTheCoordinatorsAfterEverySync() {
        long kept = 0;
        long redone = 0;
        for (final long seed : new long[] {21, 22}) {
            final GeneratedSteps steps = GeneratedSteps.of(3_000, seed);
            for (final int workers : new int[] {2, 3, 4}) {
                for (final int batch : new int[] {16, 128}) {
                    final InProcessParallel keeping = new InProcessParallel(PARAMS, workers, batch, SyncStrategy.DELTA);
                    final int[] syncs = {0};
                    keeping.afterEverySync(() -> {
                        final String expected = state(keeping.coordinator().clusters());
                        for (final ClusterWorker w : keeping.workers()) {
                            assertThat(state(w.replica())).as("seed %d, %d workers, batch %d, sync %d, worker %d",
                                seed, workers, batch, syncs[0], w.index()).isEqualTo(expected);
                        }
                        syncs[0]++;
                    });
                    final InProcessParallel replaying = new InProcessParallel(PARAMS, workers, batch, SyncStrategy.DELTA)
                        .replayingEverything();
                    assertThat(run(keeping, steps)).as("seed %d, %d workers, batch %d", seed, workers, batch)
                        .containsExactlyElementsOf(run(replaying, steps));
                    assertThat(state(keeping.coordinator().clusters()))
                        .isEqualTo(state(replaying.coordinator().clusters()));
                    for (final ClusterWorker w : keeping.workers()) {
                        kept += w.keptDecisions();
                        redone += w.redoneDecisions();
                    }
                }
            }
        }
        // both paths were taken: decisions kept, and decisions redone after a non-commuting placement
        assertThat(kept).isPositive();
        assertThat(redone).isPositive();
    }

    @Test
    void aSingleWorkerRedoesNothingOnceTheSeedsExist() {
        final GeneratedSteps steps = GeneratedSteps.of(4_000, 24);
        final InProcessParallel one = new InProcessParallel(PARAMS, 1, 64, SyncStrategy.DELTA);
        run(one, steps);
        final ClusterWorker w = one.workers().get(0);
        // only the batch in which the K seeds were placed is replayed
        assertThat(w.redoneDecisions()).isLessThanOrEqualTo(64);
        assertThat(w.keptDecisions()).isGreaterThan(1_000);
        assertThat(state(w.replica())).isEqualTo(state(one.coordinator().clusters()));
    }
}
