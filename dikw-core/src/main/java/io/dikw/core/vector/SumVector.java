package io.dikw.core.vector;

import org.agrona.collections.Long2LongHashMap;

/**
 * A mutable sum of {@link SparseVector}s: the centroid of a cluster kept as sums rather than
 * means (cosine similarity does not care about scale), so adding and removing a member is exact
 * integer arithmetic and a window can expire members by subtraction.
 *
 * <p>The squared norm is maintained incrementally, so a cosine against it costs one hash lookup
 * per entry of the smaller side and never a pass over the centroid. An optional {@link
 * KeyListener} hears when a key appears or disappears, which is how an inverted index from keys
 * to centroids stays exact.
 */
public final class SumVector {
    private static final KeyListener NO_LISTENER = (key, oldCount, newCount) -> { };

    private final Long2LongHashMap counts = new Long2LongHashMap(0L);
    private final KeyListener listener;
    private long normSquared;

    /** An empty sum with no listener. */
    public SumVector() {
        this(NO_LISTENER);
    }

    /**
     * An empty sum that reports keys appearing and disappearing.
     *
     * @param listener told about every count change
     */
    public SumVector(final KeyListener listener) {
        this.listener = listener;
    }

    /**
     * Adds {@code vector} entry by entry.
     *
     * @param vector the vector to add
     */
    public void add(final SparseVector vector) {
        for (int i = 0, n = vector.size(); i < n; i++) {
            addCount(vector.keyAt(i), vector.valueAt(i));
        }
    }

    /**
     * Subtracts {@code vector}, which must have been added before (counts never go negative).
     *
     * @param vector the vector to remove
     * @throws IllegalStateException when a count would become negative
     */
    public void subtract(final SparseVector vector) {
        for (int i = 0, n = vector.size(); i < n; i++) {
            addCount(vector.keyAt(i), -vector.valueAt(i));
        }
    }

    /**
     * Adds {@code delta} (which may be negative) to one key's count.
     *
     * @param key the key
     * @param delta the change
     * @throws IllegalStateException when the count would become negative
     */
    public void addCount(final long key, final long delta) {
        final long old = counts.get(key);
        final long now = old + delta;
        if (now < 0) {
            throw new IllegalStateException("count would become negative: key=" + key + " count=" + old
                + " delta=" + delta);
        }
        if (now == old) {
            return;
        }
        normSquared += now * now - old * old;
        if (now == 0) {
            counts.remove(key);
        } else {
            counts.put(key, now);
        }
        listener.countChanged(key, old, now);
    }

    /** Adds every entry of {@code other}, as if its members had been added here. */
    public void addAll(final SumVector other) {
        other.counts.forEachLong(this::addCount);
    }

    /**
     * @param key a key
     * @return its count, 0 when absent
     */
    public long get(final long key) {
        return counts.get(key);
    }

    /** @return the number of keys with a positive count */
    public int size() {
        return counts.size();
    }

    /** @return true when every count is 0 */
    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** @return the sum of squared counts */
    public long normSquared() {
        return normSquared;
    }

    /**
     * The dot product with a sparse vector, walking the sparse side.
     *
     * @param vector the other side
     * @return Σ vector[k]·this[k], exact
     */
    public long dot(final SparseVector vector) {
        long sum = 0;
        for (int i = 0, n = vector.size(); i < n; i++) {
            sum += vector.valueAt(i) * counts.get(vector.keyAt(i));
        }
        return sum;
    }

    /**
     * Calls {@code consumer} for every entry, in no particular order.
     *
     * @param consumer receives (key, count)
     */
    public void forEach(final SparseVector.KeyCountConsumer consumer) {
        counts.forEachLong(consumer::accept);
    }

    /** @return an immutable copy with keys in ascending order */
    public SparseVector snapshot() {
        final long[] keys = new long[counts.size()];
        final int[] at = {0};
        counts.forEachLong((k, v) -> keys[at[0]++] = k);
        java.util.Arrays.sort(keys);
        final long[] values = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            values[i] = counts.get(keys[i]);
        }
        return SparseVector.of(keys, values);
    }

    /**
     * Hears every change of a count in a {@link SumVector}: a key appears when the old count is 0
     * and disappears when the new count is 0.
     */
    @FunctionalInterface
    public interface KeyListener {
        /**
         * @param key the key
         * @param oldCount its count before (0 when it just appeared)
         * @param newCount its count now (0 when it just disappeared)
         */
        void countChanged(long key, long oldCount, long newCount);
    }
}
