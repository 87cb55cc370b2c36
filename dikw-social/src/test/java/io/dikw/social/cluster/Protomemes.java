package io.dikw.social.cluster;

import io.dikw.core.vector.SparseVector;
import io.dikw.social.protomeme.Protomeme;
import io.dikw.social.protomeme.ProtomemeType;
import io.dikw.social.protomeme.TimeStep;
import java.util.Arrays;
import java.util.List;

/** Builds protomemes and time steps by hand for clustering tests. */
final class Protomemes {
    /** Stream time of step 0. */
    static final long ORIGIN = 1_700_000_000_000L;
    /** Length of a step in the tests. */
    static final long STEP_MILLIS = 30_000L;

    private Protomemes() {
    }

    /**
     * A protomeme whose users, diffusion set and words are empty, so only its tweet ids count.
     *
     * @param marker the marker
     * @param step its step
     * @param tweetIds its tweets
     * @return the protomeme
     */
    static Protomeme tweets(final String marker, final long step, final long... tweetIds) {
        return of(marker, step, 0, tweetIds, new long[0], new long[0], new long[0]);
    }

    /**
     * A protomeme with all four vectors.
     *
     * @param marker the marker
     * @param step its step
     * @param offsetMillis how far into the step its tweets are (sets earliest and latest time)
     * @param tweetIds tweet ids (set)
     * @param users author occurrences (counts)
     * @param diffusion diffusion users (set)
     * @param words word occurrences (counts)
     * @return the protomeme
     */
    static Protomeme of(final String marker, final long step, final long offsetMillis, final long[] tweetIds,
        final long[] users, final long[] diffusion, final long[] words) {
        final long at = ORIGIN + step * STEP_MILLIS + offsetMillis;
        return new Protomeme(typeOf(marker), marker, step, SparseVector.setOf(tweetIds), SparseVector.countsOf(users),
            SparseVector.setOf(diffusion), SparseVector.countsOf(words), at, at);
    }

    /**
     * A protomeme whose latest tweet is at a given stream time (for least-recently-updated tests).
     *
     * @param marker the marker
     * @param latestMillis its latest tweet time
     * @param tweetIds its tweets
     * @return the protomeme
     */
    static Protomeme latestAt(final String marker, final long latestMillis, final long... tweetIds) {
        return new Protomeme(typeOf(marker), marker, 0, SparseVector.setOf(tweetIds), SparseVector.EMPTY,
            SparseVector.EMPTY, SparseVector.EMPTY, latestMillis, latestMillis);
    }

    /**
     * @param index the step number
     * @param protomemes its protomemes
     * @return the step, with the union of their tweet ids
     */
    static TimeStep step(final long index, final Protomeme... protomemes) {
        return step(index, List.of(protomemes));
    }

    /**
     * @param index the step number
     * @param protomemes its protomemes
     * @return the step, with the union of their tweet ids
     */
    static TimeStep step(final long index, final List<Protomeme> protomemes) {
        final long[] ids = protomemes.stream()
            .flatMapToLong(p -> Arrays.stream(keys(p.tweetIds())))
            .distinct().sorted().toArray();
        return new TimeStep(index, ORIGIN + index * STEP_MILLIS, ids, protomemes);
    }

    /**
     * @param v a vector
     * @return its keys, ascending
     */
    static long[] keys(final SparseVector v) {
        final long[] keys = new long[v.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = v.keyAt(i);
        }
        return keys;
    }

    private static ProtomemeType typeOf(final String marker) {
        if (marker.startsWith("#")) {
            return ProtomemeType.HASHTAG;
        }
        if (marker.startsWith("@")) {
            return ProtomemeType.MENTION;
        }
        if (marker.startsWith("http")) {
            return ProtomemeType.URL;
        }
        return ProtomemeType.PHRASE;
    }
}
