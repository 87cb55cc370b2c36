package io.dikw.social.tweet;

/**
 * A record that is not a usable tweet: the JSON is malformed, a required field is missing or a
 * field has the wrong type. {@link #reason()} is a short category for counting; the message
 * says what and where, so a user can fix the input.
 */
public final class TweetFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Categories of rejection, used as dead-letter reasons. */
    public enum Reason {
        /** Not parseable as JSON. */
        MALFORMED_JSON("malformed-json"),
        /** A required field is absent or null. */
        MISSING_FIELD("missing-field"),
        /** A field has the wrong JSON type or an unparseable value. */
        WRONG_TYPE("wrong-type"),
        /** Valid JSON but not a tweet (a delete notice, a limit notice, an error object). */
        NOT_A_TWEET("not-a-tweet"),
        /** Longer than the configured maximum record length. */
        OVERSIZED("oversized");

        private final String label;

        Reason(final String label) {
            this.label = label;
        }

        /** @return the short label written to dead-letter files and summaries */
        public String label() {
            return label;
        }
    }

    private final Reason reason;

    /**
     * @param reason the category
     * @param message what is wrong, naming the field
     */
    public TweetFormatException(final Reason reason, final String message) {
        super(message);
        this.reason = reason;
    }

    /** @return the category of the problem */
    public Reason reason() {
        return reason;
    }
}
