package io.dikw.social.protomeme;

import java.util.List;

/**
 * The protomemes of one time step of the stream.
 *
 * @param index the step number (0 for the first step of the stream)
 * @param startMillis when the step starts
 * @param tweetIds the ids of the tweets that fell into it, in arrival order
 * @param protomemes its protomemes in order of first appearance
 */
public record TimeStep(long index, long startMillis, long[] tweetIds, List<Protomeme> protomemes) {
    /** Copies the list. */
    public TimeStep {
        protomemes = List.copyOf(protomemes);
    }

    /** @return the number of tweets in the step */
    public int tweetCount() {
        return tweetIds.length;
    }
}
