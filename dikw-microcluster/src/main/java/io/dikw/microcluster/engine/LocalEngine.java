package io.dikw.microcluster.engine;

import io.dikw.microcluster.cf.CfSet;
import io.dikw.microcluster.data.PointBlock;
import io.dikw.microcluster.data.PointSource;
import io.dikw.microcluster.online.OnlineStats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * The in-JVM parallel engine (the default): the calling thread reads and deals points; p
 * partition threads run the online phase, each on its own bounded queue (a full queue stops the
 * reader: memory stays bounded); at each batch end every partition hands its window's
 * micro-clusters to one merge thread, which unites them, runs the offline phase and scores.
 * Gives exactly what {@link SequentialEngine} gives with the same settings.
 */
public final class LocalEngine implements ClusteringEngine {
    /** Blocks a partition queue holds before the reader waits. */
    public static final int QUEUE_BLOCKS = 32;

    private static final Object STOP = new Object();

    private final EngineConfig config;

    /** @param config the run's settings */
    public LocalEngine(final EngineConfig config) {
        this.config = config;
    }

    private record EndOfBatch(long batch, double end) {
    }

    private record PartitionWindow(long batch, int partition, CfSet window, long startNanos) {
    }

    private record BatchPoints(long batch, double end, long batchPoints, List<PointBlock> blocks, long readyNanos) {
    }

    @Override
    public RunSummary run(final PointSource source, final BatchListener listener, final LongConsumer progress)
        throws Exception {
        final int p = config.parallelism();
        final int dims = source.dims();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final BlockingQueue<Object> mergeQueue = new ArrayBlockingQueue<>(4 * (p + 1));
        final List<BlockingQueue<Object>> queues = new ArrayList<>();
        final PartitionState[] parts = new PartitionState[p];
        final List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            final int part = i;
            parts[i] = new PartitionState(config, i, dims);
            final BlockingQueue<Object> q = new ArrayBlockingQueue<>(QUEUE_BLOCKS);
            queues.add(q);
            workers.add(start("microcluster-partition-" + i, () -> partitionLoop(part, parts[part], q, mergeQueue,
                failure)));
        }
        final BatchFinisher finisher = new BatchFinisher(config, dims, listener);
        final long[] batches = {0};
        final Thread merger = start("microcluster-merge", () -> mergeLoop(p, mergeQueue, finisher, batches, failure));
        final long started = System.nanoTime();
        long points = 0;
        try {
            final long[] ready = {0};
            points = new Batcher(config, source, new Batcher.Sink() {
                @Override
                public void block(final int partition, final PointBlock block) throws InterruptedException {
                    if (ready[0] == 0) {
                        ready[0] = System.nanoTime();
                    }
                    put(queues.get(partition), block, failure);
                }

                @Override
                public void endBatch(final long batch, final double end, final long batchPoints,
                    final List<PointBlock> blocks) throws InterruptedException {
                    final long readyAt = ready[0] == 0 ? System.nanoTime() : ready[0];
                    ready[0] = 0;
                    for (final BlockingQueue<Object> q : queues) {
                        put(q, new EndOfBatch(batch, end), failure);
                    }
                    put(mergeQueue, new BatchPoints(batch, end, batchPoints, config.evaluate() ? blocks : List.of(),
                        readyAt), failure);
                }
            }).run(progress);
        } finally {
            for (final BlockingQueue<Object> q : queues) {
                q.put(STOP);
            }
            for (final Thread w : workers) {
                w.join();
            }
            mergeQueue.put(STOP);
            merger.join();
        }
        rethrow(failure.get());
        final OnlineStats stats = new OnlineStats();
        for (final PartitionState s : parts) {
            stats.addAll(s.stats());
        }
        return new RunSummary(points, batches[0], (System.nanoTime() - started) / 1e9, finisher.last(), stats,
            java.util.List.copyOf(source.labelNames()), source.rejected());
    }

    private static Thread start(final String name, final Runnable body) {
        final Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Puts unless a thread has failed (then the reader stops at once). */
    private static void put(final BlockingQueue<Object> q, final Object message, final AtomicReference<Throwable> failure)
        throws InterruptedException {
        while (!q.offer(message, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            if (failure.get() != null) {
                throw new IllegalStateException("clustering failed: " + failure.get().getMessage(), failure.get());
            }
        }
    }

    private static void partitionLoop(final int part, final PartitionState state, final BlockingQueue<Object> in,
        final BlockingQueue<Object> out, final AtomicReference<Throwable> failure) {
        long start = 0;
        try {
            while (true) {
                final Object m = in.take();
                if (m == STOP) {
                    return;
                }
                if (failure.get() != null) {
                    continue; // drain so the reader is not blocked
                }
                if (m instanceof PointBlock block) {
                    if (start == 0) {
                        start = System.nanoTime();
                    }
                    state.add(block);
                } else {
                    final EndOfBatch end = (EndOfBatch) m;
                    final long s = start == 0 ? System.nanoTime() : start;
                    start = 0;
                    put(out, new PartitionWindow(end.batch(), part, state.endBatch(end.end()), s), failure);
                }
            }
        } catch (final Throwable e) {
            failure.compareAndSet(null, e);
            drain(in);
        }
    }

    private static void mergeLoop(final int p, final BlockingQueue<Object> in, final BatchFinisher finisher,
        final long[] batches, final AtomicReference<Throwable> failure) {
        final PendingBatches<BatchPoints> pending = new PendingBatches<>(p);
        try {
            while (true) {
                final Object m = in.take();
                if (m == STOP) {
                    return;
                }
                if (failure.get() != null) {
                    continue;
                }
                final PendingBatches.Complete<BatchPoints> done;
                if (m instanceof BatchPoints bp) {
                    done = pending.points(bp.batch(), bp);
                } else {
                    final PartitionWindow w = (PartitionWindow) m;
                    done = pending.window(w.batch(), w.partition(), w.window(), w.startNanos());
                }
                if (done != null) {
                    final BatchPoints bp = done.points();
                    finisher.finish(done.batch(), bp.end(), bp.batchPoints(), bp.blocks(), done.windows(),
                        bp.readyNanos(), Math.max(done.startNanos(), bp.readyNanos()));
                    batches[0]++;
                }
            }
        } catch (final Throwable e) {
            failure.compareAndSet(null, e);
            drain(in);
        }
    }

    private static void drain(final BlockingQueue<Object> in) {
        try {
            while (in.take() != STOP) {
                // discard until told to stop
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void rethrow(final Throwable t) throws Exception {
        if (t == null) {
            return;
        }
        if (t instanceof Exception e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }
}
