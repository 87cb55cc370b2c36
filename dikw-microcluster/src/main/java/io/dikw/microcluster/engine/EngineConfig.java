package io.dikw.microcluster.engine;

import io.dikw.microcluster.online.OnlineParams;
import java.io.Serializable;

/**
 * Settings of a clustering run, shared by the sequential, local and Storm engines.
 *
 * @param online        online-phase settings (q, init points over the whole stream, t, m, horizon, seed)
 * @param k             macro clusters of the offline phase
 * @param parallelism   partitions p (each runs the online phase on every p-th point)
 * @param window        sliding-window length in stream seconds
 * @param batch         batch length (= snapshot slot) in stream seconds
 * @param restarts      k-means++ restarts of the offline phase
 * @param evaluate      whether to keep the window's points and score each batch (SSQ, purity, NMI)
 * @param maxEvalPoints most window points kept for scoring (a stride sample of each batch beyond)
 * @param blockSize     points per block handed to a partition
 */
public record EngineConfig(OnlineParams online, int k, int parallelism, double window, double batch, int restarts,
    boolean evaluate, int maxEvalPoints, int blockSize) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Validates. */
    public EngineConfig {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        if (k < 1) {
            throw new IllegalArgumentException("k (macro clusters) must be at least 1, got " + k);
        }
        if (!(window > 0) || !(batch > 0)) {
            throw new IllegalArgumentException("window (" + window + ") and batch (" + batch + ") must be positive");
        }
        if (batch > window) {
            throw new IllegalArgumentException("the batch (" + batch + " s) must not be longer than the window ("
                + window + " s)");
        }
        if (blockSize < 1 || maxEvalPoints < 1) {
            throw new IllegalArgumentException("blockSize and maxEvalPoints must be at least 1");
        }
    }

    /**
     * The SCluStream paper's settings: q = 50, 2,000 initial points, 70 s window; k = 5, 5 s batches.
     *
     * @param parallelism partitions
     * @return the settings
     */
    public static EngineConfig paperDefaults(final int parallelism) {
        return new EngineConfig(OnlineParams.of(50, 2000, 70, 42), 5, parallelism, 70, 5, 10, true, 200_000, 1024);
    }

    /** @param p partitions @return a copy */
    public EngineConfig withParallelism(final int p) {
        return new EngineConfig(online, k, p, window, batch, restarts, evaluate, maxEvalPoints, blockSize);
    }

    /** @param on whether to score @return a copy */
    public EngineConfig withEvaluate(final boolean on) {
        return new EngineConfig(online, k, parallelism, window, batch, restarts, on, maxEvalPoints, blockSize);
    }

    /**
     * The online settings one partition runs with: its share of the initial points, its own seed.
     *
     * @param partition the partition index
     * @return the settings
     */
    public OnlineParams partitionOnline(final int partition) {
        final int init = (online.initPoints() + parallelism - 1) / parallelism;
        return online.withInitPoints(init).withSeed(online.seed() + 31L * partition);
    }
}
