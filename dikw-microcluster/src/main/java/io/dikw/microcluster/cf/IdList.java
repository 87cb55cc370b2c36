package io.dikw.microcluster.cf;

import java.util.Arrays;
import java.util.function.LongPredicate;

/**
 * The ids of the micro-clusters merged into one. The first id is the cluster's own and stays first;
 * the window phase looks an old snapshot cluster up by its first id. Kept short by {@link #retain}.
 */
public final class IdList {
    private long[] ids;
    private int size;

    private IdList(final long[] ids, final int size) {
        this.ids = ids;
        this.size = size;
    }

    /** @param id the own id @return a list holding just it */
    public static IdList of(final long id) {
        return new IdList(new long[] {id, 0}, 1);
    }

    /** @return an independent copy */
    public IdList copy() {
        return new IdList(Arrays.copyOf(ids, Math.max(size, 1)), size);
    }

    /** @return the cluster's own id */
    public long first() {
        return ids[0];
    }

    /** @return how many ids */
    public int size() {
        return size;
    }

    /** @param k an index below {@link #size()} @return the id */
    public long get(final int k) {
        return ids[k];
    }

    /** @param other ids appended after these (duplicates are not expected: ids are unique) */
    public void addAll(final IdList other) {
        if (size + other.size > ids.length) {
            ids = Arrays.copyOf(ids, Math.max(ids.length * 2, size + other.size));
        }
        System.arraycopy(other.ids, 0, ids, size, other.size);
        size += other.size;
    }

    /**
     * Keeps the first id and those of the others that {@code keep} accepts.
     *
     * @param keep which ids still matter
     */
    public void retain(final LongPredicate keep) {
        int w = 1;
        for (int r = 1; r < size; r++) {
            if (keep.test(ids[r])) {
                ids[w++] = ids[r];
            }
        }
        size = w;
    }
}
