package io.dikw.graph.names;

/** A name that cannot be mapped: too long, beyond the id cap, or unknown. {@link #reason()} is a short category for counters. */
public final class NameException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String reason;

    /**
     * @param reason  short category, e.g. {@code name-too-long}
     * @param message what went wrong and what to do
     */
    public NameException(final String reason, final String message) {
        super(message);
        this.reason = reason;
    }

    /** @return the short category, e.g. {@code name-too-long}, {@code id-cap}, {@code unknown-name} */
    public String reason() {
        return reason;
    }
}
