package io.dikw.social.cluster;

import io.dikw.core.vector.Cosine;
import io.dikw.core.vector.SparseVector;
import io.dikw.social.protomeme.Protomeme;
import java.util.ArrayDeque;
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
 * replaced.
 *
 * <p>Between {@link #beginSpeculation()} and {@link #rollback()} every change is logged with its
 * inverse, so a parallel worker can apply its own decisions at once (seeing them, as the
 * sequential algorithm would) and later take them back exactly before applying the decisions the
 * coordinator made authoritative. Not thread-safe.
 */
public final class ClusterTable {
    private final int capacity;
    private final boolean indexed;
    private final ClusterIndex index;
    private final List<Cluster> slots = new ArrayList<>();
    private final Map<String, Cluster> byMarker = new HashMap<>();
    private final Object2IntHashMap<String> markersInWindow = new Object2IntHashMap<>(0);
    private final org.agrona.collections.Long2ObjectHashMap<Cluster> byId =
        new org.agrona.collections.Long2ObjectHashMap<>();
    private final ArrayDeque<Runnable> undo = new ArrayDeque<>();
    private boolean speculating;
    private long nextId = 1;
    private int live;
    // search scratch, sized to capacity
    private final long[][] dots;
    private final boolean[] touched;
    private final int[] touchedSlots;

    /** @param capacity the most clusters that may exist at once (K × multiplier) */
    public ClusterTable(final int capacity) {
        this(capacity, true);
    }

    /**
     * @param capacity the most clusters that may exist at once (K × multiplier)
     * @param indexed false to keep no inverted index (for a table that never searches, like a
     *     parallel coordinator's: {@link #nearest} then scans)
     */
    public ClusterTable(final int capacity, final boolean indexed) {
        this.index = new ClusterIndex(indexed);
        this.indexed = indexed;
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
        final Cluster before = byMarker.put(marker, cluster);
        log(() -> restoreMapping(marker, before));
    }

    private void unmapMarker(final String marker) {
        final Cluster before = byMarker.remove(marker);
        log(() -> restoreMapping(marker, before));
    }

    private void restoreMapping(final String marker, final Cluster before) {
        if (before == null) {
            byMarker.remove(marker);
        } else {
            byMarker.put(marker, before);
        }
    }

    /**
     * Counts a protomeme's marker as present in the window.
     *
     * @param marker the marker
     */
    public void markerEntered(final String marker) {
        markersInWindow.merge(marker, 1, Integer::sum);
        log(() -> {
            final int left = markersInWindow.getValue(marker) - 1;
            if (left <= 0) {
                markersInWindow.removeKey(marker);
            } else {
                markersInWindow.put(marker, left);
            }
        });
    }

    /**
     * Counts a protomeme's marker out of the window; the marker map forgets a marker no protomeme
     * in the window carries any more.
     *
     * @param marker the marker
     */
    public void markerLeft(final String marker) {
        requireNotSpeculating("markerLeft");
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
        final long before = cluster.latestUpdateMillis();
        cluster.add(pm);
        log(() -> cluster.undoAdd(pm, before));
    }

    /**
     * Removes a protomeme that expired from the window; a cluster left empty frees its slot.
     *
     * @param cluster the cluster it joined (ignored when that cluster was replaced since)
     * @param pm the protomeme
     * @return true when the cluster emptied and left its slot
     */
    public boolean expire(final Cluster cluster, final Protomeme pm) {
        requireNotSpeculating("expire");
        if (cluster.isRetired()) {
            return false;
        }
        cluster.remove(pm);
        if (cluster.isEmpty()) {
            // remove() already dropped the marker from the cluster, so free() cannot see it
            if (byMarker.get(pm.marker()) == cluster) {
                unmapMarker(pm.marker());
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
                log(() -> slots.remove(slots.size() - 1));
            } else {
                replaced = leastRecentlyUpdated();
                slot = replaced.slot();
                free(replaced);
            }
        }
        final Cluster cluster = new Cluster(nextId++, slot, pm.earliestMillis(), index);
        place(cluster);
        cluster.add(pm);
        mapMarker(pm.marker(), cluster);
        log(() -> {
            cluster.retire();
            slots.set(cluster.slot(), null);
            byId.remove(cluster.id());
            live--;
            nextId--;
        });
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

    private void place(final Cluster cluster) {
        slots.set(cluster.slot(), cluster);
        byId.put(cluster.id(), cluster);
        live++;
    }

    private void free(final Cluster cluster) {
        for (final String marker : cluster.markerTweets().keySet()) {
            if (byMarker.get(marker) == cluster) {
                unmapMarker(marker);
            }
        }
        cluster.retire();
        slots.set(cluster.slot(), null);
        byId.remove(cluster.id());
        live--;
        log(() -> {
            cluster.revive();
            place(cluster);
        });
    }

    // ------------------------------------------------------------ speculation

    /** Starts logging every change so {@link #rollback()} can take them all back. */
    public void beginSpeculation() {
        undo.clear();
        speculating = true;
    }

    /** Takes back every change since {@link #beginSpeculation()}, newest first, and stops logging. */
    public void rollback() {
        speculating = false;
        while (!undo.isEmpty()) {
            undo.pollLast().run();
        }
    }

    /**
     * Takes back the changes logged after the first {@code mark}, newest first, keeps the earlier
     * ones and stops logging.
     *
     * @param mark an {@link #undoSize()} taken during this speculation
     */
    public void rollbackTo(final int mark) {
        speculating = false;
        while (undo.size() > mark) {
            undo.pollLast().run();
        }
        undo.clear();
    }

    /** @return changes logged so far in this speculation (a mark for {@link #rollbackTo}) */
    public int undoSize() {
        return undo.size();
    }

    /** Keeps the changes since {@link #beginSpeculation()} and stops logging. */
    public void commit() {
        speculating = false;
        undo.clear();
    }

    /** @return true between {@link #beginSpeculation()} and {@link #rollback()} or {@link #commit()} */
    public boolean isSpeculating() {
        return speculating;
    }

    private void log(final Runnable inverse) {
        if (speculating) {
            undo.addLast(inverse);
        }
    }

    private void requireNotSpeculating(final String what) {
        if (speculating) {
            throw new IllegalStateException(what + " is not allowed while speculating");
        }
    }

    /**
     * @param id a cluster id
     * @return the live cluster with that id, or null
     */
    public Cluster byId(final long id) {
        return byId.get(id);
    }

    /** @return the id the next new cluster will get */
    public long nextId() {
        return nextId;
    }

    /** @return the number of slots in use or freed (the table's current length) */
    public int slotCount() {
        return slots.size();
    }

    /** @return marker → cluster id, for a full synchronization */
    public Map<String, Long> markerMap() {
        final Map<String, Long> map = new HashMap<>(byMarker.size() * 2);
        byMarker.forEach((marker, cluster) -> map.put(marker, cluster.id()));
        return map;
    }

    /**
     * Replaces the whole content of this (replica) table with a copy of a coordinator's: used by
     * the full synchronization strategy.
     *
     * @param state the coordinator's clusters, marker map and counters
     */
    public void restore(final TableState state) {
        requireNotSpeculating("restore");
        for (final Cluster c : new ArrayList<>(byId.values())) {
            c.retire();
        }
        slots.clear();
        byId.clear();
        byMarker.clear();
        markersInWindow.clear();
        live = 0;
        for (int i = 0; i < state.slotCount(); i++) {
            slots.add(null);
        }
        for (final TableState.ClusterState c : state.clusters()) {
            final Cluster cluster = new Cluster(c.id(), c.slot(), c.createdMillis(), index);
            cluster.restore(c.vectors(), c.markers(), c.protomemes(), c.latestUpdateMillis());
            place(cluster);
        }
        state.markers().forEach((marker, id) -> byMarker.put(marker, byId.get(id)));
        nextId = state.nextId();
    }

    /** @return a copy of the table's content, for a full synchronization */
    public TableState snapshot() {
        final List<TableState.ClusterState> list = new ArrayList<>(live);
        for (final Cluster c : slots) {
            if (c != null) {
                final io.dikw.core.vector.SparseVector[] vectors = new io.dikw.core.vector.SparseVector[Space.ALL.length];
                for (final Space space : Space.ALL) {
                    vectors[space.ordinal()] = c.centroid(space).snapshot();
                }
                final Map<String, Integer> markers = new java.util.TreeMap<>();
                c.markerTweets().forEach(markers::put);
                list.add(new TableState.ClusterState(c.id(), c.slot(), c.createdMillis(), c.latestUpdateMillis(),
                    c.protomemeCount(), vectors, markers));
            }
        }
        return new TableState(slots.size(), nextId, list, new java.util.TreeMap<>(markerMap()));
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
        if (!indexed) {
            return nearestByScan(pm);
        }
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
        final long[] pmNorms = new long[Space.ALL.length];
        for (final Space space : Space.ALL) {
            pmNorms[space.ordinal()] = space.of(pm).normSquared();
        }
        int bestSlot = -1;
        double best = 0;
        for (int t = 0; t < count; t++) {
            final int slot = touchedSlots[t];
            final Cluster c = slots.get(slot);
            double sim = 0;
            for (final Space space : Space.ALL) {
                final int s = space.ordinal();
                final double cos = Cosine.of(dots[s][slot], pmNorms[s], c.centroid(space).normSquared());
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
