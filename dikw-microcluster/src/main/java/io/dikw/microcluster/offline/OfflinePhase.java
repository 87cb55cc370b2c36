package io.dikw.microcluster.offline;

import io.dikw.microcluster.cf.CfSet;
import java.util.SplittableRandom;

/**
 * The offline phase: weighted k-means++ and Lloyd over the window's micro-cluster centroids,
 * weighted by their N, into k macro clusters; best of a few restarts by the exact CF cost.
 */
public final class OfflinePhase {
    /** Default k-means restarts. */
    public static final int RESTARTS_DEFAULT = 10;

    private final int k;
    private final int restarts;
    private final long seed;

    /**
     * @param k        macro clusters
     * @param restarts k-means++ restarts (best kept)
     * @param seed     seed (each call reseeds, so equal input gives equal output)
     */
    public OfflinePhase(final int k, final int restarts, final long seed) {
        if (k < 1) {
            throw new IllegalArgumentException("k (macro clusters) must be at least 1, got " + k);
        }
        this.k = k;
        this.restarts = Math.max(1, restarts);
        this.seed = seed;
    }

    /**
     * @param window the window's micro-clusters
     * @return the macro clusters (fewer than k when there are fewer micro-clusters)
     */
    public MacroClusters cluster(final CfSet window) {
        final int m = window.size();
        final int d = window.dims();
        if (m == 0) {
            return MacroClusters.empty(d);
        }
        final double[] centroids = new double[m * d];
        final double[] weights = new double[m];
        for (int i = 0; i < m; i++) {
            window.centroid(i, centroids, i * d);
            weights[i] = window.n(i);
        }
        final SplittableRandom random = new SplittableRandom(seed);
        WeightedKMeans.Result best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int r = 0; r < restarts; r++) {
            final double[] seeds = WeightedKMeans.seed(centroids, weights, m, d, Math.min(k, m), random);
            final WeightedKMeans.Result run = WeightedKMeans.lloyd(centroids, weights, m, d, seeds,
                WeightedKMeans.MAX_ITERATIONS_DEFAULT);
            final double cost = cfCost(window, run);
            if (cost < bestCost) {
                bestCost = cost;
                best = run;
            }
        }
        final double[] sizes = new double[best.k()];
        for (int i = 0; i < m; i++) {
            sizes[best.assignment()[i]] += window.n(i);
        }
        return new MacroClusters(best.k(), d, best.centers(), sizes, bestCost);
    }

    private static double cfCost(final CfSet window, final WeightedKMeans.Result run) {
        double cost = 0;
        for (int i = 0; i < window.size(); i++) {
            cost += window.costTo(i, run.centers(), run.assignment()[i] * window.dims());
        }
        return cost;
    }
}
