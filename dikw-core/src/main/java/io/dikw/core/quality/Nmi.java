package io.dikw.core.quality;

import java.util.Arrays;
import java.util.Objects;

/**
 * Normalized mutual information between two partitions given as label arrays.
 *
 * <p>{@code NMI(a, b) = 2·I(a; b) / (H(a) + H(b))}, i.e. mutual information normalized by the
 * arithmetic mean of the two entropies. This is scikit-learn's default
 * ({@code average_method="arithmetic"}) and equals the V-measure, so our figures can be compared
 * with numbers computed there. The logarithm base cancels out.
 *
 * <p>Rules for the edge cases:
 * <ul>
 *   <li>an item whose label is negative in either array is unassigned and skipped;</li>
 *   <li>no item left, or both sides a single cluster: {@code 1.0} (the partitions agree; as
 *       scikit-learn);</li>
 *   <li>one side a single cluster and the other not: {@code 0.0} (a single cluster carries no
 *       information about the other partition).</li>
 * </ul>
 *
 * <p>Runs in {@code O(m log m)} for {@code m} items, without boxing.
 */
public final class Nmi {

    private Nmi() {
    }

    /**
     * Computes the NMI of two partitions of the same items.
     *
     * @param a labels of the first partition, one per item; negative means unassigned
     * @param b labels of the second partition, same length as {@code a}
     * @return the NMI in {@code [0, 1]}, symmetric in {@code a} and {@code b}
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static double between(final int[] a, final int[] b) {
        Objects.requireNonNull(a, "a can't be null");
        Objects.requireNonNull(b, "b can't be null");
        if (a.length != b.length) {
            throw new IllegalArgumentException("label arrays differ in length: a.length=" + a.length + ", b.length=" + b.length);
        }
        final int m = countAssignedInBoth(a, b);
        final int[] denseA = dense(assignedInBoth(a, b, a, m));
        final int[] denseB = dense(assignedInBoth(a, b, b, m));
        final int clustersA = countClusters(denseA);
        final int clustersB = countClusters(denseB);
        if (m == 0 || clustersA == 1 && clustersB == 1) {
            return 1.0;
        }
        if (clustersA == 1 || clustersB == 1) {
            return 0.0;
        }
        final double entropies = entropy(counts(denseA, clustersA), m) + entropy(counts(denseB, clustersB), m);
        final double nmi = 2.0 * mutualInformation(denseA, denseB, clustersA, clustersB) / entropies;
        return Math.max(0.0, Math.min(1.0, nmi));
    }

    private static int countAssignedInBoth(final int[] a, final int[] b) {
        int m = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] >= 0 && b[i] >= 0) {
                m++;
            }
        }
        return m;
    }

    /** The labels of {@code source} for the items assigned in both {@code a} and {@code b}. */
    private static int[] assignedInBoth(final int[] a, final int[] b, final int[] source, final int m) {
        final int[] kept = new int[m];
        int next = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] >= 0 && b[i] >= 0) {
                kept[next++] = source[i];
            }
        }
        return kept;
    }

    /** Renumbers labels to {@code 0..k-1} in ascending label order. */
    private static int[] dense(final int[] labels) {
        final int[] distinct = Arrays.stream(labels).sorted().distinct().toArray();
        final int[] result = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            result[i] = Arrays.binarySearch(distinct, labels[i]);
        }
        return result;
    }

    private static int countClusters(final int[] denseLabels) {
        int max = -1;
        for (final int label : denseLabels) {
            max = Math.max(max, label);
        }
        return max + 1;
    }

    private static int[] counts(final int[] denseLabels, final int clusters) {
        final int[] counts = new int[clusters];
        for (final int label : denseLabels) {
            counts[label]++;
        }
        return counts;
    }

    /** Shannon entropy in nats of the distribution {@code counts / m}. */
    private static double entropy(final int[] counts, final int m) {
        double h = 0.0;
        for (final int count : counts) {
            final double p = (double) count / m;
            h -= p * Math.log(p);
        }
        return h;
    }

    /** Mutual information in nats, from the non-zero cells of the contingency table. */
    private static double mutualInformation(final int[] a, final int[] b, final int clustersA, final int clustersB) {
        final int m = a.length;
        final int[] countsA = counts(a, clustersA);
        final int[] countsB = counts(b, clustersB);
        final long[] cells = new long[m];
        for (int i = 0; i < m; i++) {
            cells[i] = (long) a[i] * clustersB + b[i];
        }
        Arrays.sort(cells);
        double mi = 0.0;
        int start = 0;
        while (start < m) {
            int end = start + 1;
            while (end < m && cells[end] == cells[start]) {
                end++;
            }
            final double joint = end - start;
            final int ia = (int) (cells[start] / clustersB);
            final int ib = (int) (cells[start] % clustersB);
            mi += joint / m * Math.log(joint * m / ((double) countsA[ia] * countsB[ib]));
            start = end;
        }
        return mi;
    }
}
