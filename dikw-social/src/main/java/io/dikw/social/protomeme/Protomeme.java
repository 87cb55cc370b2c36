package io.dikw.social.protomeme;

import io.dikw.core.vector.SparseVector;
import java.util.Objects;

/**
 * A protomeme: all tweets of one time step that share a marker (a hashtag, a mention, a URL or a
 * phrase), summarized as four sparse vectors. It is the unit the stream clusterer assigns.
 *
 * @param type what the marker is
 * @param marker the shared string
 * @param step the time step it was built in
 * @param tweetIds the set of its tweets' ids (binary)
 * @param users how many of its tweets each author wrote
 * @param diffusion users through whom it spread (binary): authors plus the users they mention or
 *     retweet and who mention or retweet them within the step
 * @param words term frequencies of its tweets' phrases (keys are {@link io.dikw.core.vector.LongHash}es)
 * @param earliestMillis the earliest tweet's time
 * @param latestMillis the latest tweet's time
 */
public record Protomeme(
    ProtomemeType type,
    String marker,
    long step,
    SparseVector tweetIds,
    SparseVector users,
    SparseVector diffusion,
    SparseVector words,
    long earliestMillis,
    long latestMillis) {

    /** Checks the fields. */
    public Protomeme {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(tweetIds, "tweetIds");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(diffusion, "diffusion");
        Objects.requireNonNull(words, "words");
        if (tweetIds.isEmpty()) {
            throw new IllegalArgumentException("a protomeme needs at least one tweet: marker=" + marker);
        }
    }

    /** @return the number of tweets in it */
    public int tweetCount() {
        return tweetIds.size();
    }
}
