package io.dikw.social.cluster;

import io.dikw.core.vector.Cosine;
import io.dikw.core.vector.SparseVector;
import io.dikw.social.protomeme.Protomeme;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agrona.collections.Object2IntHashMap;

/**
 * The clusters of a run, in numbered slots, with the marker → cluster map and the inverted index
 * that makes the nearest-cluster search visit only clusters sharing something with a protomeme.
 *
 * <p>New clusters go into the lowest empty slot; while there are fewer than K·multiplier slots a
 * slot is appended; after that the least recently updated cluster (lowest slot on ties) is
 * replaced. Not thread-safe.
 */
public final class ClusterTable {
    private final int capacity;
    private final ClusterIndex index = new ClusterIndex();
    private final List<Cluster> slots = new ArrayList<>();
    private final Map<String, Cluster> byMarker = new HashMap<>();
    private final Object2IntHashMap<String> markersInWindow = new Object2IntHashMap<>(0);
    private long nextId = 1;
    private int live;
    // search scratch, sized to capacity
    private final long[][] dots;
    private final boolean[] touched;
    private final int[] touchedSlots;

    /** @param capacity the most clusters that may exist at once (K × multiplier) */
    public ClusterTable(final int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: capacity=" + capacity);
        }
        this.capacity = capacity;
        this.dots = new long[Space.ALL.length][capacity];
        this.touched = new boolean[capacity];
        this.touchedSlots = new int[capacity];
    }

    /**
     * @param marker a protomeme marker
     * @return the cluster the marker is mapped to, or null
     */
    public Cluster clusterOf(final String marker) {
        return byMarker.get(marker);
    }

    /**
     * Maps a marker to a cluster so later protomemes with it join directly.
     *
     * @param marker the marker
     * @param cluster its cluster
     */
    public void mapMarker(final String marker, final Cluster cluster) {
        byMarker.put(marker, cluster);
    }

    /**
     * Counts a protomeme's marker as present in the window.
     *
     * @param marker the marker
     */
    public void markerEntered(final String marker) {
        markersInWindow.merge(marker, 1, Integer::sum);
    }

    /**
     * Counts a protomeme's marker out of the window; the marker map forgets a marker no protomeme
     * in the window carries any more.
     *
     * @param marker the marker
     */
    public void markerLeft(final String marker) {
        final int left = markersInWindow.getValue(marker) - 1;
        if (left <= 0) {
            markersInWindow.removeKey(marker);
            byMarker.remove(marker);
        } else {
            markersInWindow.put(marker, left);
        }
    }

    /**
     * Adds a protomeme to a cluster.
     *
     * @param cluster a live cluster of this table
     * @param pm the protomeme
     */
    public void add(final Cluster cluster, final Protomeme pm) {
        cluster.add(pm);
    }

    /**
     * Removes a protomeme that expired from the window; a cluster left empty frees its slot.
     *
     * @param cluster the cluster it joined (ignored when that cluster was replaced since)
     * @param pm the protomeme
     * @return true when the cluster emptied and left its slot
     */
    public boolean expire(final Cluster cluster, final Protomeme pm) {
        if (cluster.isRetired()) {
            return false;
        }
        cluster.remove(pm);
        if (cluster.isEmpty()) {
            // remove() already dropped the marker from the cluster, so free() cannot see it
            if (byMarker.get(pm.marker()) == cluster) {
                byMarker.remove(pm.marker());
            }
            free(cluster);
            return true;
        }
        return false;
    }

    /**
     * Starts a new cluster for an outlier protomeme and maps its marker to it.
     *
     * @param pm the protomeme
     * @return the placement: the new cluster and the one it replaced, if any
     */
    public Placement startCluster(final Protomeme pm) {
        int slot = -1;
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i) == null) {
                slot = i;
                break;
            }
        }
        Cluster replaced = null;
        if (slot < 0) {
            if (slots.size() < capacity) {
                slot = slots.size();
                slots.add(null);
            } else {
                replaced = leastRecentlyUpdated();
                slot = replaced.slot();
                free(replaced);
            }
        }
        final Cluster cluster = new Cluster(nextId++, slot, pm.earliestMillis(), index);
        slots.set(slot, cluster);
        live++;
        cluster.add(pm);
        byMarker.put(pm.marker(), cluster);
        return new Placement(cluster, replaced);
    }

    private Cluster leastRecentlyUpdated() {
        Cluster oldest = null;
        for (final Cluster c : slots) {
            if (c != null && (oldest == null || c.latestUpdateMillis() < oldest.latestUpdateMillis())) {
                oldest = c;
            }
        }
        return oldest;
    }

    private void free(final Cluster cluster) {
        for (final String marker : cluster.markerTweets().keySet()) {
            if (byMarker.get(marker) == cluster) {
                byMarker.remove(marker);
            }
        }
        cluster.retire();
        slots.set(cluster.slot(), null);
        live--;
    }

    /**
     * Finds the most similar cluster through the inverted index: only clusters sharing a key with
     * the protomeme are visited; dot products are accumulated exactly, so the result is identical
     * to {@link #nearestByScan}.
     *
     * @param pm a protomeme
     * @return the best match (lowest slot on ties), or {@link Match#NONE} when nothing is similar
     */
    public Match nearest(final Protomeme pm) {
        int count = 0;
        for (final Space space : Space.ALL) {
            final SparseVector v = space.of(pm);
            final long[] dot = dots[space.ordinal()];
            for (int i = 0, n = v.size(); i < n; i++) {
                final long key = v.keyAt(i);
                final ClusterIndex.SlotList list = index.slots(space, key);
                if (list == null) {
                    continue;
                }
                final long weight = v.valueAt(i);
                for (int j = 0; j < list.size; j++) {
                    final int slot = list.slots[j];
                    if (!touched[slot]) {
                        touched[slot] = true;
                        touchedSlots[count++] = slot;
                    }
                    dot[slot] += weight * list.counts[j];
                }
            }
        }
        int bestSlot = -1;
        double best = 0;
        for (int t = 0; t < count; t++) {
            final int slot = touchedSlots[t];
            final Cluster c = slots.get(slot);
            double sim = 0;
            for (final Space space : Space.ALL) {
                final int s = space.ordinal();
                final double cos = Cosine.of(dots[s][slot], space.of(pm).normSquared(), c.centroid(space).normSquared());
                dots[s][slot] = 0;
                sim = Math.max(sim, cos);
            }
            touched[slot] = false;
            if (sim > best || (sim == best && sim > 0 && slot < bestSlot)) {
                best = sim;
                bestSlot = slot;
            }
        }
        return bestSlot < 0 ? Match.NONE : new Match(slots.get(bestSlot), best);
    }

    /**
     * The reference search: compares the protomeme with every live cluster.
     *
     * @param pm a protomeme
     * @return the best match (lowest slot on ties), or {@link Match#NONE}
     */
    public Match nearestByScan(final Protomeme pm) {
        Cluster bestCluster = null;
        double best = 0;
        for (final Cluster c : slots) {
            if (c == null) {
                continue;
            }
            final double sim = c.similarity(pm);
            if (sim > best) {
                best = sim;
                bestCluster = c;
            }
        }
        return bestCluster == null ? Match.NONE : new Match(bestCluster, best);
    }

    /** @return live clusters in slot order */
    public List<Cluster> clusters() {
        final List<Cluster> list = new ArrayList<>(live);
        for (final Cluster c : slots) {
            if (c != null) {
                list.add(c);
            }
        }
        return Collections.unmodifiableList(list);
    }

    /** @return the number of live clusters */
    public int size() {
        return live;
    }

    /** @return the number of markers mapped to clusters */
    public int mappedMarkers() {
        return byMarker.size();
    }

    /** @return keys held by the inverted index, over all spaces */
    public long indexedKeys() {
        return index.size();
    }

    /**
     * A search result.
     *
     * @param cluster the most similar cluster, or null
     * @param similarity its similarity, 0 when none
     */
    public record Match(Cluster cluster, double similarity) {
        /** No cluster shares anything with the protomeme. */
        public static final Match NONE = new Match(null, 0);
    }

    /**
     * Where an outlier went.
     *
     * @param cluster the new cluster
     * @param replaced the cluster it displaced, or null when a slot was free
     */
    public record Placement(Cluster cluster, Cluster replaced) {
    }
}
