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

    @Test
    void scanLeavesNamesInPlaceAndOneScannedBatchServesManyFrames() throws IOException {
        final StingerBatch big = new StingerBatch();
        big.makeUndirected = false;
        for (int i = 0; i < 100; i++) {
            big.insertions.add(EdgeInsertion.named("u" + i, "v" + i, i % 2 == 0 ? null : "mentioned", i, 7));
        }
        big.vertexUpdates.add(new VertexUpdate(3, null, -1, null, false, 0, 5));
        final byte[] body = body(big);
        final ScannedBatch scanned = new ScannedBatch();
        BatchCodec.scan(body, 0, body.length, scanned);
        assertThat(scanned.insertionCount()).isEqualTo(100);
        assertThat(scanned.makeUndirected()).isFalse();
        final long name = scanned.insertion(41, ScannedBatch.DESTINATION_NAME);
        assertThat(new String(body, ScannedBatch.nameOffset(name), ScannedBatch.nameLength(name),
            StandardCharsets.UTF_8)).isEqualTo("v41");
        assertThat(scanned.insertion(41, ScannedBatch.WEIGHT)).isEqualTo(41);
        assertThat(scanned.insertion(40, ScannedBatch.TYPE_NAME)).isEqualTo(ScannedBatch.NO_NAME);
        assertThat(scanned.vertexUpdate(0, ScannedBatch.VERTEX_TYPE)).as("absent: keep the type").isEqualTo(-1);
        assertThat(scanned.vertexUpdate(0, ScannedBatch.HAS_SET_WEIGHT)).isZero();
        assertThat(scanned.vertexUpdate(0, ScannedBatch.INCR_WEIGHT)).isEqualTo(5);

        final byte[] ping = body(StingerBatch.ping());
        BatchCodec.scan(ping, 0, ping.length, scanned);
        assertThat(scanned.isEmpty()).isTrue();
        assertThat(scanned.keepAlive()).isTrue();
        assertThat(scanned.makeUndirected()).isTrue();
        assertThatThrownBy(() -> scanned.insertion(0, ScannedBatch.SOURCE)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Property(tries = 300)
    void scanReadsBackWhatWasWritten(@ForAll final long seed) throws IOException {
        final java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        final String[] names = {"a", "bob", "é", "日本語", "\uD83D\uDE00x", ""};
        final StingerBatch b = new StingerBatch();
        b.makeUndirected = random.nextBoolean();
        b.keepAlive = random.nextBoolean();
        for (int i = random.nextInt(20); i > 0; i--) {
            b.insertions.add(random.nextBoolean()
                ? EdgeInsertion.named(names[random.nextInt(names.length)], names[random.nextInt(names.length)],
                    random.nextBoolean() ? null : names[random.nextInt(names.length)], random.nextLong(), random.nextLong())
                : EdgeInsertion.numbered(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong(),
                    random.nextLong()));
        }
        for (int i = random.nextInt(5); i > 0; i--) { // an endpoint or type is a name or a number, not both
            final boolean named = random.nextBoolean();
            final boolean typed = random.nextBoolean();
            b.deletions.add(new EdgeDeletion(named ? 0 : random.nextLong(), named ? "s" : null,
                named ? 0 : random.nextLong(), named ? "日" : null, typed ? 0 : random.nextInt(9), typed ? "t" : null));
        }
        for (int i = random.nextInt(5); i > 0; i--) {
            final boolean set = random.nextBoolean();
            final boolean named = random.nextBoolean();
            b.vertexUpdates.add(new VertexUpdate(named ? 0 : random.nextLong(), named ? "v" : null,
                named ? -1 : random.nextInt(-1, 5), named ? "user" : null, set, set ? random.nextLong() : 0,
                random.nextLong()));
        }
        for (int i = random.nextInt(40); i > 0; i--) {
            b.metadata.add(("{\"record\":" + i + "}").getBytes(StandardCharsets.UTF_8));
        }
        final byte[] body = body(b);
        final StingerBatch back = BatchCodec.decode(body, 0, body.length);
        assertThat(back.metadata).hasSameSizeAs(b.metadata);
        for (int i = 0; i < b.metadata.size(); i++) {
            assertThat(back.metadata.get(i)).isEqualTo(b.metadata.get(i));
        }
        assertThat(back.insertions).isEqualTo(b.insertions);
        assertThat(back.deletions).isEqualTo(b.deletions);
        assertThat(back.vertexUpdates).isEqualTo(b.vertexUpdates);
        assertThat(back.makeUndirected).isEqualTo(b.makeUndirected);
        assertThat(back.keepAlive).isEqualTo(b.keepAlive);
    }

    @Test
    void aNameThatIsNotUtf8IsRefused() {
        // insertion (field 3) holding source_str (field 2) = C3 28: a lead byte without its continuation
        final byte[] body = {0x1a, 0x04, 0x12, 0x02, (byte) 0xC3, 0x28};
        assertThatThrownBy(() -> BatchCodec.scan(body, 0, body.length, new ScannedBatch()))
            .isInstanceOf(WireException.class).hasMessageContaining("not valid UTF-8")
            .extracting(e -> ((WireException) e).reason()).isEqualTo("malformed-batch");
    }

    @Test
    void aReaderReusesItsBufferAcrossFramesOfAnySize() throws IOException {
        final java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
        final int[] sizes = {3, 200_000, 10, 0, 70_000};
        for (final int size : sizes) {
            final StingerBatch b = new StingerBatch();
            b.metadata.add(new byte[size]);
            stream.write(Frames.frame(b));
        }
        stream.write(new byte[] {0, 0, 0, 9, 1});
        final Frames.Reader reader = new Frames.Reader(new ByteArrayInputStream(stream.toByteArray()), 1 << 20);
        for (final int size : sizes) {
            final int length = reader.next();
            assertThat(BatchCodec.decode(reader.body(), 0, length).metadata.get(0)).hasSize(size);
        }
        assertThatThrownBy(reader::next).isInstanceOf(WireException.class).hasMessageContaining("length=9");
        assertThat(new Frames.Reader(new ByteArrayInputStream(new byte[0]), 10).next()).isEqualTo(-1);
    }

    @Test
    void aReaderKeepsOneBufferForOrdinaryFramesAndDropsAHugeOne() throws IOException {
        final java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
        final int[] sizes = {100, 20 << 20, 300};
        for (final int size : sizes) {
            final StingerBatch b = new StingerBatch();
            b.metadata.add(new byte[size]);
            stream.write(Frames.frame(b));
        }
        final Frames.Reader reader = new Frames.Reader(new ByteArrayInputStream(stream.toByteArray()), 32 << 20);
        reader.next();
        final byte[] ordinary = reader.body();
        assertThat(reader.next()).isGreaterThan(20 << 20);
        assertThat(reader.body()).isNotSameAs(ordinary);
        reader.next();
        assertThat(reader.body()).as("the huge body is not kept").isSameAs(ordinary);
    }

    @Test
    void aScannedBatchDropsWhatAHugeFrameMadeItGrow() throws IOException {
        final byte[] body = new byte[2 * (5 << 20)]; // five million empty metadata records (field 9)
        for (int i = 0; i < body.length; i += 2) {
            body[i] = 0x4a;
        }
        final ScannedBatch scanned = new ScannedBatch();
        BatchCodec.scan(body, 0, body.length, scanned);
        assertThat(scanned.metadata.count).isEqualTo(5 << 20);
        scanned.trim();
        assertThat(scanned.metadata.fields.length).isLessThan(1 << 10);
        assertThat(scanned.body()).isEmpty();
        final byte[] small = body(StingerBatch.ping());
        BatchCodec.scan(small, 0, small.length, scanned);
        assertThat(scanned.keepAlive()).isTrue();
    }

    private static byte[] body(final StingerBatch b) throws IOException {
        return Frames.readBody(new ByteArrayInputStream(Frames.frame(b)), 1 << 20);
    }
}
