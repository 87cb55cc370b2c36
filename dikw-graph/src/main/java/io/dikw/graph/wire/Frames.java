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
     * Reads one frame's body.
     *
     * @param in           the stream
     * @param maxBodyBytes the largest body accepted
     * @return the body, or null if the stream ended cleanly before a frame
     * @throws WireException {@code oversized-frame} for a length beyond the limit, {@code truncated-frame}
     *                       if the stream ends inside a frame
     * @throws IOException   if reading fails
     */
    public static byte[] readBody(final InputStream in, final int maxBodyBytes) throws IOException {
        final int b0 = in.read();
        if (b0 < 0) {
            return null;
        }
        final int b1 = in.read();
        final int b2 = in.read();
        final int b3 = in.read();
        if ((b1 | b2 | b3) < 0) {
            throw new WireException("truncated-frame", "stream ended inside a frame's 4-byte length");
        }
        final long len = ((long) b0 << 24) | (b1 << 16) | (b2 << 8) | b3;
        if (len > maxBodyBytes) {
            throw new WireException("oversized-frame", "frame length=" + len + " exceeds maxBodyBytes=" + maxBodyBytes);
        }
        final byte[] body = new byte[(int) len];
        try {
            readFully(in, body);
        } catch (final EOFException e) {
            throw new WireException("truncated-frame", "stream ended inside a frame of length=" + len);
        }
        return body;
    }

    private static void readFully(final InputStream in, final byte[] b) throws IOException {
        int off = 0;
        while (off < b.length) {
            final int n = in.read(b, off, b.length - off);
            if (n < 0) {
                throw new EOFException();
            }
            off += n;
        }
    }
}
