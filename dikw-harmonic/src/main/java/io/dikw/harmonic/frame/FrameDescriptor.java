package io.dikw.harmonic.frame;

/**
 * The layout of a HarmonicIO frame: a fixed 32-byte header, the processor (or role / reason) name,
 * then the payload. All integers are big-endian.
 *
 * <pre>
 *  0        4     5     6          8                  16                 24          28          32
 *  +--------+-----+-----+----------+------------------+------------------+-----------+-----------+
 *  | magic  | ver | type| name len |     tuple id     |  payload length  |  CRC32C   | reserved  |
 *  | "HIO!" | 1   |     | 0..255   |  int64, &gt;= 0     |  int64, &lt;= limit |  see below| 0         |
 *  +--------+-----+-----+----------+------------------+------------------+-----------+-----------+
 *  | name: name-len bytes of UTF-8                                                                |
 *  | payload: payload-length bytes                                                                |
 *  +----------------------------------------------------------------------------------------------+
 * </pre>
 *
 * The CRC32C covers header bytes 0..23 (so a damaged id or length is caught), the name and the
 * payload. A receiver rejects a frame whose magic, version, type, reserved bytes, name (length or
 * UTF-8), payload length or checksum is wrong, says why in a {@link FrameType#REJECT} frame and
 * closes the connection.
 */
public final class FrameDescriptor {
    /** "HIO!" in ASCII. */
    public static final int MAGIC = 0x48494F21;
    /** The only version this code speaks. */
    public static final int VERSION = 1;
    /** Offset of the magic (int32). */
    public static final int MAGIC_OFFSET = 0;
    /** Offset of the version (int8). */
    public static final int VERSION_OFFSET = 4;
    /** Offset of the type (int8, {@link FrameType#code()}). */
    public static final int TYPE_OFFSET = 5;
    /** Offset of the name length (uint16, at most {@link #MAX_NAME_BYTES}). */
    public static final int NAME_LENGTH_OFFSET = 6;
    /** Offset of the tuple id (int64). */
    public static final int TUPLE_ID_OFFSET = 8;
    /** Offset of the payload length (int64). */
    public static final int PAYLOAD_LENGTH_OFFSET = 16;
    /** Offset of the CRC32C (int32). */
    public static final int CHECKSUM_OFFSET = 24;
    /** Offset of the reserved int32, which must be zero. */
    public static final int RESERVED_OFFSET = 28;
    /** Length of the fixed header. */
    public static final int HEADER_LENGTH = 32;
    /** Longest name, in UTF-8 bytes. */
    public static final int MAX_NAME_BYTES = 255;
    /** Largest payload any receiver accepts whatever its configuration (one Java array). */
    public static final long MAX_PAYLOAD_LIMIT = Integer.MAX_VALUE - 64;

    private FrameDescriptor() {
    }

    /**
     * @param payloadLimit a configured payload limit
     * @return the limit
     * @throws IllegalArgumentException when it is negative or above {@link #MAX_PAYLOAD_LIMIT}
     */
    public static long checkPayloadLimit(final long payloadLimit) {
        if (payloadLimit < 0 || payloadLimit > MAX_PAYLOAD_LIMIT) {
            throw new IllegalArgumentException("payloadLimit=" + payloadLimit + " must be in [0, " + MAX_PAYLOAD_LIMIT + "]");
        }
        return payloadLimit;
    }
}
