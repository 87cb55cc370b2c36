package io.dikw.microcluster.engine;

import io.dikw.microcluster.cf.CfSet;
import io.dikw.microcluster.data.PointBlock;
import io.dikw.microcluster.online.OnlineClusterer;
import io.dikw.microcluster.online.OnlineStats;
import io.dikw.microcluster.window.SnapshotStore;

/**
 * One partition's clustering state: the online phase on its share of the points and the snapshots
 * of its micro-clusters; at each batch end it gives its window's micro-clusters.
 */
public final class PartitionState {
    /** Bits of a micro-cluster id below the partition index (ids are unique across partitions). */
    public static final int ID_SHIFT = 40;

    private final OnlineClusterer clusterer;
    private final SnapshotStore snapshots;

    /**
     * @param config    the run's settings
     * @param partition this partition's index
     * @param dims      dimensions
     */
    public PartitionState(final EngineConfig config, final int partition, final int dims) {
        this.clusterer = new OnlineClusterer(config.partitionOnline(partition), dims, (long) partition << ID_SHIFT);
        this.snapshots = new SnapshotStore(config.window());
    }

    /** @param block points of this partition, in stream order */
    public void add(final PointBlock block) {
        final double[] values = block.values();
        final double[] times = block.times();
        final int d = block.dims();
        final OnlineClusterer c = clusterer;
        for (int p = 0, n = block.count(); p < n; p++) {
            c.add(values, p * d, times[p]);
        }
    }

    /**
     * Ends a batch: takes the snapshot at {@code end} and returns the window's micro-clusters.
     *
     * @param end the batch's end (a slot boundary)
     * @return the micro-clusters of (end − window, end]
     */
    public CfSet endBatch(final double end) {
        clusterer.initializeNow();
        snapshots.take(end, clusterer.clusters());
        return snapshots.window(end, clusterer.clusters());
    }

    /** @return decision counts */
    public OnlineStats stats() {
        return clusterer.stats();
    }
}
