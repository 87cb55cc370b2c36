package io.dikw.microcluster.engine;

import io.dikw.microcluster.data.PointBlock;
import io.dikw.microcluster.data.PointSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Reads a point stream, cuts it into batches of {@code batch} stream seconds (counted from the
 * first point's time), and deals each batch's points round-robin to p partitions in blocks. Every
 * engine reads through this, so all engines see the same partitions and batches.
 */
public final class Batcher {
    /** Where the blocks and batch ends go. */
    public interface Sink {
        /**
         * @param partition the partition
         * @param block     its next points (not reused by the batcher)
         * @throws InterruptedException when the sink is interrupted while waiting for room
         */
        void block(int partition, PointBlock block) throws InterruptedException;

        /**
         * Called after the batch's last block went out.
         *
         * @param batch       the batch index
         * @param end         its end time
         * @param batchPoints its points
         * @param blocks      all its blocks (every partition's), for scoring
         * @throws InterruptedException when the sink is interrupted while waiting for room
         */
        void endBatch(long batch, double end, long batchPoints, List<PointBlock> blocks) throws InterruptedException;
    }

    private final EngineConfig config;

    /** @param config the run's settings */
    public Batcher(final EngineConfig config) {
        this.config = config;
    }

    /**
     * Reads the whole stream.
     *
     * @param source   the points
     * @param sink     receives blocks and batch ends
     * @param progress hears the number of points read (every block); may be null
     * @return the number of points read
     * @throws IOException          when reading fails
     * @throws InterruptedException when the sink is interrupted
     */
    public long run(final PointSource source, final Sink sink, final LongConsumer progress)
        throws IOException, InterruptedException {
        final int p = config.parallelism();
        final int d = source.dims();
        final int blockSize = config.blockSize();
        final double length = config.batch();
        final PointBlock[] open = new PointBlock[p];
        final List<PointBlock> batchBlocks = new ArrayList<>();
        final double[] point = new double[d];
        long index = 0;
        long batch = -1;
        long batchPoints = 0;
        double start = Double.NaN;
        while (source.next(point, 0)) {
            final double t = source.time();
            if (Double.isNaN(start)) {
                start = t;
                batch = 0;
            }
            final long b = (long) Math.floor((t - start) / length);
            if (b > batch) {
                flush(open, sink, batchBlocks);
                sink.endBatch(batch, start + (batch + 1) * length, batchPoints, List.copyOf(batchBlocks));
                batchBlocks.clear();
                batchPoints = 0;
                batch = b;
            }
            final int part = (int) (index % p);
            if (open[part] == null) {
                open[part] = new PointBlock(d, blockSize);
            }
            open[part].add(point, 0, t, source.label());
            if (open[part].full()) {
                batchBlocks.add(open[part]);
                sink.block(part, open[part]);
                open[part] = null;
                if (progress != null) {
                    progress.accept(index + 1);
                }
            }
            index++;
            batchPoints++;
        }
        if (batch >= 0) {
            flush(open, sink, batchBlocks);
            sink.endBatch(batch, start + (batch + 1) * length, batchPoints, List.copyOf(batchBlocks));
        }
        if (progress != null) {
            progress.accept(index);
        }
        return index;
    }

    private static void flush(final PointBlock[] open, final Sink sink, final List<PointBlock> batchBlocks)
        throws InterruptedException {
        for (int part = 0; part < open.length; part++) {
            if (open[part] != null && open[part].count() > 0) {
                batchBlocks.add(open[part]);
                sink.block(part, open[part]);
            }
            open[part] = null;
        }
    }
}
