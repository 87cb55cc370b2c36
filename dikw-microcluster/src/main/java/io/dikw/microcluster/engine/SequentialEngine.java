package io.dikw.microcluster.engine;

import io.dikw.microcluster.cf.CfSet;
import io.dikw.microcluster.data.PointBlock;
import io.dikw.microcluster.data.PointSource;
import io.dikw.microcluster.online.OnlineStats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * All partitions in the calling thread, one after the other: with p = 1 this is sequential
 * SCluStream; with p &gt; 1 it computes exactly what the parallel engines compute (the reference
 * they are tested against).
 */
public final class SequentialEngine implements ClusteringEngine {
    private final EngineConfig config;

    /** @param config the run's settings */
    public SequentialEngine(final EngineConfig config) {
        this.config = config;
    }

    @Override
    public RunSummary run(final PointSource source, final BatchListener listener, final LongConsumer progress)
        throws Exception {
        final int p = config.parallelism();
        final PartitionState[] parts = new PartitionState[p];
        for (int i = 0; i < p; i++) {
            parts[i] = new PartitionState(config, i, source.dims());
        }
        final BatchFinisher finisher = new BatchFinisher(config, source.dims(), listener);
        final long started = System.nanoTime();
        final long[] batchStart = {System.nanoTime()};
        final long[] batches = {0};
        final long points = new Batcher(config, source, new Batcher.Sink() {
            @Override
            public void block(final int partition, final PointBlock block) {
                parts[partition].add(block);
            }

            @Override
            public void endBatch(final long batch, final double end, final long batchPoints,
                final List<PointBlock> blocks) {
                final List<CfSet> windows = new ArrayList<>(p);
                for (final PartitionState s : parts) {
                    windows.add(s.endBatch(end));
                }
                finisher.finish(batch, end, batchPoints, blocks, windows, batchStart[0], batchStart[0]);
                batchStart[0] = System.nanoTime();
                batches[0]++;
            }
        }).run(progress);
        final OnlineStats stats = new OnlineStats();
        for (final PartitionState s : parts) {
            stats.addAll(s.stats());
        }
        return new RunSummary(points, batches[0], (System.nanoTime() - started) / 1e9, finisher.last(), stats,
            java.util.List.copyOf(source.labelNames()), source.rejected());
    }
}
