package io.dikw.core.quality;

import java.util.Arrays;
import java.util.Objects;

/**
 * Overlapping normalized mutual information of Lancichinetti, Fortunato and Kertész,
 * "Detecting the overlapping and hierarchical community structure in complex networks",
 * New J. Phys. 11, 033015 (2009), appendix B.
 *
 * <p>Each cluster {@code X_k} is a binary random variable over the {@code n} items. For a pair
 * {@code (X_k, Y_l)} the joint probabilities {@code P11, P10, P01, P00} are the item counts in
 * both, only {@code X_k}, only {@code Y_l} and neither, divided by {@code n}. With
 * {@code h(p) = -p·log2 p}:
 * <ul>
 *   <li>{@code H(X_k|Y_l) = H(X_k, Y_l) - H(Y_l)}, admissible only when
 *       {@code h(P11) + h(P00) > h(P01) + h(P10)} (so a complementary cluster is not taken as
 *       informative);</li>
 *   <li>{@code H(X_k|Y)} is the minimum over admissible {@code l}, or {@code H(X_k)} when none
 *       is admissible;</li>
 *   <li>{@code H(X|Y)_norm} is the mean over {@code k} of {@code H(X_k|Y) / H(X_k)};</li>
 *   <li>{@code N(X|Y) = 1 - ½·[H(X|Y)_norm + H(Y|X)_norm]}.</li>
 * </ul>
 *
 * <p>Rules for uninformative clusters, which the paper leaves open: a cluster with
 * {@code H(X_k) = 0} (it holds every item) is skipped from the mean, since its normalized term is
 * {@code 0/0}; it still counts as a candidate {@code Y_l} for the other side. When neither cover
 * has an informative cluster the result is {@code 1.0}; when only one has none it is {@code 0.0}.
 * Same spirit as {@link Nmi}'s single-cluster rules.
 *
 * <p>Cost: {@code O(n + Σ_i |X(i)|·|Y(i)| + |X|·|Y|)} time, where {@code X(i)} are the clusters of
 * {@code x} holding item {@code i}, and {@code O(n + |X| + |Y| + Σ|Y_l|)} memory. Intersections
 * are accumulated sparsely, one row per {@code X_k}; pairs that do not intersect are still
 * evaluated ({@code P11 = 0} can be admissible).
 */
public final class LfkNmi {

    private static final double LN_2 = Math.log(2.0);

    private LfkNmi() {
    }

    /**
     * Computes the LFK overlapping NMI of two covers of the same items.
     *
     * @param x the first cover
     * @param y the second cover, over the same {@code n}
     * @return the similarity in {@code [0, 1]}, {@code 1} for identical covers; symmetric
     * @throws IllegalArgumentException if the covers are over different item counts
     */
    public static double between(final Cover x, final Cover y) {
        Objects.requireNonNull(x, "x can't be null");
        Objects.requireNonNull(y, "y can't be null");
        if (x.n() != y.n()) {
            throw new IllegalArgumentException("covers differ in item count: x.n=" + x.n() + ", y.n=" + y.n());
        }
        final boolean xInformative = hasInformativeCluster(x);
        final boolean yInformative = hasInformativeCluster(y);
        if (!xInformative || !yInformative) {
            return xInformative == yInformative ? 1.0 : 0.0;
        }
        return new Run(x, y).similarity();
    }

    private static boolean hasInformativeCluster(final Cover cover) {
        for (int k = 0; k < cover.size(); k++) {
            if (cover.clusterSize(k) < cover.n()) {
                return true;
            }
        }
        return false;
    }

    /** State of one computation: entropy table, memberships of y, best conditional entropies. */
    private static final class Run {

        private final Cover x;
        private final Cover y;
        private final int n;
        /** {@code h[c] = h(c / n)} in bits, for every count {@code c} in {@code [0, n]}. */
        private final double[] h;
        private final double[] entropyX;
        private final double[] entropyY;
        /** Best admissible {@code H(X_k|Y_l)} per {@code k}; {@code +inf} when none. */
        private final double[] bestX;
        /** Best admissible {@code H(Y_l|X_k)} per {@code l}; {@code +inf} when none. */
        private final double[] bestY;

        Run(final Cover x, final Cover y) {
            this.x = x;
            this.y = y;
            this.n = x.n();
            this.h = entropyTerms(n);
            this.entropyX = clusterEntropies(x, h);
            this.entropyY = clusterEntropies(y, h);
            this.bestX = infinities(x.size());
            this.bestY = infinities(y.size());
        }

        double similarity() {
            final Memberships membershipsY = new Memberships(y);
            final int[] intersections = new int[y.size()];
            for (int k = 0; k < x.size(); k++) {
                accumulateRow(x.clusterView(k), membershipsY, intersections);
                scoreRow(k, intersections);
            }
            final double conditionalX = normalizedMean(bestX, entropyX);
            final double conditionalY = normalizedMean(bestY, entropyY);
            return Math.max(0.0, Math.min(1.0, 1.0 - 0.5 * (conditionalX + conditionalY)));
        }

        /** Adds {@code |X_k ∩ Y_l|} into {@code intersections[l]} for every {@code l}. */
        private static void accumulateRow(final int[] cluster, final Memberships membershipsY, final int[] intersections) {
            for (final int item : cluster) {
                for (int j = membershipsY.start[item]; j < membershipsY.start[item + 1]; j++) {
                    intersections[membershipsY.clusters[j]]++;
                }
            }
        }

        /** Scores {@code X_k} against every {@code Y_l} and clears the row for the next one. */
        private void scoreRow(final int k, final int[] intersections) {
            final int a = x.clusterSize(k);
            for (int l = 0; l < intersections.length; l++) {
                final int both = intersections[l];
                intersections[l] = 0;
                final int b = y.clusterSize(l);
                final double diagonal = h[both] + h[(n - a) - (b - both)];
                final double offDiagonal = h[a - both] + h[b - both];
                if (diagonal > offDiagonal) {
                    final double joint = diagonal + offDiagonal;
                    bestX[k] = Math.min(bestX[k], Math.max(0.0, joint - entropyY[l]));
                    bestY[l] = Math.min(bestY[l], Math.max(0.0, joint - entropyX[k]));
                }
            }
        }

        /** Mean of {@code min(best, H) / H} over the clusters with {@code H > 0}. */
        private static double normalizedMean(final double[] best, final double[] entropy) {
            double sum = 0.0;
            int counted = 0;
            for (int k = 0; k < best.length; k++) {
                if (entropy[k] > 0.0) {
                    sum += Math.min(best[k], entropy[k]) / entropy[k];
                    counted++;
                }
            }
            return sum / counted;
        }

        private static double[] entropyTerms(final int n) {
            final double[] terms = new double[n + 1];
            for (int c = 1; c <= n; c++) {
                final double p = (double) c / n;
                terms[c] = -p * Math.log(p) / LN_2;
            }
            return terms;
        }

        private static double[] clusterEntropies(final Cover cover, final double[] h) {
            final double[] entropies = new double[cover.size()];
            for (int k = 0; k < entropies.length; k++) {
                entropies[k] = h[cover.clusterSize(k)] + h[cover.n() - cover.clusterSize(k)];
            }
            return entropies;
        }

        private static double[] infinities(final int length) {
            final double[] values = new double[length];
            Arrays.fill(values, Double.POSITIVE_INFINITY);
            return values;
        }
    }

    /** Item → clusters index of a cover in compressed-row form. */
    private static final class Memberships {

        /** Clusters of item {@code i} are {@code clusters[start[i] .. start[i+1])}. */
        private final int[] start;
        private final int[] clusters;

        Memberships(final Cover cover) {
            final int n = cover.n();
            start = new int[n + 1];
            long total = 0;
            for (int l = 0; l < cover.size(); l++) {
                for (final int item : cover.clusterView(l)) {
                    start[item + 1]++;
                }
                total += cover.clusterSize(l);
            }
            for (int i = 0; i < n; i++) {
                start[i + 1] += start[i];
            }
            clusters = new int[Math.toIntExact(total)];
            final int[] next = Arrays.copyOf(start, n);
            for (int l = 0; l < cover.size(); l++) {
                for (final int item : cover.clusterView(l)) {
                    clusters[next[item]++] = l;
                }
            }
        }
    }
}
