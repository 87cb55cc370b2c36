package io.dikw.graph.store;

/**
 * Layout of one vertex's out-edge block: a {@code long[]} holding three longs per edge, so the
 * store has no per-edge objects and an edge costs 24 bytes (plus the block's growth slack).
 *
 * <pre>
 *  slot i (3 longs)
 *  +--------------------------------+--------------------------------+
 *  | w0: destination (int32, high)  | weight (int32, low)            |
 *  +----------------+---------------+--------------------------------+
 *  | w1: type (u16) | first time (int48, signed)                     |
 *  +----------------+------------------------------------------------+
 *  | w2: flags (16) | recent time (int48, signed)                    |
 *  +----------------+------------------------------------------------+
 * </pre>
 *
 * The first {@code sorted} slots of a block are ordered by {@link #key} (destination, then type)
 * and found by binary search; later slots form a short unsorted tail that is merged in when it
 * grows past {@link #tailLimit}. Times are 48-bit signed (epoch milliseconds up to the year 6400);
 * weights are 32-bit signed and saturate.
 */
public final class EdgeBlock {
    /** Longs per edge slot. */
    public static final int LONGS_PER_EDGE = 3;
    /** Bytes per edge slot. */
    public static final int BYTES_PER_EDGE = LONGS_PER_EDGE * Long.BYTES;
    /** Largest edge type id (types are unsigned 16-bit). */
    public static final int MAX_TYPE = 0xFFFF;
    /** Largest time that fits the 48-bit time fields. */
    public static final long MAX_TIME = (1L << 47) - 1;
    /** Smallest time that fits the 48-bit time fields. */
    public static final long MIN_TIME = -(1L << 47);

    static final long LOW48 = (1L << 48) - 1;
    static final long DELETED = 1L << 48;

    private EdgeBlock() {
    }

    static int destination(final long[] b, final int slot) {
        return (int) (b[slot * 3] >>> 32);
    }

    static int weight(final long[] b, final int slot) {
        return (int) b[slot * 3];
    }

    static int type(final long[] b, final int slot) {
        return (int) (b[slot * 3 + 1] >>> 48);
    }

    static long firstTime(final long[] b, final int slot) {
        return b[slot * 3 + 1] << 16 >> 16;
    }

    static long recentTime(final long[] b, final int slot) {
        return b[slot * 3 + 2] << 16 >> 16;
    }

    static boolean deleted(final long[] b, final int slot) {
        return (b[slot * 3 + 2] & DELETED) != 0;
    }

    /** The sort key of an edge: destination then type. */
    static long key(final int destination, final int type) {
        return (long) destination << 16 | type;
    }

    static long key(final long[] b, final int slot) {
        return (b[slot * 3] >>> 32) << 16 | b[slot * 3 + 1] >>> 48;
    }

    static void write(final long[] b, final int slot, final int destination, final int type, final int weight,
        final long first, final long recent) {
        final int i = slot * 3;
        b[i] = (long) destination << 32 | (weight & 0xFFFFFFFFL);
        b[i + 1] = (long) type << 48 | (first & LOW48);
        b[i + 2] = recent & LOW48;
    }

    /** Adds to the weight (saturating) and widens the time span; clears the deleted mark. */
    static void update(final long[] b, final int slot, final long addWeight, final long time) {
        final int i = slot * 3;
        final long w = Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, (long) (int) b[i] + addWeight));
        b[i] = (b[i] & 0xFFFFFFFF00000000L) | (w & 0xFFFFFFFFL);
        if (time < firstTime(b, slot)) {
            b[i + 1] = (b[i + 1] & ~LOW48) | (time & LOW48);
        }
        if (time > recentTime(b, slot)) {
            b[i + 2] = (b[i + 2] & ~LOW48) | (time & LOW48);
        }
    }

    static void markDeleted(final long[] b, final int slot) {
        b[slot * 3 + 2] |= DELETED;
    }

    /**
     * Finds an edge: binary search in the sorted prefix, then a scan of the tail.
     *
     * @return the slot, or -1
     */
    static int find(final long[] b, final int sorted, final int count, final long key) {
        int lo = 0;
        int hi = sorted - 1;
        while (lo <= hi) {
            final int mid = (lo + hi) >>> 1;
            final long k = key(b, mid);
            if (k < key) {
                lo = mid + 1;
            } else if (k > key) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        final long dst = key >>> 16;
        final long type = key & 0xFFFF;
        for (int s = sorted; s < count; s++) {
            if (b[s * 3] >>> 32 == dst && b[s * 3 + 1] >>> 48 == type) {
                return s;
            }
        }
        return -1;
    }

    /**
     * The first slot in {@code [from, sorted)} of the sorted prefix whose key is not below
     * {@code key} ({@code sorted} if none), by galloping from {@code from}: O(log gap) probes, all
     * near {@code from}, so a run of ascending keys walks the prefix once instead of paying a full
     * binary search (and its cache misses) per key.
     */
    static int lowerBound(final long[] b, final int from, final int sorted, final long key) {
        int lo = from;
        int step = 1;
        int hi = from;
        while (hi < sorted && key(b, hi) < key) {
            lo = hi + 1;
            hi = from + step;
            step <<= 1;
        }
        hi = Math.min(hi, sorted);
        while (lo < hi) {
            final int mid = (lo + hi) >>> 1;
            if (key(b, mid) < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** How long the unsorted tail may grow for a block of {@code count} edges: O(sqrt(count)). */
    static int tailLimit(final int count) {
        return 8 + (int) Math.sqrt(count) / 2;
    }

    /** The capacity (in edges) a block grows to when it must hold {@code needed} edges. */
    static int grownCapacity(final int current, final int needed) {
        final long grown = current + (current >> 2) + 2L;
        return (int) Math.min(Integer.MAX_VALUE / LONGS_PER_EDGE, Math.max(needed, grown));
    }

    /**
     * Sorts the tail {@code [sorted, count)} and merges it into the sorted prefix in place: the
     * tail goes to a scratch array in key order, then, from the back, each tail edge finds its place
     * in the prefix by binary search and the prefix edges above it move up in one copy.
     */
    static void mergeTail(final long[] b, final int sorted, final int count) {
        final int t = count - sorted;
        if (t <= 0) {
            return;
        }
        final long[] order = new long[t];
        for (int j = 0; j < t; j++) {
            order[j] = key(b, sorted + j) << 16 | j; // the tail is shorter than 65,536 edges
        }
        java.util.Arrays.sort(order);
        final long[] tail = new long[t * 3];
        for (int j = 0; j < t; j++) {
            System.arraycopy(b, (sorted + (int) (order[j] & 0xFFFF)) * 3, tail, j * 3, 3);
        }
        int end = sorted; // prefix edges [0, end) are not placed yet
        for (int j = t - 1; j >= 0; j--) {
            final long k = order[j] >>> 16;
            int lo = 0;
            int hi = end;
            while (lo < hi) { // first prefix slot with a key above k
                final int mid = (lo + hi) >>> 1;
                if (key(b, mid) <= k) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if (lo < end) {
                System.arraycopy(b, lo * 3, b, (lo + j + 1) * 3, (end - lo) * 3);
            }
            System.arraycopy(tail, j * 3, b, (lo + j) * 3, 3);
            end = lo;
        }
    }

    /**
     * Removes the slots marked deleted, keeping order (so a sorted prefix stays sorted).
     *
     * @return the new count; the new sorted length is written to {@code sortedOut[0]}
     */
    static int compact(final long[] b, final int sorted, final int count, final int[] sortedOut) {
        int w = 0;
        int newSorted = 0;
        for (int s = 0; s < count; s++) {
            if (!deleted(b, s)) {
                if (w != s) {
                    System.arraycopy(b, s * 3, b, w * 3, 3);
                }
                w++;
                if (s < sorted) {
                    newSorted = w;
                }
            }
        }
        sortedOut[0] = newSorted;
        return w;
    }
}
