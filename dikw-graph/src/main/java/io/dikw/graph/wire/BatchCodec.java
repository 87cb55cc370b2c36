package io.dikw.graph.wire;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads and writes {@link StingerBatch} in protobuf binary form with STINGER's field numbers.
 * Unknown fields are skipped (as protobuf does), so newer senders still parse; a body that is
 * not valid protobuf fails with {@link WireException} {@code malformed-batch}.
 */
public final class BatchCodec {
    private static final int VARINT = WireFormat.WIRETYPE_VARINT;
    private static final int BYTES = WireFormat.WIRETYPE_LENGTH_DELIMITED;

    private BatchCodec() {
    }

    /**
     * @param body bytes of one serialized StingerBatch
     * @param off  start
     * @param len  length
     * @return the batch as objects
     * @throws WireException if the bytes are not a StingerBatch
     */
    public static StingerBatch decode(final byte[] body, final int off, final int len) throws WireException {
        final ScannedBatch scanned = new ScannedBatch();
        scan(body, off, len, scanned);
        return scanned.toBatch();
    }

    /**
     * Reads a body in place: numbers into {@code into}'s arrays, names as references to their bytes
     * (checked to be UTF-8). The whole body is checked before this returns, so a frame that fails
     * has not been half used.
     *
     * @param body bytes of one serialized StingerBatch
     * @param off  start
     * @param len  length
     * @param into filled with the batch (its previous content is dropped)
     * @throws WireException if the bytes are not a StingerBatch
     */
    public static void scan(final byte[] body, final int off, final int len, final ScannedBatch into)
        throws WireException {
        final CodedInputStream in = CodedInputStream.newInstance(body, off, len);
        into.reset(body);
        try {
            while (true) {
                final int tag = in.readTag();
                if (tag == 0) {
                    return;
                }
                switch (tag) {
                    case (1 << 3) | VARINT -> into.version = in.readInt32();
                    case (3 << 3) | BYTES -> readMessage(in, body, off, into.insertions, INSERTION_DEFAULTS,
                        BatchCodec::insertionField);
                    case (4 << 3) | BYTES -> readMessage(in, body, off, into.deletions, DELETION_DEFAULTS,
                        BatchCodec::deletionField);
                    case (5 << 3) | VARINT -> into.makeUndirected = in.readBool();
                    case (6 << 3) | VARINT -> into.type = in.readEnum();
                    case (7 << 3) | VARINT -> into.keepAlive = in.readBool();
                    case (8 << 3) | BYTES -> readMessage(in, body, off, into.vertexUpdates, VERTEX_DEFAULTS,
                        BatchCodec::vertexField);
                    case (9 << 3) | BYTES -> {
                        final long raw = readBytes(in, body, off, false);
                        final int r = into.metadata.add(METADATA_DEFAULTS); // may replace the fields array
                        into.metadata.fields[r] = raw;
                    }
                    default -> skip(in, tag);
                }
            }
        } catch (final InvalidProtocolBufferException e) {
            throw new WireException("malformed-batch", "malformed StingerBatch of " + len + " bytes: " + e.getMessage());
        } catch (final IOException e) {
            throw new WireException("malformed-batch", "malformed StingerBatch of " + len + " bytes: " + e);
        }
    }

    private static final long[] INSERTION_DEFAULTS = {0, ScannedBatch.NO_NAME, 0, ScannedBatch.NO_NAME, 0,
        ScannedBatch.NO_NAME, 1, 0};
    private static final long[] DELETION_DEFAULTS = {0, ScannedBatch.NO_NAME, 0, ScannedBatch.NO_NAME, 0,
        ScannedBatch.NO_NAME, 0, 0};
    private static final long[] VERTEX_DEFAULTS = {0, ScannedBatch.NO_NAME, 0, 0, -1, ScannedBatch.NO_NAME, 0, 0};
    private static final long[] METADATA_DEFAULTS = {ScannedBatch.NO_NAME};

    /**
     * Reads one field of a nested message into the record at {@code r} of {@code f}; false if the
     * tag is not one of the message's fields.
     */
    private interface FieldReader {
        boolean read(int tag, CodedInputStream in, byte[] body, int off, long[] f, int r) throws IOException;
    }

    private static void readMessage(final CodedInputStream in, final byte[] body, final int off,
        final ScannedBatch.Part part, final long[] defaults, final FieldReader reader) throws IOException {
        final int length = in.readRawVarint32();
        final int old = in.pushLimit(length);
        final int r = part.add(defaults);
        while (true) {
            final int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            if (!reader.read(tag, in, body, off, part.fields, r)) {
                skip(in, tag);
            }
        }
        in.checkLastTagWas(0);
        in.popLimit(old);
    }

    private static void skip(final CodedInputStream in, final int tag) throws IOException {
        if (WireFormat.getTagFieldNumber(tag) == 0 || !in.skipField(tag)) {
            throw new InvalidProtocolBufferException("invalid tag " + tag);
        }
    }

    /** A length-delimited field as a reference to its bytes (which must be UTF-8 if {@code utf8}). */
    private static long readBytes(final CodedInputStream in, final byte[] body, final int off, final boolean utf8)
        throws IOException {
        final int length = in.readRawVarint32();
        if (length < 0) {
            throw new InvalidProtocolBufferException("negative length " + length);
        }
        final int at = off + in.getTotalBytesRead();
        in.skipRawBytes(length);
        if (utf8) {
            checkUtf8(body, at, length);
        }
        return ScannedBatch.name(at, length);
    }

    private static final ThreadLocal<CharsetDecoder> UTF8 = ThreadLocal.withInitial(() -> StandardCharsets.UTF_8
        .newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));

    private static void checkUtf8(final byte[] body, final int at, final int length) throws IOException {
        for (int i = at; i < at + length; i++) {
            if (body[i] < 0) { // not ASCII: check the rest properly
                try {
                    UTF8.get().reset().decode(ByteBuffer.wrap(body, at, length));
                } catch (final CharacterCodingException e) {
                    throw new InvalidProtocolBufferException("a string field is not valid UTF-8");
                }
                return;
            }
        }
    }

    /** Fields 1-4, which insertions and deletions share: the endpoints. */
    private static boolean endpointField(final int tag, final CodedInputStream in, final byte[] body, final int off,
        final long[] f, final int r) throws IOException {
        switch (tag) {
            case (1 << 3) | VARINT -> f[r + ScannedBatch.SOURCE] = in.readInt64();
            case (2 << 3) | BYTES -> f[r + ScannedBatch.SOURCE_NAME] = readBytes(in, body, off, true);
            case (3 << 3) | VARINT -> f[r + ScannedBatch.DESTINATION] = in.readInt64();
            case (4 << 3) | BYTES -> f[r + ScannedBatch.DESTINATION_NAME] = readBytes(in, body, off, true);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean insertionField(final int tag, final CodedInputStream in, final byte[] body, final int off,
        final long[] f, final int r) throws IOException {
        switch (tag) {
            case (5 << 3) | VARINT -> f[r + ScannedBatch.WEIGHT] = in.readInt64();
            case (6 << 3) | VARINT -> f[r + ScannedBatch.TIME] = in.readInt64();
            case (7 << 3) | VARINT -> f[r + ScannedBatch.TYPE] = in.readInt64();
            case (8 << 3) | BYTES -> f[r + ScannedBatch.TYPE_NAME] = readBytes(in, body, off, true);
            default -> {
                return endpointField(tag, in, body, off, f, r);
            }
        }
        return true;
    }

    private static boolean deletionField(final int tag, final CodedInputStream in, final byte[] body, final int off,
        final long[] f, final int r) throws IOException {
        switch (tag) {
            case (5 << 3) | VARINT -> f[r + ScannedBatch.TYPE] = in.readInt64();
            case (6 << 3) | BYTES -> f[r + ScannedBatch.TYPE_NAME] = readBytes(in, body, off, true);
            default -> {
                return endpointField(tag, in, body, off, f, r);
            }
        }
        return true;
    }

    private static boolean vertexField(final int tag, final CodedInputStream in, final byte[] body, final int off,
        final long[] f, final int r) throws IOException {
        switch (tag) {
            case (1 << 3) | VARINT -> f[r + ScannedBatch.VERTEX] = in.readInt64();
            case (2 << 3) | BYTES -> f[r + ScannedBatch.VERTEX_NAME] = readBytes(in, body, off, true);
            case (3 << 3) | VARINT -> f[r + ScannedBatch.VERTEX_TYPE] = in.readInt64();
            case (4 << 3) | BYTES -> f[r + ScannedBatch.VERTEX_TYPE_NAME] = readBytes(in, body, off, true);
            case (5 << 3) | VARINT -> {
                f[r + ScannedBatch.SET_WEIGHT] = in.readInt64();
                f[r + ScannedBatch.HAS_SET_WEIGHT] = 1;
            }
            case (6 << 3) | VARINT -> f[r + ScannedBatch.INCR_WEIGHT] = in.readInt64();
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * @param b a batch
     * @return its serialized size in bytes
     */
    public static int size(final StingerBatch b) {
        int n = 0;
        if (b.version != 0) {
            n += CodedOutputStream.computeInt32Size(1, b.version);
        }
        for (final EdgeInsertion e : b.insertions) {
            final int s = insertionSize(e);
            n += CodedOutputStream.computeTagSize(3) + CodedOutputStream.computeUInt32SizeNoTag(s) + s;
        }
        for (final EdgeDeletion e : b.deletions) {
            final int s = deletionSize(e);
            n += CodedOutputStream.computeTagSize(4) + CodedOutputStream.computeUInt32SizeNoTag(s) + s;
        }
        n += CodedOutputStream.computeBoolSize(5, b.makeUndirected);
        n += CodedOutputStream.computeEnumSize(6, b.type);
        n += CodedOutputStream.computeBoolSize(7, b.keepAlive);
        for (final VertexUpdate v : b.vertexUpdates) {
            final int s = vertexUpdateSize(v);
            n += CodedOutputStream.computeTagSize(8) + CodedOutputStream.computeUInt32SizeNoTag(s) + s;
        }
        for (final byte[] m : b.metadata) {
            n += CodedOutputStream.computeByteArraySize(9, m);
        }
        return n;
    }

    /**
     * Writes a batch into {@code out} at {@code off}; the space must be {@link #size} bytes.
     *
     * @param b   the batch
     * @param out destination
     * @param off where the body starts
     * @param len the body's size, from {@link #size}
     */
    public static void encode(final StingerBatch b, final byte[] out, final int off, final int len) {
        final CodedOutputStream o = CodedOutputStream.newInstance(out, off, len);
        try {
            if (b.version != 0) {
                o.writeInt32(1, b.version);
            }
            for (final EdgeInsertion e : b.insertions) {
                o.writeTag(3, BYTES);
                o.writeUInt32NoTag(insertionSize(e));
                writeEndpoints(o, e.source(), e.sourceStr(), e.destination(), e.destinationStr());
                o.writeInt64(5, e.weight());
                o.writeInt64(6, e.time());
                if (e.typeStr() != null) {
                    o.writeString(8, e.typeStr());
                } else if (e.type() != 0) {
                    o.writeInt64(7, e.type());
                }
            }
            for (final EdgeDeletion e : b.deletions) {
                o.writeTag(4, BYTES);
                o.writeUInt32NoTag(deletionSize(e));
                writeEndpoints(o, e.source(), e.sourceStr(), e.destination(), e.destinationStr());
                if (e.typeStr() != null) {
                    o.writeString(6, e.typeStr());
                } else if (e.type() != 0) {
                    o.writeInt64(5, e.type());
                }
            }
            o.writeBool(5, b.makeUndirected);
            o.writeEnum(6, b.type);
            o.writeBool(7, b.keepAlive);
            for (final VertexUpdate v : b.vertexUpdates) {
                o.writeTag(8, BYTES);
                o.writeUInt32NoTag(vertexUpdateSize(v));
                if (v.vertexStr() == null) {
                    o.writeInt64(1, v.vertex());
                } else {
                    o.writeString(2, v.vertexStr());
                }
                if (v.typeStr() != null) {
                    o.writeString(4, v.typeStr());
                } else if (v.type() >= 0) {
                    o.writeInt64(3, v.type());
                }
                if (v.hasSetWeight()) {
                    o.writeInt64(5, v.setWeight());
                }
                if (v.incrWeight() != 0) {
                    o.writeInt64(6, v.incrWeight());
                }
            }
            for (final byte[] m : b.metadata) {
                o.writeByteArray(9, m);
            }
            o.checkNoSpaceLeft();
        } catch (final IOException e) {
            throw new UncheckedIOException("batch did not fit its computed size: " + e.getMessage(), e);
        }
    }

    private static void writeEndpoints(final CodedOutputStream o, final long source, final String sourceStr,
        final long destination, final String destinationStr) throws IOException {
        if (sourceStr == null) {
            o.writeInt64(1, source);
        } else {
            o.writeString(2, sourceStr);
        }
        if (destinationStr == null) {
            o.writeInt64(3, destination);
        } else {
            o.writeString(4, destinationStr);
        }
    }

    private static int endpoint(final int numberField, final long number, final String name) {
        return name == null ? CodedOutputStream.computeInt64Size(numberField, number)
            : CodedOutputStream.computeStringSize(numberField + 1, name);
    }

    private static int insertionSize(final EdgeInsertion e) {
        return endpoint(1, e.source(), e.sourceStr()) + endpoint(3, e.destination(), e.destinationStr())
            + CodedOutputStream.computeInt64Size(5, e.weight()) + CodedOutputStream.computeInt64Size(6, e.time())
            + type(7, e.type(), e.typeStr());
    }

    /** A type is written only when named or non-zero (absent means type 0). */
    private static int type(final int numberField, final long number, final String name) {
        return name == null && number == 0 ? 0 : endpoint(numberField, number, name);
    }

    private static int deletionSize(final EdgeDeletion e) {
        return endpoint(1, e.source(), e.sourceStr()) + endpoint(3, e.destination(), e.destinationStr())
            + type(5, e.type(), e.typeStr());
    }

    private static int vertexUpdateSize(final VertexUpdate v) {
        int n = endpoint(1, v.vertex(), v.vertexStr());
        if (v.typeStr() != null) {
            n += CodedOutputStream.computeStringSize(4, v.typeStr());
        } else if (v.type() >= 0) {
            n += CodedOutputStream.computeInt64Size(3, v.type());
        }
        if (v.hasSetWeight()) {
            n += CodedOutputStream.computeInt64Size(5, v.setWeight());
        }
        if (v.incrWeight() != 0) {
            n += CodedOutputStream.computeInt64Size(6, v.incrWeight());
        }
        return n;
    }

}
