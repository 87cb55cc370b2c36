package io.dikw.core.pubsub;

/**
 * No broker answered at a URL, either when connecting or within the reconnect deadline after a
 * lost connection. Unchecked: the caller can do nothing useful but report it, and the message
 * says what to do (start a broker there, or use the embedded one).
 */
public final class BrokerUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String url;

    /**
     * @param url the broker URL that did not answer
     * @param message what happened and what to do, naming the URL
     * @param cause the underlying client error, or null
     */
    public BrokerUnavailableException(final String url, final String message, final Throwable cause) {
        super(message, cause);
        this.url = url;
    }

    /** @return the broker URL that did not answer */
    public String url() {
        return url;
    }
}
