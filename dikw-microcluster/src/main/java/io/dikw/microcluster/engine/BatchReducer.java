package io.dikw.microcluster.engine;

import io.dikw.microcluster.cf.CfSet;
import io.dikw.microcluster.offline.MacroClusters;
import io.dikw.microcluster.offline.OfflinePhase;
import io.dikw.microcluster.offline.WardReducer;
import java.util.List;

/**
 * The merge step at a batch boundary: unites the partitions' window micro-clusters by additivity,
 * reduces them to q by merging the pairs whose merge raises the SSE least (Ward), and runs the
 * offline phase. Deterministic: the same partition windows in the same order give the same answer
 * in every engine.
 */
public final class BatchReducer {
    private final EngineConfig config;

    /** @param config the run's settings */
    public BatchReducer(final EngineConfig config) {
        this.config = config;
    }

    /**
     * The reduced window and its macro clusters.
     *
     * @param window the window's micro-clusters (at most q)
     * @param macro  the macro clusters
     */
    public record Reduced(CfSet window, MacroClusters macro) {
    }

    /**
     * @param batch   the batch index (seeds the offline phase)
     * @param windows the partitions' window micro-clusters, by partition index
     * @return the merged window and its macro clusters
     */
    public Reduced reduce(final long batch, final List<CfSet> windows) {
        final CfSet merged = WardReducer.unite(windows, config.online().q());
        final OfflinePhase offline = new OfflinePhase(config.k(), config.restarts(), config.online().seed() * 1_000_003L + batch);
        return new Reduced(merged, offline.cluster(merged));
    }
}
