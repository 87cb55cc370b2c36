package io.dikw.microcluster.offline;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Weighted k-means: k-means++ seeding (Arthur and Vassilvitskii, 2007: the first centre drawn with
 * probability proportional to weight, each next one proportional to weight × squared distance to
 * the nearest centre chosen so far), then Lloyd iterations until no assignment changes.
 * O(iterations · n · k · d). Used twice: unweighted on the first points (the initial micro-clusters)
 * and weighted by N on the window's micro-cluster centroids (the offline phase).
 */
public final class WeightedKMeans {
    /** Lloyd iterations at most. */
    public static final int MAX_ITERATIONS_DEFAULT = 100;

    private WeightedKMeans() {
    }

    /**
     * The result: centres and, for each input point, its centre.
     *
     * @param k          centres found (may be fewer than asked when there are fewer distinct points)
     * @param centers    k × d, row-major
     * @param assignment for each point its centre
     * @param cost       Σ weight × squared distance to the assigned centre
     */
    public record Result(int k, double[] centers, int[] assignment, double cost) {
    }

    /**
     * k-means++ seeding only.
     *
     * @param points  n × d points, row-major
     * @param weights n weights (non-negative; null for all 1)
     * @param n       points
     * @param d       dimensions
     * @param k       centres wanted (≥ 1)
     * @param random  the source of randomness
     * @return k' ≤ k centres, row-major; fewer only when fewer than k points have positive weight and distance
     */
    public static double[] seed(final double[] points, final double[] weights, final int n, final int d, final int k,
        final SplittableRandom random) {
        if (n == 0) {
            return new double[0];
        }
        final double[] centers = new double[k * d];
        final double[] dist = new double[n];
        int first = pick(weights, null, n, random);
        System.arraycopy(points, first * d, centers, 0, d);
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        int chosen = 1;
        while (chosen < k) {
            final int last = (chosen - 1) * d;
            for (int p = 0; p < n; p++) {
                final double s = squared(points, p * d, centers, last, d);
                if (s < dist[p]) {
                    dist[p] = s;
                }
            }
            final int next = pick(weights, dist, n, random);
            if (next < 0) {
                break; // every remaining point sits on a centre
            }
            System.arraycopy(points, next * d, centers, chosen * d, d);
            chosen++;
        }
        return chosen == k ? centers : Arrays.copyOf(centers, chosen * d);
    }

    /** Draws an index with probability ∝ weight (× dist if given); -1 when all are zero. */
    private static int pick(final double[] weights, final double[] dist, final int n, final SplittableRandom random) {
        double total = 0;
        for (int p = 0; p < n; p++) {
            total += mass(weights, dist, p);
        }
        if (!(total > 0)) {
            return dist == null ? 0 : -1;
        }
        double r = random.nextDouble() * total;
        int last = -1;
        for (int p = 0; p < n; p++) {
            final double m = mass(weights, dist, p);
            if (m > 0) {
                last = p;
                r -= m;
                if (r < 0) {
                    return p;
                }
            }
        }
        return last;
    }

    private static double mass(final double[] weights, final double[] dist, final int p) {
        final double w = weights == null ? 1 : weights[p];
        return dist == null ? w : w * dist[p];
    }

    /**
     * k-means++ seeding then Lloyd iterations, best of {@code restarts} runs by cost.
     *
     * @param points   n × d points, row-major
     * @param weights  n weights (null for all 1)
     * @param n        points
     * @param d        dimensions
     * @param k        centres wanted
     * @param restarts independent runs (≥ 1)
     * @param random   the source of randomness
     * @return the cheapest run
     */
    public static Result cluster(final double[] points, final double[] weights, final int n, final int d, final int k,
        final int restarts, final SplittableRandom random) {
        Result best = null;
        for (int r = 0; r < Math.max(1, restarts); r++) {
            final Result run = lloyd(points, weights, n, d, seed(points, weights, n, d, k, random), MAX_ITERATIONS_DEFAULT);
            if (best == null || run.cost() < best.cost()) {
                best = run;
            }
        }
        return best;
    }

    /**
     * Lloyd iterations from given centres. A centre that loses all its points keeps its place.
     *
     * @param points        n × d points
     * @param weights       n weights (null for all 1)
     * @param n             points
     * @param d             dimensions
     * @param initial       k × d starting centres (copied)
     * @param maxIterations iterations at most
     * @return the converged clustering
     */
    public static Result lloyd(final double[] points, final double[] weights, final int n, final int d,
        final double[] initial, final int maxIterations) {
        final int k = initial.length / d;
        final double[] centers = initial.clone();
        final int[] assignment = new int[n];
        Arrays.fill(assignment, -1);
        final double[] sums = new double[k * d];
        final double[] mass = new double[k];
        double cost = 0;
        for (int it = 0; it < maxIterations && k > 0; it++) {
            boolean changed = false;
            cost = 0;
            for (int p = 0; p < n; p++) {
                int best = 0;
                double bestDist = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    final double s = squared(points, p * d, centers, c * d, d);
                    if (s < bestDist) {
                        bestDist = s;
                        best = c;
                    }
                }
                cost += (weights == null ? 1 : weights[p]) * bestDist;
                if (assignment[p] != best) {
                    assignment[p] = best;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            Arrays.fill(sums, 0);
            Arrays.fill(mass, 0);
            for (int p = 0; p < n; p++) {
                final double w = weights == null ? 1 : weights[p];
                final int c = assignment[p];
                mass[c] += w;
                for (int j = 0; j < d; j++) {
                    sums[c * d + j] += w * points[p * d + j];
                }
            }
            for (int c = 0; c < k; c++) {
                if (mass[c] > 0) {
                    for (int j = 0; j < d; j++) {
                        centers[c * d + j] = sums[c * d + j] / mass[c];
                    }
                }
            }
        }
        return new Result(k, centers, assignment, cost);
    }

    /**
     * @param a  flat values
     * @param ao offset of the first vector
     * @param b  flat values
     * @param bo offset of the second vector
     * @param d  dimensions
     * @return the squared Euclidean distance
     */
    public static double squared(final double[] a, final int ao, final double[] b, final int bo, final int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            final double diff = a[ao + j] - b[bo + j];
            s += diff * diff;
        }
        return s;
    }
}
