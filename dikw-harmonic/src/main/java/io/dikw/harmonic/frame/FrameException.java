package io.dikw.harmonic.frame;

import java.io.IOException;

/**
 * A frame that breaks the layout of {@link FrameDescriptor}: the reason is a short code
 * ({@code bad-magic}, {@code oversized}, {@code bad-checksum}, ...) that receivers count and send
 * back in a {@link FrameType#REJECT} frame before closing the connection.
 */
public final class FrameException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String reason;

    /**
     * @param reason short code
     * @param detail what was wrong, with the offending values
     */
    public FrameException(final String reason, final String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    /** @return the short reason code */
    public String reason() {
        return reason;
    }
}
