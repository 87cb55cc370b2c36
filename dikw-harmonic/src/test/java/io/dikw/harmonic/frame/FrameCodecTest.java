package io.dikw.harmonic.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    static byte[] encode(final Frame frame) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final WritableByteChannel ch = Channels.newChannel(out);
        new FrameWriter(new Gathering(ch)).write(frame);
        return out.toByteArray();
    }

    static FrameReader reader(final byte[] bytes, final long limit) {
        return new FrameReader(Channels.newChannel(new java.io.ByteArrayInputStream(bytes)), limit);
    }

    @Property(tries = 200)
    void shouldDecodeWhatItEncodes(@ForAll final long id, @ForAll @StringLength(max = 80) final String name,
        @ForAll @Size(max = 5000) final byte[] payload) throws IOException {
        final long tupleId = id == Long.MIN_VALUE ? 0 : Math.abs(id);
        final String safeName = name.getBytes(StandardCharsets.UTF_8).length > 255 ? "n" : name;
        final byte[] wire = encode(new Frame(FrameType.TUPLE, tupleId, safeName, ByteBuffer.wrap(payload)));
        assertThat(wire).hasSize(FrameDescriptor.HEADER_LENGTH + safeName.getBytes(StandardCharsets.UTF_8).length
            + payload.length);
        final Frame back = reader(wire, 1 << 20).read();
        assertThat(back.type()).isEqualTo(FrameType.TUPLE);
        assertThat(back.tupleId()).isEqualTo(tupleId);
        assertThat(back.name()).isEqualTo(safeName);
        final byte[] got = new byte[back.payloadLength()];
        back.payload().duplicate().get(got);
        assertThat(got).isEqualTo(payload);
    }

    @Property(tries = 500)
    void shouldDetectAnyCorruptedByte(@ForAll @Size(min = 1, max = 300) final byte[] payload,
        @ForAll @IntRange(min = 0, max = 10_000) final int where, @ForAll @IntRange(min = 1, max = 255) final int flip)
        throws IOException {
        final byte[] wire = encode(new Frame(FrameType.TUPLE, 42, "echo", ByteBuffer.wrap(payload)));
        final int at = where % wire.length;
        wire[at] ^= (byte) flip;
        // Either a clear frame error, or the frame ends early/late: never a wrong frame accepted.
        assertThatThrownBy(() -> reader(wire, 1 << 20).read()).isInstanceOfAny(FrameException.class, EOFException.class);
    }

    @Property(tries = 1000)
    void shouldNeverFailOtherwiseOnRandomBytes(@ForAll("garbage") final byte[] bytes) {
        try {
            final FrameReader r = reader(bytes, 4096);
            while (r.read() != null) {
                // keep reading until the bytes run out
            }
        } catch (final FrameException | EOFException expected) {
            // the only acceptable failures
        } catch (final IOException e) {
            throw new AssertionError("unexpected " + e, e);
        }
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        final Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        final Arbitrary<byte[]> withMagic = random.map(b -> {
            final ByteBuffer buf = ByteBuffer.allocate(b.length + 6);
            buf.putInt(FrameDescriptor.MAGIC).put((byte) 1).put((byte) 2).put(b);
            return buf.array();
        });
        return Arbitraries.oneOf(random, withMagic);
    }

    @Test
    void shouldRejectOversizedPayloadBeforeReadingIt() throws IOException {
        final byte[] wire = encode(new Frame(FrameType.TUPLE, 1, "echo", ByteBuffer.allocate(2000)));
        assertThatThrownBy(() -> reader(wire, 1000).read())
            .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.reason()).isEqualTo("oversized"))
            .hasMessageContaining("payloadLength=2000");
    }

    @Test
    void shouldRejectHugeDeclaredLengthWithoutAllocating() throws IOException {
        final byte[] wire = encode(Frame.of(FrameType.TUPLE, 1, "echo"));
        ByteBuffer.wrap(wire).putLong(FrameDescriptor.PAYLOAD_LENGTH_OFFSET, Long.MAX_VALUE);
        assertThatThrownBy(() -> reader(wire, FrameDescriptor.MAX_PAYLOAD_LIMIT).read())
            .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.reason()).isEqualTo("oversized"));
    }

    @Test
    void shouldNameEachBrokenField() throws IOException {
        assertReason(0, 0x00, "bad-magic");
        assertReason(FrameDescriptor.VERSION_OFFSET, 9, "bad-version");
        assertReason(FrameDescriptor.TYPE_OFFSET, 99, "bad-type");
        assertReason(FrameDescriptor.RESERVED_OFFSET, 1, "bad-reserved");
        assertReason(FrameDescriptor.TUPLE_ID_OFFSET, 0x80, "bad-tuple-id");
        assertReason(FrameDescriptor.CHECKSUM_OFFSET, 0x01, "bad-checksum");
    }

    @Test
    void shouldRejectNameThatIsNotUtf8() throws IOException {
        final byte[] wire = encode(Frame.of(FrameType.TUPLE, 1, "ab"));
        wire[FrameDescriptor.HEADER_LENGTH] = (byte) 0xff;
        assertThatThrownBy(() -> reader(wire, 10).read())
            .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.reason()).isEqualTo("bad-name"));
    }

    @Test
    void shouldReturnNullOnCleanEndBetweenFrames() throws IOException {
        final byte[] one = encode(Frame.of(FrameType.ACK, 7, "x"));
        final FrameReader r = reader(one, 0);
        assertThat(r.read().tupleId()).isEqualTo(7);
        assertThat(r.read()).isNull();
    }

    @Test
    void shouldSkipPayloadAndGoOnWithTheNextFrame() throws IOException {
        final ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(encode(new Frame(FrameType.TUPLE, 1, "a", ByteBuffer.allocate(200_000))));
        both.write(encode(new Frame(FrameType.TUPLE, 2, "b", ByteBuffer.wrap(new byte[] {5}))));
        final FrameReader r = reader(both.toByteArray(), 1 << 20);
        r.skipPayload(r.readHeader());
        final Frame second = r.read();
        assertThat(second.tupleId()).isEqualTo(2);
        assertThat(second.payload().get(0)).isEqualTo((byte) 5);
    }

    private static void assertReason(final int offset, final int xor, final String reason) throws IOException {
        final byte[] wire = encode(new Frame(FrameType.TUPLE, 1, "echo", ByteBuffer.wrap(new byte[] {1, 2, 3})));
        wire[offset] ^= (byte) xor;
        if (xor == 0) {
            wire[offset] = 0;
        }
        assertThatThrownBy(() -> reader(wire, 100).read())
            .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    /** Adapts a plain channel for the writer's gathering write. */
    private record Gathering(WritableByteChannel ch) implements GatheringByteChannel {
        @Override
        public long write(final ByteBuffer[] srcs, final int offset, final int length) throws IOException {
            long n = 0;
            for (int i = offset; i < offset + length; i++) {
                while (srcs[i].hasRemaining()) {
                    n += ch.write(srcs[i]);
                }
            }
            return n;
        }

        @Override
        public long write(final ByteBuffer[] srcs) throws IOException {
            return write(srcs, 0, srcs.length);
        }

        @Override
        public int write(final ByteBuffer src) throws IOException {
            return ch.write(src);
        }

        @Override
        public boolean isOpen() {
            return ch.isOpen();
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }

}
