package io.dikw.core.vector;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable sparse vector of non-negative integer counts over 64-bit keys, stored as two
 * parallel arrays sorted by key, with its squared norm cached.
 *
 * <p>This is the shape of one data point in a high-dimensional, very sparse space (a
 * protomeme's tweet ids, users or words): a few entries out of billions of possible keys.
 * Iteration is a plain array walk, so a dot product against a {@link SumVector} costs one hash
 * lookup per entry and no allocation.
 */
public final class SparseVector {
    /** The vector with no entries. */
    public static final SparseVector EMPTY = new SparseVector(new long[0], new long[0]);

    private final long[] keys;
    private final long[] values;
    private final long normSquared;

    private SparseVector(final long[] keys, final long[] values) {
        this.keys = keys;
        this.values = values;
        long sum = 0;
        for (final long v : values) {
            sum += v * v;
        }
        this.normSquared = sum;
    }

    /**
     * A vector counting how often each key occurs in {@code keys} (repeats allowed, any order).
     *
     * @param keys the occurrences; not modified
     * @return the count vector
     */
    public static SparseVector countsOf(final long[] keys) {
        return fromOccurrences(keys, keys.length, false);
    }

    /**
     * A binary vector: 1 for every distinct key in {@code keys}.
     *
     * @param keys the members (repeats are ignored); not modified
     * @return the set vector
     */
    public static SparseVector setOf(final long[] keys) {
        return fromOccurrences(keys, keys.length, true);
    }

    /**
     * The vector counting the first {@code length} occurrences of {@code keys}.
     *
     * @param keys the occurrences; not modified
     * @param length how many of them to use
     * @param binary true to keep 1 per distinct key instead of the count
     * @return the vector
     */
    public static SparseVector fromOccurrences(final long[] keys, final int length, final boolean binary) {
        Objects.checkFromToIndex(0, length, keys.length);
        if (length == 0) {
            return EMPTY;
        }
        final long[] sorted = Arrays.copyOf(keys, length);
        Arrays.sort(sorted);
        int distinct = 1;
        for (int i = 1; i < length; i++) {
            if (sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        final long[] outKeys = new long[distinct];
        final long[] outValues = new long[distinct];
        int at = 0;
        outKeys[0] = sorted[0];
        outValues[0] = 1;
        for (int i = 1; i < length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                if (!binary) {
                    outValues[at]++;
                }
            } else {
                at++;
                outKeys[at] = sorted[i];
                outValues[at] = 1;
            }
        }
        return new SparseVector(outKeys, outValues);
    }

    /**
     * A vector from explicit entries.
     *
     * @param keys distinct keys in strictly increasing order
     * @param values positive counts, one per key
     * @return the vector (the arrays are copied)
     * @throws IllegalArgumentException when keys are not strictly increasing or a value is not positive
     */
    public static SparseVector of(final long[] keys, final long[] values) {
        if (keys.length != values.length) {
            throw new IllegalArgumentException(
                "keys and values differ in length: keys=" + keys.length + " values=" + values.length);
        }
        for (int i = 0; i < keys.length; i++) {
            if (values[i] <= 0) {
                throw new IllegalArgumentException("value must be positive: index=" + i + " value=" + values[i]);
            }
            if (i > 0 && keys[i] <= keys[i - 1]) {
                throw new IllegalArgumentException("keys must increase strictly: index=" + i + " key=" + keys[i]);
            }
        }
        return keys.length == 0 ? EMPTY : new SparseVector(keys.clone(), values.clone());
    }

    /** @return the number of non-zero entries */
    public int size() {
        return keys.length;
    }

    /** @return true when the vector has no entries */
    public boolean isEmpty() {
        return keys.length == 0;
    }

    /**
     * @param index entry position, 0 ≤ index &lt; size()
     * @return the key at that position (keys ascend with the index)
     */
    public long keyAt(final int index) {
        return keys[index];
    }

    /**
     * @param index entry position, 0 ≤ index &lt; size()
     * @return the count at that position
     */
    public long valueAt(final int index) {
        return values[index];
    }

    /**
     * @param key a key
     * @return its count, 0 when absent (binary search)
     */
    public long get(final long key) {
        final int at = Arrays.binarySearch(keys, key);
        return at >= 0 ? values[at] : 0;
    }

    /** @return the sum of squared counts (the squared Euclidean norm) */
    public long normSquared() {
        return normSquared;
    }

    /** @return the sum of all counts */
    public long total() {
        long sum = 0;
        for (final long v : values) {
            sum += v;
        }
        return sum;
    }

    /**
     * Calls {@code consumer} for every entry in key order.
     *
     * @param consumer receives (key, count)
     */
    public void forEach(final KeyCountConsumer consumer) {
        for (int i = 0; i < keys.length; i++) {
            consumer.accept(keys[i], values[i]);
        }
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof SparseVector that
            && Arrays.equals(keys, that.keys) && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(keys) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        final StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < keys.length && i < 16; i++) {
            sb.append(i == 0 ? "" : ", ").append(keys[i]).append('=').append(values[i]);
        }
        return sb.append(keys.length > 16 ? ", …}" : "}").toString();
    }

    /** Receives one (key, count) entry without boxing. */
    @FunctionalInterface
    public interface KeyCountConsumer {
        /**
         * @param key the entry's key
         * @param count the entry's count
         */
        void accept(long key, long count);
    }
}
