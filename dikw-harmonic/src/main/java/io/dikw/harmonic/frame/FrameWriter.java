package io.dikw.harmonic.frame;

import static io.dikw.harmonic.frame.FrameDescriptor.CHECKSUM_OFFSET;
import static io.dikw.harmonic.frame.FrameDescriptor.HEADER_LENGTH;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Encodes frames onto a byte channel. Header, name and payload go out in one gathering write, so
 * the payload is never copied into a frame buffer; a direct or memory-mapped payload (a file sent
 * with {@code FileChannel.map}) reaches the socket without any copy in user space. Thread-safe:
 * frames from several threads never interleave.
 */
public final class FrameWriter {
    private final GatheringByteChannel channel;
    private final ByteBuffer header = ByteBuffer.allocateDirect(HEADER_LENGTH);
    private final CRC32C crc = new CRC32C();

    /** @param channel where frames go */
    public FrameWriter(final GatheringByteChannel channel) {
        this.channel = channel;
    }

    /**
     * Writes one frame (the payload buffer's position is left unchanged).
     *
     * @param frame the frame
     * @throws IOException when the connection fails
     */
    public synchronized void write(final Frame frame) throws IOException {
        final byte[] name = frame.name().getBytes(StandardCharsets.UTF_8);
        if (name.length > FrameDescriptor.MAX_NAME_BYTES) {
            throw new IllegalArgumentException("name is " + name.length + " UTF-8 bytes, at most "
                + FrameDescriptor.MAX_NAME_BYTES + ": " + frame.name());
        }
        final ByteBuffer payload = frame.payload().duplicate();
        header.clear();
        header.putInt(FrameDescriptor.MAGIC)
            .put((byte) FrameDescriptor.VERSION)
            .put((byte) frame.type().code())
            .putShort((short) name.length)
            .putLong(frame.tupleId())
            .putLong(payload.remaining());
        header.flip();
        crc.reset();
        crc.update(header);
        final ByteBuffer nameBuffer = ByteBuffer.wrap(name);
        crc.update(nameBuffer.duplicate());
        crc.update(payload.duplicate());
        header.limit(HEADER_LENGTH);
        header.putInt(CHECKSUM_OFFSET, (int) crc.getValue()).putInt(CHECKSUM_OFFSET + 4, 0);
        header.position(0);
        final ByteBuffer[] parts = {header, nameBuffer, payload};
        long left = (long) header.remaining() + nameBuffer.remaining() + payload.remaining();
        while (left > 0) {
            left -= channel.write(parts);
        }
    }
}
