package io.dikw.graph.wire;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * STINGER's framing: every message is a 4-byte big-endian body length, then the body.
 *
 * <pre>
 *  0               4                              4 + length
 *  +---------------+------------------------------+
 *  | length (u32)  | serialized StingerBatch      |
 *  +---------------+------------------------------+
 * </pre>
 *
 * A length above the reader's limit is refused before any body byte is read, so a hostile or
 * corrupt peer cannot make the server allocate more than the limit.
 */
public final class Frames {
    /** Bytes of the length prefix. */
    public static final int HEADER_BYTES = 4;
    /** Default largest body accepted: 64 MiB (a 100,000-edge batch with string ids is about 4 MiB). */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 << 20;

    private Frames() {
    }

    /**
     * @param batch a batch
     * @return one buffer holding the length prefix and the body, for a single write
     */
    public static byte[] frame(final StingerBatch batch) {
        final int len = BatchCodec.size(batch);
        final byte[] out = new byte[HEADER_BYTES + len];
        out[0] = (byte) (len >>> 24);
        out[1] = (byte) (len >>> 16);
        out[2] = (byte) (len >>> 8);
        out[3] = (byte) len;
        BatchCodec.encode(batch, out, HEADER_BYTES, len);
        return out;
    }

    /**
     * Reads one frame's body into a new array.
     *
     * @param in           the stream
     * @param maxBodyBytes the largest body accepted
     * @return the body, or null if the stream ended cleanly before a frame
     * @throws WireException {@code oversized-frame} for a length beyond the limit, {@code truncated-frame}
     *                       if the stream ends inside a frame
     * @throws IOException   if reading fails
     */
    public static byte[] readBody(final InputStream in, final int maxBodyBytes) throws IOException {
        final int len = readLength(in, maxBodyBytes);
        if (len < 0) {
            return null;
        }
        final byte[] body = new byte[len];
        readBody(in, body, len);
        return body;
    }

    /**
     * Reads frames into one buffer that is reused from frame to frame, so a stream of large frames
     * makes no garbage per frame. The buffer grows to the largest body read, up to 16 MiB; a larger
     * body (up to the limit) gets an array of its own, so one huge frame does not pin memory for
     * the rest of the connection.
     */
    public static final class Reader {
        private static final int KEPT_BYTES = 16 << 20;
        private final InputStream in;
        private final int maxBodyBytes;
        private byte[] buffer = new byte[1 << 16];
        private byte[] body = buffer;

        /**
         * @param in           the stream
         * @param maxBodyBytes the largest body accepted
         */
        public Reader(final InputStream in, final int maxBodyBytes) {
            this.in = in;
            this.maxBodyBytes = maxBodyBytes;
        }

        /**
         * Reads the next frame's body into {@link #body()}.
         *
         * @return its length, or -1 if the stream ended cleanly before a frame
         * @throws WireException as {@link Frames#readBody(InputStream, int)}
         * @throws IOException   if reading fails
         */
        public int next() throws IOException {
            body = buffer; // drop a huge last body before waiting for the next frame
            final int len = readLength(in, maxBodyBytes);
            if (len > KEPT_BYTES) {
                body = new byte[len];
            } else if (len > buffer.length) {
                buffer = new byte[Math.min(KEPT_BYTES, Math.max(len, 2 * buffer.length))];
                body = buffer;
            }
            if (len > 0) {
                readBody(in, body, len);
            }
            return len;
        }

        /** @return the array holding the last body read, from index 0 (valid until the next {@link #next()}) */
        public byte[] body() {
            return body;
        }
    }

    /** @return the next frame's body length, or -1 at a clean end of stream */
    private static int readLength(final InputStream in, final int maxBodyBytes) throws IOException {
        final int b0 = in.read();
        if (b0 < 0) {
            return -1;
        }
        final int b1 = in.read();
        final int b2 = in.read();
        final int b3 = in.read();
        if ((b1 | b2 | b3) < 0) {
            throw new WireException("truncated-frame", "stream ended inside a frame's 4-byte length");
        }
        final long len = ((long) b0 << 24) | (b1 << 16) | (b2 << 8) | b3;
        if (len > maxBodyBytes) {
            throw new WireException("oversized-frame", "frame length=" + len + " exceeds maxBodyBytes=" + maxBodyBytes
                + textHint(b0, b1, b2, b3));
        }
        return (int) len;
    }

    /**
     * @return when a frame's length bytes are printable text, a hint that the peer speaks another
     *     protocol (an HTTP request starts "GET "), else ""
     */
    static String textHint(final int... lengthBytes) {
        final StringBuilder text = new StringBuilder();
        for (final int b : lengthBytes) {
            if (b < 0x20 || b > 0x7E) {
                return "";
            }
            text.append((char) b);
        }
        return " (its length bytes read \"" + text + "\": the peer sends text, maybe HTTP; this port takes "
            + "StingerBatch frames, a 4-byte big-endian length and a protobuf body)";
    }

    private static void readBody(final InputStream in, final byte[] into, final int len) throws IOException {
        try {
            readFully(in, into, len);
        } catch (final EOFException e) {
            throw new WireException("truncated-frame", "stream ended inside a frame of length=" + len);
        }
    }

    private static void readFully(final InputStream in, final byte[] b, final int len) throws IOException {
        int off = 0;
        while (off < len) {
            final int n = in.read(b, off, len - off);
            if (n < 0) {
                throw new EOFException();
            }
            off += n;
        }
    }
}
