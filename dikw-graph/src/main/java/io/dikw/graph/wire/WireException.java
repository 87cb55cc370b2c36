package io.dikw.graph.wire;

import java.io.IOException;

/** A frame or message that breaks the wire format; {@link #reason()} is a short category for counters. */
public final class WireException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String reason;

    /**
     * @param reason  short category: {@code oversized-frame}, {@code truncated-frame}, {@code malformed-batch}
     * @param message what is wrong, with the numbers
     */
    public WireException(final String reason, final String message) {
        super(message);
        this.reason = reason;
    }

    /** @return the short category */
    public String reason() {
        return reason;
    }
}
