package io.dikw.harmonic.frame;

import static io.dikw.harmonic.frame.FrameDescriptor.CHECKSUM_OFFSET;
import static io.dikw.harmonic.frame.FrameDescriptor.HEADER_LENGTH;
import static io.dikw.harmonic.frame.FrameDescriptor.MAGIC;
import static io.dikw.harmonic.frame.FrameDescriptor.NAME_LENGTH_OFFSET;
import static io.dikw.harmonic.frame.FrameDescriptor.PAYLOAD_LENGTH_OFFSET;
import static io.dikw.harmonic.frame.FrameDescriptor.RESERVED_OFFSET;
import static io.dikw.harmonic.frame.FrameDescriptor.TUPLE_ID_OFFSET;
import static io.dikw.harmonic.frame.FrameDescriptor.TYPE_OFFSET;
import static io.dikw.harmonic.frame.FrameDescriptor.VERSION;
import static io.dikw.harmonic.frame.FrameDescriptor.VERSION_OFFSET;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Decodes frames from a byte channel, checking every field of {@link FrameDescriptor} before it
 * allocates anything, so a hostile peer cannot make it hold more than the payload limit. Reading
 * is two steps when the caller wants to decide on the header first ({@link #readHeader()} then
 * {@link #readPayload(Header)} or {@link #skipPayload(Header)}); {@link #read()} does both.
 * Not thread-safe: one reader per connection.
 */
public final class FrameReader {
    private final ReadableByteChannel channel;
    private final ByteBuffer header = ByteBuffer.allocateDirect(HEADER_LENGTH);
    private final ByteBuffer name = ByteBuffer.allocateDirect(FrameDescriptor.MAX_NAME_BYTES);
    private final CRC32C crc = new CRC32C();
    private long payloadLimit;

    /**
     * A decoded header, with the name.
     *
     * @param type the type
     * @param tupleId the tuple id
     * @param name the name
     * @param payloadLength the payload length (within the limit)
     * @param checksum the CRC32C to check the payload against
     */
    public record Header(FrameType type, long tupleId, String name, int payloadLength, int checksum) {
    }

    /**
     * @param channel where frames come from
     * @param payloadLimit largest payload accepted, in bytes
     */
    public FrameReader(final ReadableByteChannel channel, final long payloadLimit) {
        this.channel = channel;
        this.payloadLimit = FrameDescriptor.checkPayloadLimit(payloadLimit);
    }

    /** @param limit the new payload limit (e.g. raised once a peer has authenticated) */
    public void payloadLimit(final long limit) {
        this.payloadLimit = FrameDescriptor.checkPayloadLimit(limit);
    }

    /**
     * @return the next whole frame, or null when the peer closed the connection between frames
     * @throws FrameException when the frame is malformed or oversized
     * @throws IOException when the connection fails or ends inside a frame
     */
    public Frame read() throws IOException {
        final Header h = readHeader();
        if (h == null) {
            return null;
        }
        return new Frame(h.type(), h.tupleId(), h.name(), readPayload(h));
    }

    /**
     * Reads and checks the fixed header and the name; the CRC32C is started over them.
     *
     * @return the header, or null when the peer closed the connection between frames
     * @throws FrameException when a field is wrong
     * @throws IOException when the connection fails or ends inside the header
     */
    public Header readHeader() throws IOException {
        header.clear();
        if (!fill(header, true)) {
            return null;
        }
        final int magic = header.getInt(FrameDescriptor.MAGIC_OFFSET);
        if (magic != MAGIC) {
            throw new FrameException("bad-magic", String.format("magic=0x%08x, expected 0x%08x (\"HIO!\")", magic, MAGIC));
        }
        final int version = header.get(VERSION_OFFSET) & 0xff;
        if (version != VERSION) {
            throw new FrameException("bad-version", "version=" + version + ", this side speaks " + VERSION);
        }
        final int typeCode = header.get(TYPE_OFFSET) & 0xff;
        final FrameType type = FrameType.of(typeCode);
        if (type == null) {
            throw new FrameException("bad-type", "type=" + typeCode);
        }
        final int nameLength = header.getShort(NAME_LENGTH_OFFSET) & 0xffff;
        if (nameLength > FrameDescriptor.MAX_NAME_BYTES) {
            throw new FrameException("bad-name", "nameLength=" + nameLength + " > " + FrameDescriptor.MAX_NAME_BYTES);
        }
        final long tupleId = header.getLong(TUPLE_ID_OFFSET);
        if (tupleId < 0) {
            throw new FrameException("bad-tuple-id", "tupleId=" + tupleId + " must be >= 0");
        }
        final long payloadLength = header.getLong(PAYLOAD_LENGTH_OFFSET);
        if (payloadLength < 0 || payloadLength > payloadLimit) {
            throw new FrameException("oversized", "payloadLength=" + payloadLength + " outside [0, " + payloadLimit
                + "] (the receiver's payload limit)");
        }
        if (header.getInt(RESERVED_OFFSET) != 0) {
            throw new FrameException("bad-reserved", "reserved=" + header.getInt(RESERVED_OFFSET) + " must be 0");
        }
        final int checksum = header.getInt(CHECKSUM_OFFSET);
        crc.reset();
        header.position(0).limit(CHECKSUM_OFFSET);
        crc.update(header);
        name.clear().limit(nameLength);
        fill(name, false);
        name.flip();
        crc.update(name.duplicate());
        final String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(name).toString();
        } catch (final CharacterCodingException e) {
            throw new FrameException("bad-name", "name is not valid UTF-8 (" + nameLength + " bytes)");
        }
        return new Header(type, tupleId, text, (int) payloadLength, checksum);
    }

    /**
     * Reads the payload of the header just read into a new heap buffer and checks the CRC32C.
     *
     * @param h the header from {@link #readHeader()}
     * @return the payload, flipped for reading
     * @throws FrameException when the checksum does not match
     * @throws IOException when the connection fails or ends inside the payload
     */
    public ByteBuffer readPayload(final Header h) throws IOException {
        final ByteBuffer payload = ByteBuffer.allocate(h.payloadLength());
        fill(payload, false);
        payload.flip();
        crc.update(payload.duplicate());
        final int actual = (int) crc.getValue();
        if (actual != h.checksum()) {
            throw new FrameException("bad-checksum", String.format("tupleId=%d crc32c=0x%08x, frame says 0x%08x",
                h.tupleId(), actual, h.checksum()));
        }
        return payload;
    }

    /**
     * Reads and drops the payload of the header just read (when the receiver refuses the tuple
     * but keeps the connection), in 64 KiB steps.
     *
     * @param h the header from {@link #readHeader()}
     * @throws IOException when the connection fails or ends inside the payload
     */
    public void skipPayload(final Header h) throws IOException {
        final ByteBuffer scratch = ByteBuffer.allocate(Math.min(h.payloadLength(), 64 * 1024));
        int left = h.payloadLength();
        while (left > 0) {
            scratch.clear().limit(Math.min(left, scratch.capacity()));
            fill(scratch, false);
            left -= scratch.limit();
        }
    }

    /** @return true when filled; false only when {@code eofOk} and the channel ended before any byte */
    private boolean fill(final ByteBuffer buffer, final boolean eofOk) throws IOException {
        final int start = buffer.position();
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                if (eofOk && buffer.position() == start) {
                    return false;
                }
                throw new EOFException("connection ended inside a frame (" + (buffer.position() - start) + " of "
                    + (buffer.limit() - start) + " bytes of a part read)");
            }
        }
        return true;
    }
}
