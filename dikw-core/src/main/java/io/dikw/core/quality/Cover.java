package io.dikw.core.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable set of possibly overlapping clusters over the items {@code 0..n-1}.
 *
 * <p>Each cluster is a non-empty, sorted array of distinct items. An item may belong to several
 * clusters or to none. This is the input of {@link LfkNmi}; a partition is the special case where
 * every item is in at most one cluster (see {@link #fromLabels(int[])}).
 */
public final class Cover {

    private static final int[][] NO_CLUSTERS = new int[0][];

    private final int n;
    private final int[][] clusters;

    private Cover(final int n, final int[][] clusters) {
        this.n = n;
        this.clusters = clusters;
    }

    /**
     * Builds a cover from explicit clusters; the arrays are copied.
     *
     * <p>Items are sorted and de-duplicated within each cluster and empty clusters are dropped,
     * so {@link #size()} may be smaller than {@code clusters.size()}.
     *
     * @param n        number of items; items are {@code 0..n-1}
     * @param clusters the clusters, in the order they will be numbered
     * @return the cover
     * @throws IllegalArgumentException if {@code n < 0} or an item is outside {@code [0, n)};
     *                                  the message names the cluster index and the item
     */
    public static Cover of(final int n, final List<int[]> clusters) {
        requireNonNegative(n);
        Objects.requireNonNull(clusters, "clusters can't be null");
        final List<int[]> kept = new ArrayList<>(clusters.size());
        for (int i = 0; i < clusters.size(); i++) {
            final int[] cluster = Objects.requireNonNull(clusters.get(i), "cluster " + i + " is null");
            checkItems(n, i, cluster);
            final int[] normalized = sortedDistinct(cluster);
            if (normalized.length > 0) {
                kept.add(normalized);
            }
        }
        return new Cover(n, kept.toArray(NO_CLUSTERS));
    }

    /**
     * Builds the partition described by one label per item, clusters numbered by ascending label.
     *
     * @param labels {@code labels[i]} is the cluster label of item {@code i}; a negative label
     *               means "unassigned" and the item belongs to no cluster
     * @return a cover over {@code labels.length} items
     */
    public static Cover fromLabels(final int[] labels) {
        Objects.requireNonNull(labels, "labels can't be null");
        final int[] distinct = Arrays.stream(labels).filter(label -> label >= 0).sorted().distinct().toArray();
        final int[] sizes = new int[distinct.length];
        for (final int label : labels) {
            if (label >= 0) {
                sizes[Arrays.binarySearch(distinct, label)]++;
            }
        }
        final int[][] clusters = new int[distinct.length][];
        for (int c = 0; c < clusters.length; c++) {
            clusters[c] = new int[sizes[c]];
        }
        final int[] filled = new int[distinct.length];
        for (int item = 0; item < labels.length; item++) {
            if (labels[item] >= 0) {
                final int c = Arrays.binarySearch(distinct, labels[item]);
                clusters[c][filled[c]++] = item;
            }
        }
        return new Cover(labels.length, clusters);
    }

    /**
     * Returns the number of items, {@code n}.
     *
     * @return the number of items the cover is defined over
     */
    public int n() {
        return n;
    }

    /**
     * Returns the number of (non-empty) clusters.
     *
     * @return the cluster count
     */
    public int size() {
        return clusters.length;
    }

    /**
     * Returns a copy of cluster {@code i}: its items, sorted and distinct.
     *
     * @param i cluster index in {@code [0, size())}
     * @return a fresh array the caller may modify
     */
    public int[] cluster(final int i) {
        return clusters[i].clone();
    }

    /**
     * Returns the number of items in cluster {@code i} without copying it.
     *
     * @param i cluster index in {@code [0, size())}
     * @return the cluster's size, at least 1
     */
    public int clusterSize(final int i) {
        return clusters[i].length;
    }

    /** Cluster {@code i} without a copy, for the measures in this package; never modify it. */
    int[] clusterView(final int i) {
        return clusters[i];
    }

    /**
     * Restricts the cover to a subset of items, re-numbered by position, so a clustering can be
     * scored on only the items that have ground-truth labels.
     *
     * <p>Item {@code items[j]} becomes item {@code j} of the result. Clusters left empty are
     * dropped, so cluster indices may shift; the remaining clusters keep their order.
     *
     * @param items distinct items of this cover, in the order that defines the new numbering
     * @return a cover over {@code items.length} items
     * @throws IllegalArgumentException if an item is out of range or repeated
     */
    public Cover restrictTo(final int[] items) {
        Objects.requireNonNull(items, "items can't be null");
        final int[] newIndex = newIndexOf(items);
        final List<int[]> kept = new ArrayList<>(clusters.length);
        for (final int[] cluster : clusters) {
            final int[] mapped = Arrays.stream(cluster).map(item -> newIndex[item]).filter(j -> j >= 0).sorted().toArray();
            if (mapped.length > 0) {
                kept.add(mapped);
            }
        }
        return new Cover(items.length, kept.toArray(NO_CLUSTERS));
    }

    /**
     * Two covers are equal when they have the same {@code n} and the same clusters in the same
     * order.
     */
    @Override
    public boolean equals(final Object other) {
        return other instanceof Cover && n == ((Cover) other).n && Arrays.deepEquals(clusters, ((Cover) other).clusters);
    }

    /** Hash consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return 31 * n + Arrays.deepHashCode(clusters);
    }

    /** Short summary: item count, cluster count and the first clusters. */
    @Override
    public String toString() {
        final int shown = Math.min(clusters.length, 5);
        final StringBuilder text = new StringBuilder("Cover{n=").append(n).append(", size=").append(clusters.length);
        for (int i = 0; i < shown; i++) {
            text.append(i == 0 ? ", clusters=" : ", ").append(Arrays.toString(clusters[i]));
        }
        return text.append(shown < clusters.length ? ", ...}" : "}").toString();
    }

    private int[] newIndexOf(final int[] items) {
        final int[] newIndex = new int[n];
        Arrays.fill(newIndex, -1);
        for (int j = 0; j < items.length; j++) {
            final int item = items[j];
            if (item < 0 || item >= n) {
                throw new IllegalArgumentException("item out of range: items[" + j + "]=" + item + ", n=" + n);
            }
            if (newIndex[item] >= 0) {
                throw new IllegalArgumentException("duplicate item: items[" + j + "]=" + item);
            }
            newIndex[item] = j;
        }
        return newIndex;
    }

    private static void requireNonNegative(final int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0: n=" + n);
        }
    }

    private static void checkItems(final int n, final int clusterIndex, final int[] cluster) {
        for (final int item : cluster) {
            if (item < 0 || item >= n) {
                throw new IllegalArgumentException(
                    "item out of range in cluster " + clusterIndex + ": item=" + item + ", n=" + n);
            }
        }
    }

    private static int[] sortedDistinct(final int[] items) {
        final int[] sorted = items.clone();
        Arrays.sort(sorted);
        int length = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[length++] = sorted[i];
            }
        }
        return length == sorted.length ? sorted : Arrays.copyOf(sorted, length);
    }

    /**
     * Collects memberships one (cluster key, item) pair at a time, for callers that stream them
     * (for example from a clustering's output file) and use arbitrary cluster ids.
     *
     * <p>Clusters are numbered in the order their keys are first seen. Not thread-safe.
     */
    public static final class Builder {

        private final int n;
        private final Map<Long, Integer> indexOfKey = new HashMap<>();
        private final List<int[]> members = new ArrayList<>();
        private final List<Integer> sizes = new ArrayList<>();

        /**
         * Starts an empty cover over {@code n} items.
         *
         * @param n number of items; items are {@code 0..n-1}
         * @throws IllegalArgumentException if {@code n < 0}
         */
        public Builder(final int n) {
            requireNonNegative(n);
            this.n = n;
        }

        /**
         * Records that {@code item} belongs to the cluster identified by {@code clusterKey};
         * repeated pairs are harmless.
         *
         * @param clusterKey any id of the cluster (an {@code int} id widens to it)
         * @param item       an item in {@code [0, n)}
         * @return this builder
         * @throws IllegalArgumentException if the item is out of range
         */
        public Builder add(final long clusterKey, final int item) {
            if (item < 0 || item >= n) {
                throw new IllegalArgumentException(
                    "item out of range in cluster key " + clusterKey + ": item=" + item + ", n=" + n);
            }
            final int index = indexOfKey.computeIfAbsent(clusterKey, key -> newCluster());
            append(index, item);
            return this;
        }

        /**
         * Builds the cover from the memberships added so far; the builder stays usable.
         *
         * @return the cover, one cluster per distinct key
         */
        public Cover build() {
            final int[][] clusters = new int[members.size()][];
            for (int i = 0; i < clusters.length; i++) {
                clusters[i] = sortedDistinct(Arrays.copyOf(members.get(i), sizes.get(i)));
            }
            return new Cover(n, clusters);
        }

        private int newCluster() {
            members.add(new int[4]);
            sizes.add(0);
            return members.size() - 1;
        }

        private void append(final int index, final int item) {
            final int size = sizes.get(index);
            int[] items = members.get(index);
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
                members.set(index, items);
            }
            items[size] = item;
            sizes.set(index, size + 1);
        }
    }
}
