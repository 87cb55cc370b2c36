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
 * engine reads through this, so all engines see the same partitions and batches. Runs to the end
 * ({@link #run}) or a block at a time ({@link #step}, for a Storm spout).
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
    private final PointSource source;
    private final Sink sink;
    private final int p;
    private final int dims;
    private final PointBlock[] open;
    private final List<PointBlock> batchBlocks = new ArrayList<>();
    private final double[] point;
    private long index;
    private long batch = -1;
    private long batchPoints;
    private long batches;
    private double start = Double.NaN;
    private boolean done;

    /**
     * @param config the run's settings
     * @param source the points
     * @param sink   receives blocks and batch ends
     */
    public Batcher(final EngineConfig config, final PointSource source, final Sink sink) {
        this.config = config;
        this.source = source;
        this.sink = sink;
        this.p = config.parallelism();
        this.dims = source.dims();
        this.open = new PointBlock[p];
        this.point = new double[dims];
    }

    /**
     * Reads the whole stream.
     *
     * @param progress hears the number of points read (every block); may be null
     * @return the number of points read
     * @throws IOException          when reading fails
     * @throws InterruptedException when the sink is interrupted
     */
    public long run(final LongConsumer progress) throws IOException, InterruptedException {
        while (step()) {
            if (progress != null) {
                progress.accept(index);
            }
        }
        if (progress != null) {
            progress.accept(index);
        }
        return index;
    }

    /**
     * Reads until one block or batch end went to the sink, or the stream ended.
     *
     * @return false once the stream has ended (and its last batch was ended)
     * @throws IOException          when reading fails
     * @throws InterruptedException when the sink is interrupted
     */
    public boolean step() throws IOException, InterruptedException {
        if (done) {
            return false;
        }
        final double length = config.batch();
        while (source.next(point, 0)) {
            final double t = source.time();
            if (Double.isNaN(start)) {
                start = t;
                batch = 0;
            }
            final long b = (long) Math.floor((t - start) / length);
            boolean emitted = false;
            if (b > batch) {
                endBatch();
                batch = b;
                emitted = true;
            }
            final int part = (int) (index % p);
            if (open[part] == null) {
                open[part] = new PointBlock(dims, config.blockSize());
            }
            open[part].add(point, 0, t, source.label());
            index++;
            batchPoints++;
            if (open[part].full()) {
                batchBlocks.add(open[part]);
                sink.block(part, open[part]);
                open[part] = null;
                emitted = true;
            }
            if (emitted) {
                return true;
            }
        }
        if (batch >= 0) {
            endBatch();
        }
        done = true;
        return false;
    }

    private void endBatch() throws InterruptedException {
        for (int part = 0; part < p; part++) {
            if (open[part] != null && open[part].count() > 0) {
                batchBlocks.add(open[part]);
                sink.block(part, open[part]);
            }
            open[part] = null;
        }
        sink.endBatch(batch, start + (batch + 1) * config.batch(), batchPoints, List.copyOf(batchBlocks));
        batchBlocks.clear();
        batchPoints = 0;
        batches++;
    }

    /** @return points read so far */
    public long points() {
        return index;
    }

    /** @return batches ended so far */
    public long batches() {
        return batches;
    }
}
