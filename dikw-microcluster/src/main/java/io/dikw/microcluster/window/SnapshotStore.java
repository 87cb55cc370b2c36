package io.dikw.microcluster.window;

import io.dikw.microcluster.cf.CfSet;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Snapshots of one stream's micro-clusters at time slots, and the sliding window they give:
 * the window's micro-clusters are the current ones minus the snapshot taken at (now − window),
 * matched by id (subtractivity). Snapshots older than that one expire, so at most
 * window / slot + 1 are kept.
 */
public final class SnapshotStore {
    private final double window;
    private final ArrayDeque<Snapshot> snapshots = new ArrayDeque<>();

    /** A stored snapshot. */
    private record Snapshot(double time, CfSet clusters) {
    }

    /** @param window the window length in stream seconds */
    public SnapshotStore(final double window) {
        if (!(window > 0)) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        this.window = window;
    }

    /** @return the window length */
    public double window() {
        return window;
    }

    /** @return snapshots held */
    public int size() {
        return snapshots.size();
    }

    /** @return the time of the oldest snapshot held, or NaN when none */
    public double oldestTime() {
        return snapshots.isEmpty() ? Double.NaN : snapshots.peekFirst().time();
    }

    /**
     * Stores a copy of the current micro-clusters at a slot boundary, expires what the window no
     * longer needs, and trims the current id lists to the ids a kept snapshot still refers to.
     *
     * @param time     the slot boundary (non-decreasing)
     * @param current  the live micro-clusters (their id lists are trimmed)
     */
    public void take(final double time, final CfSet current) {
        snapshots.addLast(new Snapshot(time, current.copy()));
        expire(time);
        final Set<Long> referenced = new HashSet<>();
        for (final Snapshot s : snapshots) {
            for (int i = 0; i < s.clusters().size(); i++) {
                referenced.add(s.clusters().ids(i).first());
            }
        }
        for (int i = 0; i < current.size(); i++) {
            current.ids(i).retain(referenced::contains);
        }
    }

    /** Drops every snapshot older than the newest one at or before now − window. */
    private void expire(final double now) {
        final double edge = now - window;
        while (snapshots.size() > 1) {
            final Iterator<Snapshot> it = snapshots.iterator();
            it.next();
            if (it.next().time() <= edge) {
                snapshots.removeFirst();
            } else {
                break;
            }
        }
    }

    /**
     * The micro-clusters of the window (now − window, now]: the current ones minus the snapshot at
     * the window's start. Before the stream is a window long, all current micro-clusters.
     *
     * @param now     the current time (a slot boundary)
     * @param current the live micro-clusters
     * @return a new set holding the window's non-empty micro-clusters
     */
    public CfSet window(final double now, final CfSet current) {
        final CfSet out = current.copy();
        final Snapshot start = startOf(now);
        if (start == null) {
            return out;
        }
        final Map<Long, Integer> holder = new HashMap<>();
        for (int i = 0; i < out.size(); i++) {
            for (int k = 0; k < out.ids(i).size(); k++) {
                holder.put(out.ids(i).get(k), i);
            }
        }
        final CfSet old = start.clusters();
        for (int s = 0; s < old.size(); s++) {
            final Integer i = holder.get(old.ids(s).first());
            if (i != null) {
                out.subtract(i, old, s); // else its descendant was deleted: nothing of it is left to remove
            }
        }
        for (int i = out.size() - 1; i >= 0; i--) {
            if (out.n(i) < 0.5) {
                out.removeSwap(i);
            }
        }
        return out;
    }

    private Snapshot startOf(final double now) {
        final double edge = now - window;
        Snapshot best = null;
        for (final Snapshot s : snapshots) {
            if (s.time() <= edge + 1e-9) {
                best = s;
            } else {
                break;
            }
        }
        return best;
    }
}
