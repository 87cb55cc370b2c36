package io.dikw.microcluster.engine;

import io.dikw.microcluster.cf.CfSet;
import io.dikw.microcluster.data.PointBlock;
import io.dikw.microcluster.eval.Quality;
import io.dikw.microcluster.eval.WindowPoints;
import java.util.List;

/**
 * Turns one batch's partition windows (and, when evaluating, its points) into a {@link BatchResult}:
 * the merge and offline phase, the scores, the timings. One per run, called in batch order.
 */
public final class BatchFinisher {
    private final BatchReducer reducer;
    private final WindowPoints windowPoints;
    private final BatchListener listener;
    private long totalPoints;
    private BatchResult last;

    /**
     * @param config   the run's settings
     * @param dims     dimensions
     * @param listener hears each result
     */
    public BatchFinisher(final EngineConfig config, final int dims, final BatchListener listener) {
        this.reducer = new BatchReducer(config);
        this.windowPoints = config.evaluate()
            ? new WindowPoints(dims, config.window(), config.batch(), config.maxEvalPoints()) : null;
        this.listener = listener;
    }

    /**
     * @param batch       batch index
     * @param end         batch end (stream seconds)
     * @param batchPoints points in the batch
     * @param points      the batch's points (used only when evaluating; may be empty otherwise)
     * @param windows     partition windows by partition index
     * @param readyNanos  when the batch was handed over
     * @param startNanos  when its processing started
     * @return the result (also given to the listener)
     */
    public BatchResult finish(final long batch, final double end, final long batchPoints, final List<PointBlock> points,
        final List<CfSet> windows, final long readyNanos, final long startNanos) {
        final BatchReducer.Reduced r = reducer.reduce(batch, windows);
        final long doneNanos = System.nanoTime();
        Quality quality = null;
        if (windowPoints != null) {
            windowPoints.addBatch(end, points);
            quality = windowPoints.score(r.macro());
        }
        totalPoints += batchPoints;
        last = new BatchResult(batch, end, batchPoints, totalPoints, r.window().totalN(), r.window().size(), r.macro(),
            quality, (doneNanos - startNanos) / 1e6, Math.max(0, startNanos - readyNanos) / 1e6);
        listener.onBatch(last);
        return last;
    }

    /** @return the last result, or null before the first batch */
    public BatchResult last() {
        return last;
    }
}
