package io.dikw.graph.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class BatchCodecTest {

    @Test
    void writesTheSameBytesAsStingersOwnClient() {
        final StingerBatch data = new StingerBatch();
        data.type = StingerBatch.STRINGS_ONLY;
        data.insertions.add(EdgeInsertion.named("AbigailJones", "AvaJones", null, 1, 1));
        final String hex = HexFormat.of().formatHex(Frames.frame(data));
        assertThat(hex).startsWith("00000024" + "1a1c" + "120c" + hex("AbigailJones") + "2208" + hex("AvaJones")
            + "2801" + "3001").endsWith("280130013801");
        assertThat(HexFormat.of().formatHex(Frames.frame(closeFrame()))).isEqualTo("00000006280130013800");
    }

    private static StingerBatch closeFrame() {
        final StingerBatch b = StingerBatch.endOfSession();
        b.type = StingerBatch.STRINGS_ONLY;
        return b;
    }

    private static String hex(final String s) {
        return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void roundTripsEveryField() throws IOException {
        final StingerBatch b = new StingerBatch();
        b.version = 1;
        b.makeUndirected = false;
        b.type = StingerBatch.MIXED;
        b.insertions.add(EdgeInsertion.named("a", "b", "mentioned", 3, 1_700_000_000_000L));
        b.insertions.add(EdgeInsertion.numbered(5, 7, 2, -4, -9));
        b.deletions.add(new EdgeDeletion(0, "a", 9, null, 0, "mentioned"));
        b.vertexUpdates.add(new VertexUpdate(0, "a", -1, "user", true, 10, 2));
        b.vertexUpdates.add(new VertexUpdate(4, null, 3, null, false, 0, 0));
        b.metadata.add("{\"raw\":1}".getBytes(StandardCharsets.UTF_8));
        final byte[] frame = Frames.frame(b);
        final byte[] body = Frames.readBody(new ByteArrayInputStream(frame), 1 << 20);
        final StingerBatch back = BatchCodec.decode(body, 0, body.length);
        assertThat(back.version).isEqualTo(1);
        assertThat(back.makeUndirected).isFalse();
        assertThat(back.keepAlive).isTrue();
        assertThat(back.insertions).isEqualTo(b.insertions);
        assertThat(back.deletions).isEqualTo(b.deletions);
        assertThat(back.vertexUpdates).isEqualTo(b.vertexUpdates);
        assertThat(back.metadata.get(0)).isEqualTo(b.metadata.get(0));
    }

    @Test
    void absentFieldsTakeStingersDefaults() throws IOException {
        final StingerBatch b = BatchCodec.decode(new byte[0], 0, 0);
        assertThat(b.makeUndirected).isTrue();
        assertThat(b.keepAlive).isFalse();
        assertThat(b.isEmpty()).isTrue();
    }

    @Test
    void shouldRefuseOversizedAndTruncatedFrames() {
        assertThatThrownBy(() -> Frames.readBody(new ByteArrayInputStream(new byte[] {0x7f, 0, 0, 0}), 1000))
            .isInstanceOf(WireException.class).hasMessageContaining("length=2130706432 exceeds maxBodyBytes=1000");
        assertThatThrownBy(() -> Frames.readBody(new ByteArrayInputStream(new byte[] {0, 0, 0, 9, 1}), 1000))
            .hasMessageContaining("stream ended inside a frame of length=9");
        assertThatThrownBy(() -> Frames.readBody(new ByteArrayInputStream(new byte[] {0, 0}), 1000))
            .hasMessageContaining("4-byte length");
    }

    @Test
    void shouldRejectGarbageAsMalformed() {
        final byte[] garbage = {(byte) 0x1a, (byte) 0xff, (byte) 0xff, 0x01};
        assertThatThrownBy(() -> BatchCodec.decode(garbage, 0, garbage.length)).isInstanceOf(WireException.class)
            .extracting(e -> ((WireException) e).reason()).isEqualTo("malformed-batch");
    }

    @Property(tries = 2000)
    void decoderEitherParsesOrRefusesRandomBytes(@ForAll @Size(max = 200) final byte[] body) {
        decodeOrRefuse(body);
    }

    @Property(tries = 2000)
    void decoderEitherParsesOrRefusesMutatedBatches(@ForAll final int position, @ForAll final byte value,
        @ForAll @Size(max = 6) final byte[] cut) {
        final StingerBatch b = new StingerBatch();
        b.insertions.add(EdgeInsertion.named("alice", "bob", "mentioned", 2, 99));
        b.deletions.add(new EdgeDeletion(1, null, 2, null, 3, null));
        b.vertexUpdates.add(new VertexUpdate(0, "bob", -1, "user", true, 1, 1));
        final byte[] frame = Frames.frame(b);
        final byte[] body = Arrays.copyOfRange(frame, 4, frame.length - cut.length);
        body[Math.floorMod(position, body.length)] = value;
        decodeOrRefuse(body);
    }

    private static void decodeOrRefuse(final byte[] body) {
        try {
            final StingerBatch b = BatchCodec.decode(body, 0, body.length);
            assertThat(b.size()).isLessThanOrEqualTo(body.length);
        } catch (final WireException e) {
            assertThat(e.reason()).isEqualTo("malformed-batch");
        }
    }
}
