package io.dikw.harmonic.frame;

/** What a frame carries; its code is the frame's {@code type} byte. */
public enum FrameType {
    /** First frame on every connection: name = role, payload = the access token. */
    HELLO(1),
    /** A tuple: id, processor name, payload. */
    TUPLE(2),
    /** The receiver took the tuple with this id (or accepted the HELLO). */
    ACK(3),
    /** The receiver refused: name = reason code, payload = a human-readable detail (UTF-8). */
    REJECT(4),
    /** A free channel asks the master for queued work (channel to master). */
    FETCH(5),
    /** A channel started a tuple sent straight to it by a source (channel to master). */
    STARTED(6);

    private static final FrameType[] BY_CODE = new FrameType[7];

    static {
        for (final FrameType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    FrameType(final int code) {
        this.code = code;
    }

    /** @return the wire code */
    public int code() {
        return code;
    }

    /**
     * @param code a wire code
     * @return its type, or null when no type has that code
     */
    public static FrameType of(final int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
