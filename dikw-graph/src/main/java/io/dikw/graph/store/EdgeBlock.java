package io.dikw.graph.store;

/**
 * Layout of one vertex's out-edge block: a {@code long[]} of {@code 3 × capacity} longs, keys first
 * and the rest of each edge after them, so the store has no per-edge objects and an edge costs 24
 * bytes (plus the block's growth slack).
 *
 * <pre>
 *  [0, capacity): one key word per edge slot
 *  +-+-----------------------------------------------+----------------+
 *  |0| key: destination (int31) and type (u16), mixed| flags (16)     |
 *  +-+-----------------------------------------------+----------------+
 *  [capacity + 2·slot, +2): the edge's values
 *  +------------------------------------------------+----------------+
 *  | first time (int48, signed)                     | weight, high 16|
 *  +------------------------------------------------+----------------+
 *  | recent time (int48, signed)                    | weight, low 16 |
 *  +------------------------------------------------+----------------+
 * </pre>
 *
 * Keys sit together because finding an edge reads only keys, and late in a large ingest, when
 * blocks are far from the caches, those cache misses are most of an insertion's cost. A key is the
 * destination and type run through a bijective mix ({@link #key}), so any vertex's keys are spread
 * evenly: the first {@code sorted} slots are ordered by key and found by interpolation
 * ({@link #locate}: one probe where the key should be, then a few nearby), which touches a line or
 * two instead of a binary search's ~log2(sorted) dependent misses. Later slots form a short unsorted
 * tail that is merged in when it grows past {@link #tailLimit}. Times are 48-bit signed (epoch
 * milliseconds up to the year 6400); weights are 32-bit signed and saturate.
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
    private static final long LOW47 = (1L << 47) - 1;
    /** Odd multipliers of the key mix (from MurmurHash3's finalizer, cut to 47 bits), and their inverses. */
    private static final long MIX1 = 0x7f51afd7ed55L;
    private static final long MIX2 = 0x44ceb9fe1a85L;
    private static final long UNMIX1 = inverse(MIX1);
    private static final long UNMIX2 = inverse(MIX2);
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
        return destinationOf(key(b, slot));
    }

    static int type(final long[] b, final int slot) {
        return typeOf(key(b, slot));
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

    /**
     * The key of an edge: its destination (non-negative) and type, mixed by a bijection of 47-bit
     * numbers so that the keys of any vertex's edges are spread evenly over {@code [0, 2^47)}.
     * Blocks are ordered by this key, which lets {@link #find} guess where a key sits from its value
     * (interpolation) whatever the ids look like.
     */
    static long key(final int destination, final int type) {
        long x = ((long) destination << 16 | type) * MIX1 & LOW47;
        x ^= x >>> 24;
        x = x * MIX2 & LOW47;
        return x ^ x >>> 24;
    }

    /** @return the destination of a {@link #key(int, int) key} */
    static int destinationOf(final long key) {
        return (int) (unmix(key) >>> 16);
    }

    /** @return the type of a {@link #key(int, int) key} */
    static int typeOf(final long key) {
        return (int) (unmix(key) & LOW16);
    }

    private static long unmix(final long key) {
        long x = key ^ key >>> 24; // x ^= x >>> 24 undoes itself on 47 bits
        x = x * UNMIX2 & LOW47;
        x ^= x >>> 24;
        return x * UNMIX1 & LOW47;
    }

    /** @return the inverse of an odd number modulo 2^64 (so also modulo 2^47), by Newton's iteration */
    private static long inverse(final long odd) {
        long x = odd; // correct to 3 bits; each step doubles the correct bits
        for (int i = 0; i < 5; i++) {
            x *= 2 - odd * x;
        }
        return x;
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
     * Finds an edge: in the sorted prefix by interpolation, then by a scan of the tail.
     *
     * @return the slot, or -1
     */
    static int find(final long[] b, final int sorted, final int count, final long key) {
        if (sorted > 0) {
            final int at = locate(b, sorted, key);
            if (at < sorted && key(b, at) == key) {
                return at;
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
     * The first slot of the sorted prefix (at least 1 slot long) whose key is not below {@code key}
     * ({@code sorted} if none). Keys are spread evenly, so the slot {@code key / 2^47 × sorted} is
     * within about {@code sqrt(sorted) / 2} slots of the answer, usually in the same or the next
     * cache line: one probe there and a short gallop replace the ~log2(sorted) probes of a binary
     * search, each a cache miss in a block far from the caches.
     */
    static int locate(final long[] b, final int sorted, final long key) {
        final int at = (int) ((key >>> 15) * sorted >>> 32); // key < 2^47 and sorted < 2^31: no overflow
        final long k = key(b, at);
        if (k < key) {
            return lowerBound(b, at + 1, sorted, key);
        }
        if (k == key) {
            return at;
        }
        int hi = at; // key(hi) > key: the answer is at or below hi
        int step = 1;
        int lo = 0;
        while (hi - step >= 0) {
            final int probe = hi - step;
            if (key(b, probe) < key) {
                lo = probe + 1;
                break;
            }
            hi = probe;
            step <<= 1;
        }
        return firstNotBelow(b, lo, hi, key);
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
        return firstNotBelow(b, lo, Math.min(hi, sorted), key);
    }

    /** Binary search: the first slot in {@code [lo, hi)} whose key is not below {@code key}, or {@code hi}. */
    private static int firstNotBelow(final long[] b, final int from, final int to, final long key) {
        int lo = from;
        int hi = to;
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

    /**
     * How long the unsorted tail may grow for a block of {@code count} edges: {@code 8 + 2·sqrt(count)}.
     * A merge moves about the whole block (keys are spread evenly, so some tail key lands near the
     * front), so a tail of T costs {@code count / T} moved edges per insertion against {@code T / 2}
     * scanned keys (sequential, so cheap) per lookup; {@code T ~ sqrt(count)} balances the two. On
     * the R-MAT scale-20 benchmark factors 2 and 4 gave late batches about 8% more than 0.5 did; 2
     * keeps readers' tail scans shorter.
     */
    static int tailLimit(final int count) {
        return 8 + (int) (2 * Math.sqrt(count));
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

    /** Sorts a whole block of {@code count} edges (in merges of tails shorter than 65,536 edges). */
    static void sort(final long[] b, final int count) {
        for (int sorted = 0; sorted < count;) {
            final int next = Math.min(count, sorted + 0xFFFF);
            mergeTail(b, sorted, next);
            sorted = next;
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
