package io.dikw.social.cluster;

import io.dikw.core.vector.SumVector;
import java.util.Arrays;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * An inverted index from each key of each space (tweet id, user, word) to the slots of the
 * clusters whose centroid contains it. A protomeme only has a non-zero cosine with clusters that
 * share a key with it, so the nearest-cluster search visits those alone instead of every cluster.
 * Kept exact, counts included, by {@link SumVector.KeyListener}s on every centroid.
 */
final class ClusterIndex {
    private final Long2ObjectHashMap<SlotList>[] postings;

    @SuppressWarnings("unchecked")
    ClusterIndex(final boolean enabled) {
        this.enabled = enabled;
        postings = new Long2ObjectHashMap[Space.ALL.length];
        for (int i = 0; i < postings.length; i++) {
            postings[i] = new Long2ObjectHashMap<>();
        }
    }

    private final boolean enabled;

    SumVector.KeyListener listener(final Space space, final int slot) {
        if (!enabled) {
            return (key, oldCount, newCount) -> { };
        }
        final Long2ObjectHashMap<SlotList> map = postings[space.ordinal()];
        return (key, oldCount, newCount) -> {
            if (oldCount == 0) {
                SlotList list = map.get(key);
                if (list == null) {
                    list = new SlotList();
                    map.put(key, list);
                }
                list.add(slot, newCount);
            } else {
                final SlotList list = map.get(key);
                if (newCount == 0) {
                    if (list.remove(slot) && list.size == 0) {
                        map.remove(key);
                    }
                } else {
                    list.set(slot, newCount);
                }
            }
        };
    }

    /**
     * @param space a space
     * @param key a key
     * @return the slots containing it, or null
     */
    SlotList slots(final Space space, final long key) {
        return postings[space.ordinal()].get(key);
    }

    /** @return keys indexed over all spaces */
    long size() {
        long n = 0;
        for (final Long2ObjectHashMap<SlotList> map : postings) {
            n += map.size();
        }
        return n;
    }

    /**
     * The clusters holding one key, with the key's count in each: a pair of arrays sorted by slot,
     * so the search reads counts sequentially instead of probing every centroid's hash map, and a
     * count update (the most frequent change) finds its slot by binary search.
     */
    static final class SlotList {
        int[] slots = new int[2];
        long[] counts = new long[2];
        int size;

        void add(final int slot, final long count) {
            final int at = -(Arrays.binarySearch(slots, 0, size, slot) + 1);
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            System.arraycopy(slots, at, slots, at + 1, size - at);
            System.arraycopy(counts, at, counts, at + 1, size - at);
            slots[at] = slot;
            counts[at] = count;
            size++;
        }

        void set(final int slot, final long count) {
            counts[Arrays.binarySearch(slots, 0, size, slot)] = count;
        }

        boolean remove(final int slot) {
            final int at = Arrays.binarySearch(slots, 0, size, slot);
            if (at < 0) {
                return false;
            }
            System.arraycopy(slots, at + 1, slots, at, size - at - 1);
            System.arraycopy(counts, at + 1, counts, at, size - at - 1);
            size--;
            return true;
        }
    }
}
