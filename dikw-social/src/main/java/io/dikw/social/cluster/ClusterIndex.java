package io.dikw.social.cluster;

import io.dikw.core.vector.SumVector;
import java.util.Arrays;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * An inverted index from each key of each space (tweet id, user, word) to the slots of the
 * clusters whose centroid contains it. A protomeme only has a non-zero cosine with clusters that
 * share a key with it, so the nearest-cluster search visits those alone instead of every cluster.
 * Kept exact by {@link SumVector.KeyListener}s on every centroid.
 */
final class ClusterIndex {
    private final Long2ObjectHashMap<SlotList>[] postings;

    @SuppressWarnings("unchecked")
    ClusterIndex() {
        postings = new Long2ObjectHashMap[Space.ALL.length];
        for (int i = 0; i < postings.length; i++) {
            postings[i] = new Long2ObjectHashMap<>();
        }
    }

    SumVector.KeyListener listener(final Space space, final int slot) {
        final Long2ObjectHashMap<SlotList> map = postings[space.ordinal()];
        return new SumVector.KeyListener() {
            @Override
            public void keyAdded(final long key) {
                SlotList list = map.get(key);
                if (list == null) {
                    list = new SlotList();
                    map.put(key, list);
                }
                list.add(slot);
            }

            @Override
            public void keyRemoved(final long key) {
                final SlotList list = map.get(key);
                if (list != null && list.remove(slot) && list.size == 0) {
                    map.remove(key);
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

    /** A small unordered set of slots: append, swap-remove. */
    static final class SlotList {
        int[] slots = new int[2];
        int size;

        void add(final int slot) {
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
            }
            slots[size++] = slot;
        }

        boolean remove(final int slot) {
            for (int i = 0; i < size; i++) {
                if (slots[i] == slot) {
                    slots[i] = slots[--size];
                    return true;
                }
            }
            return false;
        }
    }
}
