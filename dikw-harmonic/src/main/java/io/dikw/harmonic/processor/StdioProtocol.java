package io.dikw.harmonic.processor;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;

/**
 * How a worker talks to an external processing unit over its stdin/stdout, in any language. All
 * integers big-endian:
 *
 * <pre>
 * request  (worker to unit): tuple id int64 | payload length int32 | payload
 * response (unit to worker): tuple id int64 | status int8 (0 = output, 1 = error) | length int32 | bytes
 * </pre>
 *
 * On status 1 the bytes are a UTF-8 error message. The unit answers requests in order, one at a
 * time, and keeps running; it exits when its stdin ends. See {@code examples/harmonic/upper.py}.
 */
public final class StdioProtocol {
    /** Status of a response carrying the output. */
    public static final int STATUS_OUTPUT = 0;
    /** Status of a response carrying an error message. */
    public static final int STATUS_ERROR = 1;

    /**
     * A unit's answer.
     *
     * @param tupleId the tuple it answers
     * @param error true when {@code bytes} is an error message
     * @param bytes the output or the message
     */
    public record Response(long tupleId, boolean error, byte[] bytes) {
        /** @return the bytes as UTF-8 text */
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * A request as the unit reads it.
     *
     * @param tupleId the tuple id
     * @param payload the payload
     */
    public record Request(long tupleId, byte[] payload) {
    }

    private StdioProtocol() {
    }

    /**
     * @param out the unit's stdin
     * @param tupleId the tuple id
     * @param payload the payload (position unchanged)
     * @throws IOException when the unit's stdin is closed
     */
    public static void writeRequest(final DataOutputStream out, final long tupleId, final ByteBuffer payload)
        throws IOException {
        out.writeLong(tupleId);
        out.writeInt(payload.remaining());
        if (payload.hasArray()) {
            out.write(payload.array(), payload.arrayOffset() + payload.position(), payload.remaining());
        } else {
            Channels.newChannel(out).write(payload.duplicate());
        }
        out.flush();
    }

    /**
     * @param in the unit's stdout
     * @param limit the longest output accepted
     * @return the response
     * @throws EOFException when the unit's stdout ended (it exited or crashed)
     * @throws IOException when the response is malformed
     */
    public static Response readResponse(final DataInputStream in, final int limit) throws IOException {
        final long id = in.readLong();
        final int status = in.readUnsignedByte();
        final int length = in.readInt();
        if (status != STATUS_OUTPUT && status != STATUS_ERROR) {
            throw new IOException("external unit sent status " + status + " (expected 0 or 1) for tuple " + id);
        }
        if (length < 0 || length > limit) {
            throw new IOException("external unit sent length " + length + " outside [0, " + limit + "] for tuple " + id);
        }
        final byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("external unit ended inside its response to tuple " + id);
        }
        return new Response(id, status == STATUS_ERROR, bytes);
    }

    /**
     * @param in stdin, in the unit
     * @param limit the largest payload accepted
     * @return the next request, or null at the end of stdin
     * @throws IOException when stdin is malformed
     */
    public static Request readRequest(final DataInputStream in, final int limit) throws IOException {
        final long id;
        try {
            id = in.readLong();
        } catch (final EOFException end) {
            return null;
        }
        final int length = in.readInt();
        if (length < 0 || length > limit) {
            throw new IOException("request length " + length + " outside [0, " + limit + "] for tuple " + id);
        }
        final byte[] payload = in.readNBytes(length);
        if (payload.length < length) {
            throw new EOFException("stdin ended inside tuple " + id);
        }
        return new Request(id, payload);
    }

    /**
     * @param out stdout, in the unit
     * @param tupleId the tuple answered
     * @param error true for an error message
     * @param bytes output or message
     * @throws IOException when stdout is closed
     */
    public static void writeResponse(final DataOutputStream out, final long tupleId, final boolean error,
        final byte[] bytes) throws IOException {
        out.writeLong(tupleId);
        out.writeByte(error ? STATUS_ERROR : STATUS_OUTPUT);
        out.writeInt(bytes.length);
        out.write(bytes);
        out.flush();
    }
}
