package io.dikw.graph.store;

/**
 * Layout of one vertex's out-edge block: a {@code long[]} of {@code 3 × capacity} longs, keys first
 * and the rest of each edge after them, so the store has no per-edge objects and an edge costs 24
 * bytes (plus the block's growth slack).
 *
 * <pre>
 *  [0, capacity): one key word per edge slot
 *  +--------------------------------+----------------+----------------+
 *  | destination (int32)            | type (u16)     | flags (16)     |
 *  +--------------------------------+----------------+----------------+
 *  [capacity + 2·slot, +2): the edge's values
 *  +------------------------------------------------+----------------+
 *  | first time (int48, signed)                     | weight, high 16|
 *  +------------------------------------------------+----------------+
 *  | recent time (int48, signed)                    | weight, low 16 |
 *  +------------------------------------------------+----------------+
 * </pre>
 *
 * Keys sit together because finding an edge reads only keys: a binary search over 8-byte keys
 * touches a third of the cache lines and memory pages it would touch over 24-byte slots, and late
 * in a large ingest, when blocks are far from the caches, those misses are most of an insertion's
 * cost. The first {@code sorted} slots are ordered by {@link #key} (destination, then type) and
 * found by binary search; later slots form a short unsorted tail that is merged in when it grows
 * past {@link #tailLimit}. Times are 48-bit signed (epoch milliseconds up to the year 6400);
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

    private static final long LOW16 = 0xFFFF;
    private static final long LOW48 = (1L << 48) - 1;
    private static final long DELETED = 1;

    private EdgeBlock() {
    }

    /** @return how many edges the block holds room for */
    static int capacity(final long[] b) {
        return b.length / LONGS_PER_EDGE;
    }

    /** @return a block with room for {@code capacity} edges */
    static long[] allocate(final int capacity) {
        return new long[capacity * LONGS_PER_EDGE];
    }

    private static int values(final long[] b, final int slot) {
        return b.length / LONGS_PER_EDGE + 2 * slot;
    }

    static int destination(final long[] b, final int slot) {
        return (int) (b[slot] >>> 32);
    }

    static int type(final long[] b, final int slot) {
        return (int) (b[slot] >>> 16 & LOW16);
    }

    static int weight(final long[] b, final int slot) {
        final int v = values(b, slot);
        return (int) ((b[v] & LOW16) << 16 | b[v + 1] & LOW16);
    }

    static long firstTime(final long[] b, final int slot) {
        return b[values(b, slot)] >> 16;
    }

    static long recentTime(final long[] b, final int slot) {
        return b[values(b, slot) + 1] >> 16;
    }

    static boolean deleted(final long[] b, final int slot) {
        return (b[slot] & DELETED) != 0;
    }

    /** The sort key of an edge: destination then type. */
    static long key(final int destination, final int type) {
        return (long) destination << 16 | type;
    }

    static long key(final long[] b, final int slot) {
        return b[slot] >>> 16;
    }

    static void write(final long[] b, final int slot, final int destination, final int type, final int weight,
        final long first, final long recent) {
        b[slot] = key(destination, type) << 16;
        final int v = values(b, slot);
        b[v] = first << 16 | (weight >>> 16);
        b[v + 1] = recent << 16 | (weight & LOW16);
    }

    /** Adds to the weight (saturating) and widens the time span; clears the deleted mark. */
    static void update(final long[] b, final int slot, final long addWeight, final long time) {
        final long w = Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, (long) weight(b, slot) + addWeight));
        final long first = Math.min(firstTime(b, slot), time);
        final long recent = Math.max(recentTime(b, slot), time);
        final int v = values(b, slot);
        b[v] = first << 16 | ((int) w >>> 16);
        b[v + 1] = recent << 16 | (w & LOW16);
    }

    static void markDeleted(final long[] b, final int slot) {
        b[slot] |= DELETED;
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
            final long k = b[mid] >>> 16;
            if (k < key) {
                lo = mid + 1;
            } else if (k > key) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        for (int s = sorted; s < count; s++) {
            if (b[s] >>> 16 == key) {
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
     * Copies the first {@code count} edges of {@code from} into {@code to} (whose capacity may
     * differ), at the same slots.
     */
    static void copy(final long[] from, final long[] to, final int count) {
        System.arraycopy(from, 0, to, 0, count);
        System.arraycopy(from, values(from, 0), to, values(to, 0), 2 * count);
    }

    /** Moves {@code n} edges from slot {@code from} to slot {@code to} within one block. */
    private static void move(final long[] b, final int from, final int to, final int n) {
        System.arraycopy(b, from, b, to, n);
        System.arraycopy(b, values(b, from), b, values(b, to), 2 * n);
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
        final long[] tail = allocate(t);
        for (int j = 0; j < t; j++) {
            final int s = sorted + (int) (order[j] & 0xFFFF);
            tail[j] = b[s];
            System.arraycopy(b, values(b, s), tail, values(tail, j), 2);
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
                move(b, lo, lo + j + 1, end - lo);
            }
            b[lo + j] = tail[j];
            System.arraycopy(tail, values(tail, j), b, values(b, lo + j), 2);
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
                    move(b, s, w, 1);
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

    /**
     * The edge in slot {@code slot} as three longs in the portable checkpoint order, which does not
     * depend on the block's capacity: destination and weight; type and first time; flags and recent
     * time (each 16-bit field in the top bits of its long, each 48-bit field below it).
     *
     * @param word 0, 1 or 2
     */
    static long portable(final long[] b, final int slot, final int word) {
        return switch (word) {
            case 0 -> (long) destination(b, slot) << 32 | (weight(b, slot) & 0xFFFFFFFFL);
            case 1 -> (long) type(b, slot) << 48 | (firstTime(b, slot) & LOW48);
            default -> (b[slot] & LOW16) << 48 | (recentTime(b, slot) & LOW48);
        };
    }

    /** Writes an edge given as {@link #portable} longs into slot {@code slot}. */
    static void fromPortable(final long[] b, final int slot, final long w0, final long w1, final long w2) {
        write(b, slot, (int) (w0 >>> 32), (int) (w1 >>> 48), (int) w0, w1 << 16 >> 16, w2 << 16 >> 16);
        b[slot] |= w2 >>> 48;
    }
}
