package io.dikw.harmonic.frame;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One decoded frame. The payload buffer is positioned at its first byte and limited at its end;
 * readers must not change it (use {@code payload().duplicate()}).
 *
 * @param type what it carries
 * @param tupleId the tuple's 64-bit id (0 when the frame is about no tuple)
 * @param name processor name, role or reason code
 * @param payload the payload bytes
 */
public record Frame(FrameType type, long tupleId, String name, ByteBuffer payload) {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    /** Checks the fields. */
    public Frame {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payload, "payload");
    }

    /**
     * @param type the type
     * @param tupleId the tuple id
     * @param name the name
     * @return a frame with an empty payload
     */
    public static Frame of(final FrameType type, final long tupleId, final String name) {
        return new Frame(type, tupleId, name, EMPTY);
    }

    /**
     * @param reason the reason code
     * @param tupleId the tuple concerned, or 0
     * @param detail the detail for people
     * @return a REJECT frame
     */
    public static Frame reject(final String reason, final long tupleId, final String detail) {
        return new Frame(FrameType.REJECT, tupleId, reason, ByteBuffer.wrap(detail.getBytes(StandardCharsets.UTF_8)));
    }

    /** @return the payload length in bytes */
    public int payloadLength() {
        return payload.remaining();
    }

    /** @return the payload decoded as UTF-8 (for HELLO tokens and REJECT details) */
    public String payloadText() {
        return StandardCharsets.UTF_8.decode(payload.duplicate()).toString();
    }
}
