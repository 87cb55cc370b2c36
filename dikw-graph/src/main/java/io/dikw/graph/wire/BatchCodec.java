package io.dikw.graph.wire;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;

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
     * @return the batch
     * @throws WireException if the bytes are not a StingerBatch
     */
    public static StingerBatch decode(final byte[] body, final int off, final int len) throws WireException {
        final CodedInputStream in = CodedInputStream.newInstance(body, off, len);
        final StingerBatch b = new StingerBatch();
        b.keepAlive = false;
        try {
            while (true) {
                final int tag = in.readTag();
                if (tag == 0) {
                    return b;
                }
                switch (tag) {
                    case (1 << 3) | VARINT -> b.version = in.readInt32();
                    case (3 << 3) | BYTES -> b.insertions.add(readMessage(in, BatchCodec::readInsertion));
                    case (4 << 3) | BYTES -> b.deletions.add(readMessage(in, BatchCodec::readDeletion));
                    case (5 << 3) | VARINT -> b.makeUndirected = in.readBool();
                    case (6 << 3) | VARINT -> b.type = in.readEnum();
                    case (7 << 3) | VARINT -> b.keepAlive = in.readBool();
                    case (8 << 3) | BYTES -> b.vertexUpdates.add(readMessage(in, BatchCodec::readVertexUpdate));
                    case (9 << 3) | BYTES -> b.metadata.add(in.readByteArray());
                    default -> skip(in, tag);
                }
            }
        } catch (final InvalidProtocolBufferException e) {
            throw new WireException("malformed-batch", "malformed StingerBatch of " + len + " bytes: " + e.getMessage());
        } catch (final IOException e) {
            throw new WireException("malformed-batch", "malformed StingerBatch of " + len + " bytes: " + e);
        }
    }

    private interface Reader<T> {
        T read(CodedInputStream in) throws IOException;
    }

    private static <T> T readMessage(final CodedInputStream in, final Reader<T> reader) throws IOException {
        final int length = in.readRawVarint32();
        final int old = in.pushLimit(length);
        final T value = reader.read(in);
        in.checkLastTagWas(0);
        in.popLimit(old);
        return value;
    }

    private static void skip(final CodedInputStream in, final int tag) throws IOException {
        if (WireFormat.getTagFieldNumber(tag) == 0 || !in.skipField(tag)) {
            throw new InvalidProtocolBufferException("invalid tag " + tag);
        }
    }

    /** The endpoint fields 1-4 that insertions and deletions share. */
    private static final class Endpoints {
        private long source;
        private String sourceStr;
        private long destination;
        private String destinationStr;

        /** @return true if the tag was an endpoint field (and has been read) */
        boolean read(final int tag, final CodedInputStream in) throws IOException {
            switch (tag) {
                case (1 << 3) | VARINT -> source = in.readInt64();
                case (2 << 3) | BYTES -> sourceStr = in.readStringRequireUtf8();
                case (3 << 3) | VARINT -> destination = in.readInt64();
                case (4 << 3) | BYTES -> destinationStr = in.readStringRequireUtf8();
                default -> {
                    return false;
                }
            }
            return true;
        }
    }

    private static EdgeInsertion readInsertion(final CodedInputStream in) throws IOException {
        final Endpoints e = new Endpoints();
        long weight = 1;
        long time = 0;
        long type = 0;
        String typeStr = null;
        while (true) {
            final int tag = in.readTag();
            if (tag == 0) {
                return new EdgeInsertion(e.source, e.sourceStr, e.destination, e.destinationStr, weight, time, type,
                    typeStr);
            }
            if (!e.read(tag, in)) {
                switch (tag) {
                    case (5 << 3) | VARINT -> weight = in.readInt64();
                    case (6 << 3) | VARINT -> time = in.readInt64();
                    case (7 << 3) | VARINT -> type = in.readInt64();
                    case (8 << 3) | BYTES -> typeStr = in.readStringRequireUtf8();
                    default -> skip(in, tag);
                }
            }
        }
    }

    private static EdgeDeletion readDeletion(final CodedInputStream in) throws IOException {
        final Endpoints e = new Endpoints();
        long type = 0;
        String typeStr = null;
        while (true) {
            final int tag = in.readTag();
            if (tag == 0) {
                return new EdgeDeletion(e.source, e.sourceStr, e.destination, e.destinationStr, type, typeStr);
            }
            if (!e.read(tag, in)) {
                switch (tag) {
                    case (5 << 3) | VARINT -> type = in.readInt64();
                    case (6 << 3) | BYTES -> typeStr = in.readStringRequireUtf8();
                    default -> skip(in, tag);
                }
            }
        }
    }

    private static VertexUpdate readVertexUpdate(final CodedInputStream in) throws IOException {
        long vertex = 0;
        String vertexStr = null;
        long type = -1;
        String typeStr = null;
        boolean hasSet = false;
        long setWeight = 0;
        long incrWeight = 0;
        while (true) {
            final int tag = in.readTag();
            switch (tag) {
                case 0 -> {
                    return new VertexUpdate(vertex, vertexStr, type, typeStr, hasSet, setWeight, incrWeight);
                }
                case (1 << 3) | VARINT -> vertex = in.readInt64();
                case (2 << 3) | BYTES -> vertexStr = in.readStringRequireUtf8();
                case (3 << 3) | VARINT -> type = in.readInt64();
                case (4 << 3) | BYTES -> typeStr = in.readStringRequireUtf8();
                case (5 << 3) | VARINT -> {
                    setWeight = in.readInt64();
                    hasSet = true;
                }
                case (6 << 3) | VARINT -> incrWeight = in.readInt64();
                default -> skip(in, tag);
            }
        }
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
