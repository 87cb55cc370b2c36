package io.dikw.social.cluster;

import io.dikw.core.vector.Cosine;
import io.dikw.core.vector.SparseVector;
import io.dikw.core.vector.SumVector;
import io.dikw.social.protomeme.Protomeme;
import org.agrona.collections.Object2IntHashMap;

/**
 * One meme cluster: the sums of its protomemes' four vectors (a centroid kept as sums, so
 * protomemes can be added and, when they leave the window, subtracted exactly), the markers of its
 * protomemes with their tweet counts, and when it was last updated.
 *
 * <p>A cluster lives in one slot of a {@link ClusterTable} from creation until it empties or is
 * replaced; {@link #id()} is unique over the whole run, so results can refer to it after the slot
 * is reused.
 */
public final class Cluster {
    private final long id;
    private final int slot;
    private final SumVector[] centroid = new SumVector[Space.ALL.length];
    private final SumVector.KeyListener[] indexListeners = new SumVector.KeyListener[Space.ALL.length];
    private final Object2IntHashMap<String> markerTweets = new Object2IntHashMap<>(0);
    private final long createdMillis;
    private long latestUpdateMillis;
    private int protomemes;
    private boolean retired;

    Cluster(final long id, final int slot, final long createdMillis, final ClusterIndex index) {
        this.id = id;
        this.slot = slot;
        this.createdMillis = createdMillis;
        this.latestUpdateMillis = createdMillis;
        for (final Space space : Space.ALL) {
            indexListeners[space.ordinal()] = index.listener(space, slot);
            centroid[space.ordinal()] = new SumVector(indexListeners[space.ordinal()]);
        }
    }

    /**
     * Restores a cluster's full state, as a replica receives it in a full synchronization.
     *
     * @param vectors the four centroid vectors, in {@link Space} order
     * @param markers marker → tweets
     * @param protomemeCount protomemes in it
     * @param latestUpdate the latest update time
     */
    void restore(final SparseVector[] vectors, final java.util.Map<String, Integer> markers,
        final int protomemeCount, final long latestUpdate) {
        for (final Space space : Space.ALL) {
            centroid[space.ordinal()].add(vectors[space.ordinal()]);
        }
        markers.forEach(markerTweets::put);
        protomemes = protomemeCount;
        latestUpdateMillis = latestUpdate;
    }

    void add(final Protomeme pm) {
        for (final Space space : Space.ALL) {
            centroid[space.ordinal()].add(space.of(pm));
        }
        markerTweets.merge(pm.marker(), pm.tweetCount(), Integer::sum);
        protomemes++;
        latestUpdateMillis = Math.max(latestUpdateMillis, pm.latestMillis());
    }

    /**
     * Takes back a speculative {@link #add}, restoring the update time it had before.
     *
     * @param pm the protomeme added last
     * @param previousLatestUpdate {@link #latestUpdateMillis()} before that add
     */
    void undoAdd(final Protomeme pm, final long previousLatestUpdate) {
        remove(pm);
        latestUpdateMillis = previousLatestUpdate;
    }

    void remove(final Protomeme pm) {
        for (final Space space : Space.ALL) {
            centroid[space.ordinal()].subtract(space.of(pm));
        }
        final int left = markerTweets.getValue(pm.marker()) - pm.tweetCount();
        if (left <= 0) {
            markerTweets.removeKey(pm.marker());
        } else {
            markerTweets.put(pm.marker(), left);
        }
        protomemes--;
    }

    /**
     * Takes the cluster out of the index and marks it dead. Its vectors are kept, so a
     * speculative replacement can be undone by {@link #revive()}.
     */
    void retire() {
        announce(false);
        retired = true;
    }

    /** Puts a retired cluster back into the index (undoing {@link #retire()}). */
    void revive() {
        announce(true);
        retired = false;
    }

    private void announce(final boolean present) {
        for (final Space space : Space.ALL) {
            final SumVector.KeyListener listener = indexListeners[space.ordinal()];
            centroid[space.ordinal()].forEach((key, count) ->
                listener.countChanged(key, present ? 0 : count, present ? count : 0));
        }
    }

    /**
     * The similarity of a protomeme to this cluster: the largest of the four cosines, stopping
     * early when the tweet sets are identical.
     *
     * @param pm a protomeme
     * @return a similarity in [0, 1]
     */
    public double similarity(final Protomeme pm) {
        double best = 0;
        for (final Space space : Space.ALL) {
            final double cos = Cosine.between(space.of(pm), centroid[space.ordinal()]);
            if (space == Space.TWEETS && cos >= 1.0) {
                return cos;
            }
            best = Math.max(best, cos);
        }
        return best;
    }

    /** @return the id, unique over the run */
    public long id() {
        return id;
    }

    /** @return the slot it occupies in its table */
    public int slot() {
        return slot;
    }

    /**
     * @param space a space
     * @return the centroid (sum vector) in that space; do not modify
     */
    public SumVector centroid(final Space space) {
        return centroid[space.ordinal()];
    }

    /** @return distinct tweets in the cluster */
    public int tweetCount() {
        return centroid[Space.TWEETS.ordinal()].size();
    }

    /** @return protomemes in the cluster */
    public int protomemeCount() {
        return protomemes;
    }

    /** @return marker → number of tweets its protomemes brought; do not modify */
    public Object2IntHashMap<String> markerTweets() {
        return markerTweets;
    }

    /** @return stream time the cluster was created */
    public long createdMillis() {
        return createdMillis;
    }

    /** @return the latest tweet time of any protomeme added (never lowered by expiry) */
    public long latestUpdateMillis() {
        return latestUpdateMillis;
    }

    /** @return true when it has no protomemes */
    public boolean isEmpty() {
        return protomemes == 0;
    }

    /** @return true once it was replaced or emptied and left its slot */
    public boolean isRetired() {
        return retired;
    }

    @Override
    public String toString() {
        return "Cluster{id=" + id + ", slot=" + slot + ", protomemes=" + protomemes + ", tweets=" + tweetCount() + '}';
    }
}
