package io.dikw.microcluster.engine;

import io.dikw.microcluster.cf.CfSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The merge step's waiting room: a batch is complete once its points (whatever the engine
 * carries them in) and all p partition windows have arrived, in any order.
 *
 * @param <P> how the engine carries a batch's points and metadata
 */
public final class PendingBatches<P> {
    private final int partitions;
    private final Map<Long, Pending<P>> pending = new HashMap<>();

    /**
     * A complete batch.
     *
     * @param batch      the batch index
     * @param points     its points and metadata
     * @param windows    partition windows by partition index
     * @param startNanos when the first partition started on it
     * @param <P>        the points' carrier
     */
    public record Complete<P>(long batch, P points, List<CfSet> windows, long startNanos) {
    }

    private static final class Pending<P> {
        P points;
        final CfSet[] windows;
        int arrived;
        long start = Long.MAX_VALUE;

        Pending(final int p) {
            windows = new CfSet[p];
        }
    }

    /** @param partitions p */
    public PendingBatches(final int partitions) {
        this.partitions = partitions;
    }

    /**
     * @param batch  the batch
     * @param points its points
     * @return the batch when now complete, else null
     */
    public Complete<P> points(final long batch, final P points) {
        pending.computeIfAbsent(batch, b -> new Pending<>(partitions)).points = points;
        return completeOrNull(batch);
    }

    /**
     * @param batch      the batch
     * @param partition  the partition
     * @param window     its window's micro-clusters
     * @param startNanos when it started on the batch
     * @return the batch when now complete, else null
     */
    public Complete<P> window(final long batch, final int partition, final CfSet window, final long startNanos) {
        final Pending<P> pb = pending.computeIfAbsent(batch, b -> new Pending<>(partitions));
        if (pb.windows[partition] != null) {
            throw new IllegalStateException("partition " + partition + " sent batch " + batch + " twice");
        }
        pb.windows[partition] = window;
        pb.arrived++;
        pb.start = Math.min(pb.start, startNanos);
        return completeOrNull(batch);
    }

    private Complete<P> completeOrNull(final long batch) {
        final Pending<P> pb = pending.get(batch);
        if (pb.points == null || pb.arrived < partitions) {
            return null;
        }
        pending.remove(batch);
        return new Complete<>(batch, pb.points, Arrays.asList(pb.windows), pb.start);
    }
}
