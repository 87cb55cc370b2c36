package io.dikw.social.protomeme;

import io.dikw.social.tweet.Tweet;

/**
 * Cuts a tweet stream into time steps by the tweets' own timestamps and hands each finished
 * step's protomemes on, together with the index of the step that follows (so a window knows what
 * to expire before it). The first step starts at the first tweet's time rounded down to a step
 * boundary; a tweet older than the current step (out of order) is counted as late and joins the
 * current step; steps without tweets are skipped.
 */
public final class TimeStepper {
    private final long stepMillis;
    private final ProtomemeExtractor extractor;
    private final Sink sink;
    private long origin = Long.MIN_VALUE;
    private long current = -1;
    private long late;

    /**
     * @param stepMillis step length
     * @param extractor builds protomemes
     * @param sink receives finished steps
     */
    public TimeStepper(final long stepMillis, final ProtomemeExtractor extractor, final Sink sink) {
        this.stepMillis = stepMillis;
        this.extractor = extractor;
        this.sink = sink;
    }

    /** @param tweet the next tweet of the stream */
    public void add(final Tweet tweet) {
        if (origin == Long.MIN_VALUE) {
            origin = Math.floorDiv(tweet.createdAtMillis(), stepMillis) * stepMillis;
            current = 0;
        }
        final long step = Math.floorDiv(tweet.createdAtMillis() - origin, stepMillis);
        if (step > current) {
            if (extractor.pendingTweets() > 0) {
                sink.accept(extractor.finishStep(current, origin + current * stepMillis), step);
            }
            current = step;
        } else if (step < current) {
            late++;
        }
        extractor.add(tweet, current);
    }

    /** Finishes the last step (the stream ended). */
    public void finish() {
        if (extractor.pendingTweets() > 0) {
            sink.accept(extractor.finishStep(current, origin + current * stepMillis), -1);
        }
    }

    /** @return tweets that arrived after a later step had begun */
    public long lateTweets() {
        return late;
    }

    /** Receives finished steps. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param step the finished step
         * @param nextStep the index of the step that follows, or -1 when the stream ended
         */
        void accept(TimeStep step, long nextStep);
    }
}
