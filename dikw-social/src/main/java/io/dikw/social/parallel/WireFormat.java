package io.dikw.social.parallel;

import io.dikw.core.vector.SparseVector;
import io.dikw.social.cluster.Decision;
import io.dikw.social.cluster.SimilarityStats;
import io.dikw.social.cluster.Space;
import io.dikw.social.cluster.TableState;
import io.dikw.social.protomeme.Protomeme;
import io.dikw.social.protomeme.ProtomemeType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary encoding of protomemes, worker decisions and sync messages, as they travel between
 * Storm tasks and over the pub-sub channel. Integers are unsigned LEB128 varints unless noted;
 * keys are 8-byte big-endian longs (hashes do not compress); strings are a varint length and UTF-8.
 *
 * <pre>
 * protomeme  := type:u8  marker:string  step:varint  earliest:i64  latest:i64  vector×4
 * vector     := n:varint  (key:i64)×n  (count:varint)×n
 * classified := seq:varint  worker:varint  kind:u8  clusterId:zigzag  clusterSeq:zigzag
 *               similarity:f64  protomeme
 * sync       := magic:"DKSY"  version:u8=2  type:u8 (1 delta, 2 full)  batch:varint
 *               sigmas:f64  count:varint  mean:f64  m2:f64  bootstrapped:u8  body
 * delta body := expireBefore:zigzag  carried:u8  n:varint
 *               (kind:u8  clusterId:varint  similarity:f64  worker:varint  [protomeme if carried])×n
 * full body  := slotCount:varint  nextId:varint  n:varint  cluster×n  m:varint  (marker:string  id:varint)×m
 * cluster    := id:varint  slot:varint  created:i64  latest:i64  protomemes:varint  vector×4
 *               k:varint  (marker:string  tweets:varint)×k
 * </pre>
 *
 * A delta carries each op's protomeme only when another worker needs it: with one worker
 * ({@code carried} = 0) the worker already holds every protomeme, and a worker decoding a message
 * skips its own ({@link #decodeSync(byte[], int)}), leaving {@link SyncMessage.Op#protomeme()} null.
 *
 * <p>Decoding checks every length against what remains and throws {@link IllegalArgumentException}
 * naming the field and byte offset, so a corrupt or hostile message cannot allocate without bound.
 */
public final class WireFormat {
    private static final int MAGIC = 0x444b5359; // "DKSY"
    private static final byte VERSION = 2;
    private static final byte DELTA = 1;
    private static final byte FULL = 2;
    private static final Decision.Kind[] KINDS = Decision.Kind.values();
    private static final ProtomemeType[] TYPES = ProtomemeType.values();
    /** Big-endian views of a byte array: a wrapping ByteBuffer per number was allocated, not optimized away. */
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private WireFormat() {
    }

    // ---------------------------------------------------------------- public API

    /** @param pm a protomeme @return its encoding */
    public static byte[] encode(final Protomeme pm) {
        final Out out = new Out(256);
        writeProtomeme(out, pm);
        return out.toArray();
    }

    /** @param bytes an encoded protomeme @return the protomeme */
    public static Protomeme decodeProtomeme(final byte[] bytes) {
        final In in = new In(bytes);
        final Protomeme pm = readProtomeme(in);
        in.requireEnd("protomeme");
        return pm;
    }

    /** @param c a worker decision @return its encoding */
    public static byte[] encode(final Classified c) {
        final Out out = new Out(256);
        out.varint(c.seq());
        out.varint(c.worker());
        out.u8(c.kind().ordinal());
        out.zigzag(c.clusterId());
        out.zigzag(c.clusterSeq());
        out.f64(c.similarity());
        writeProtomeme(out, c.protomeme());
        return out.toArray();
    }

    /** @param bytes an encoded decision @return the decision */
    public static Classified decodeClassified(final byte[] bytes) {
        final In in = new In(bytes);
        final long seq = in.varint("seq");
        final int worker = (int) in.varint("worker");
        final Decision.Kind kind = in.kind();
        final long clusterId = in.zigzag("clusterId");
        final long clusterSeq = in.zigzag("clusterSeq");
        final double sim = in.f64("similarity");
        final Protomeme pm = readProtomeme(in);
        in.requireEnd("decision");
        return new Classified(seq, worker, kind, clusterId, clusterSeq, sim, pm);
    }

    /** @param message a sync message @return its encoding, every protomeme included */
    public static byte[] encode(final SyncMessage message) {
        return encode(message, true);
    }

    /**
     * @param message a sync message
     * @param carryProtomemes false to leave the protomemes out of a delta: when a single worker
     *     classified them all, it has them
     * @return its encoding
     */
    public static byte[] encode(final SyncMessage message, final boolean carryProtomemes) {
        final Out out = new Out(1 << 16);
        out.i32(MAGIC);
        out.u8(VERSION);
        out.u8(message instanceof SyncMessage.Delta ? DELTA : FULL);
        out.varint(message.batch());
        final SimilarityStats.State s = message.stats();
        out.f64(s.sigmas());
        out.varint(s.count());
        out.f64(s.mean());
        out.f64(s.squaredDeviations());
        out.u8(message.bootstrapped() ? 1 : 0);
        if (message instanceof SyncMessage.Delta d) {
            out.zigzag(d.expireBefore());
            out.u8(carryProtomemes ? 1 : 0);
            out.varint(d.ops().size());
            for (final SyncMessage.Op op : d.ops()) {
                out.u8(op.kind().ordinal());
                out.varint(op.clusterId());
                out.f64(op.similarity());
                out.varint(op.worker());
                if (carryProtomemes) {
                    writeProtomeme(out, op.protomeme());
                }
            }
        } else {
            final TableState t = ((SyncMessage.Full) message).table();
            out.varint(t.slotCount());
            out.varint(t.nextId());
            out.varint(t.clusters().size());
            for (final TableState.ClusterState c : t.clusters()) {
                out.varint(c.id());
                out.varint(c.slot());
                out.i64(c.createdMillis());
                out.i64(c.latestUpdateMillis());
                out.varint(c.protomemes());
                for (final SparseVector v : c.vectors()) {
                    writeVector(out, v);
                }
                out.varint(c.markers().size());
                for (final Map.Entry<String, Integer> e : c.markers().entrySet()) {
                    out.string(e.getKey());
                    out.varint(e.getValue());
                }
            }
            out.varint(t.markers().size());
            for (final Map.Entry<String, Long> e : t.markers().entrySet()) {
                out.string(e.getKey());
                out.varint(e.getValue());
            }
        }
        return out.toArray();
    }

    /** @param bytes an encoded sync message @return the message, every protomeme it carries decoded */
    public static SyncMessage decodeSync(final byte[] bytes) {
        return decodeSync(bytes, -1);
    }

    /**
     * @param bytes an encoded sync message
     * @param forWorker the worker that will apply it: its own protomemes are skipped (left null),
     *     as it holds them; -1 to decode every one carried
     * @return the message
     */
    public static SyncMessage decodeSync(final byte[] bytes, final int forWorker) {
        final In in = new In(bytes);
        final int magic = in.i32("magic");
        if (magic != MAGIC) {
            throw new IllegalArgumentException("not a dikw sync message: magic=0x" + Integer.toHexString(magic));
        }
        final int version = in.u8("version");
        if (version != VERSION) {
            throw new IllegalArgumentException("unsupported sync message version=" + version + " (expected " + VERSION + ")");
        }
        final int type = in.u8("type");
        final long batch = in.varint("batch");
        final SimilarityStats.State stats = new SimilarityStats.State(in.f64("sigmas"), in.varint("count"),
            in.f64("mean"), in.f64("m2"));
        final boolean bootstrapped = in.u8("bootstrapped") != 0;
        final SyncMessage message;
        if (type == DELTA) {
            final long expireBefore = in.zigzag("expireBefore");
            final boolean carried = in.u8("carried") != 0;
            final int n = in.count("ops", 11);
            final List<SyncMessage.Op> ops = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                final Decision.Kind kind = in.kind();
                final long clusterId = in.varint("clusterId");
                final double similarity = in.f64("similarity");
                final int worker = (int) in.varint("worker");
                Protomeme pm = null;
                if (carried && worker == forWorker) {
                    skipProtomeme(in);
                } else if (carried) {
                    pm = readProtomeme(in);
                }
                ops.add(new SyncMessage.Op(kind, clusterId, similarity, worker, pm));
            }
            message = new SyncMessage.Delta(batch, stats, bootstrapped, expireBefore, ops);
        } else if (type == FULL) {
            final int slotCount = (int) in.varint("slotCount");
            final long nextId = in.varint("nextId");
            final int n = in.count("clusters", 24);
            final List<TableState.ClusterState> clusters = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                final long id = in.varint("cluster.id");
                final int slot = (int) in.varint("cluster.slot");
                final long created = in.i64("cluster.created");
                final long latest = in.i64("cluster.latest");
                final int protomemes = (int) in.varint("cluster.protomemes");
                final SparseVector[] vectors = new SparseVector[Space.values().length];
                for (int v = 0; v < vectors.length; v++) {
                    vectors[v] = readVector(in);
                }
                final int k = in.count("cluster.markers", 2);
                final Map<String, Integer> markers = new LinkedHashMap<>();
                for (int j = 0; j < k; j++) {
                    markers.put(in.string("marker"), (int) in.varint("marker.tweets"));
                }
                clusters.add(new TableState.ClusterState(id, slot, created, latest, protomemes, vectors, markers));
            }
            final int m = in.count("markers", 2);
            final Map<String, Long> markers = new LinkedHashMap<>();
            for (int j = 0; j < m; j++) {
                markers.put(in.string("marker"), in.varint("marker.cluster"));
            }
            message = new SyncMessage.Full(batch, stats, bootstrapped, new TableState(slotCount, nextId, clusters, markers));
        } else {
            throw new IllegalArgumentException("unknown sync message type=" + type);
        }
        in.requireEnd("sync message");
        return message;
    }

    // ---------------------------------------------------------------- parts

    private static void writeProtomeme(final Out out, final Protomeme pm) {
        out.u8(pm.type().ordinal());
        out.string(pm.marker());
        out.varint(pm.step());
        out.i64(pm.earliestMillis());
        out.i64(pm.latestMillis());
        writeVector(out, pm.tweetIds());
        writeVector(out, pm.users());
        writeVector(out, pm.diffusion());
        writeVector(out, pm.words());
    }

    private static Protomeme readProtomeme(final In in) {
        final int type = in.u8("protomeme.type");
        if (type >= TYPES.length) {
            throw in.error("protomeme.type", "unknown type " + type);
        }
        final String marker = in.string("protomeme.marker");
        final long step = in.varint("protomeme.step");
        final long earliest = in.i64("protomeme.earliest");
        final long latest = in.i64("protomeme.latest");
        try {
            return new Protomeme(TYPES[type], marker, step, readVector(in), readVector(in), readVector(in),
                readVector(in), earliest, latest);
        } catch (final IllegalArgumentException | NullPointerException e) {
            throw in.error("protomeme", e.getMessage());
        }
    }

    /** Moves past a protomeme without building it (a worker's own, which it holds). */
    private static void skipProtomeme(final In in) {
        if (in.u8("protomeme.type") >= TYPES.length) {
            throw in.error("protomeme.type", "unknown type");
        }
        in.skip(in.count("protomeme.marker", 1), "protomeme.marker");
        in.varint("protomeme.step");
        in.skip(16, "protomeme.times");
        for (int v = 0; v < Space.values().length; v++) {
            final int n = in.count("vector.size", 9);
            in.skip(8L * n, "vector.key");
            for (int i = 0; i < n; i++) {
                in.varint("vector.count");
            }
        }
    }

    private static void writeVector(final Out out, final SparseVector v) {
        out.varint(v.size());
        for (int i = 0; i < v.size(); i++) {
            out.i64(v.keyAt(i));
        }
        for (int i = 0; i < v.size(); i++) {
            out.varint(v.valueAt(i));
        }
    }

    private static SparseVector readVector(final In in) {
        final int n = in.count("vector.size", 9);
        final long[] keys = new long[n];
        final long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = in.i64("vector.key");
        }
        for (int i = 0; i < n; i++) {
            values[i] = in.varint("vector.count");
        }
        try {
            return SparseVector.of(keys, values);
        } catch (final IllegalArgumentException e) {
            throw in.error("vector", e.getMessage());
        }
    }

    // ---------------------------------------------------------------- buffers

    /** A growable output buffer. */
    private static final class Out {
        private byte[] buf;
        private int pos;

        private Out(final int capacity) {
            buf = new byte[capacity];
        }

        private void ensure(final int n) {
            if (pos + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
            }
        }

        private void u8(final int v) {
            ensure(1);
            buf[pos++] = (byte) v;
        }

        private void i32(final int v) {
            ensure(4);
            INT_BE.set(buf, pos, v);
            pos += 4;
        }

        private void i64(final long v) {
            ensure(8);
            LONG_BE.set(buf, pos, v);
            pos += 8;
        }

        private void f64(final double v) {
            i64(Double.doubleToRawLongBits(v));
        }

        private void varint(final long v) {
            if (v < 0) {
                throw new IllegalArgumentException("varint must not be negative: " + v);
            }
            ensure(10);
            long x = v;
            while ((x & ~0x7FL) != 0) {
                buf[pos++] = (byte) ((x & 0x7F) | 0x80);
                x >>>= 7;
            }
            buf[pos++] = (byte) x;
        }

        private void zigzag(final long v) {
            varint((v << 1) ^ (v >> 63));
        }

        private void string(final String s) {
            final byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length);
            ensure(b.length);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
        }

        private byte[] toArray() {
            return Arrays.copyOf(buf, pos);
        }
    }

    /** A checked reader over a byte array. */
    private static final class In {
        private final ByteBuffer buf;

        private In(final byte[] bytes) {
            buf = ByteBuffer.wrap(bytes);
        }

        private IllegalArgumentException error(final String field, final String what) {
            return new IllegalArgumentException("corrupt message: " + field + " at byte " + buf.position() + ": " + what);
        }

        private int u8(final String field) {
            try {
                return buf.get() & 0xFF;
            } catch (final BufferUnderflowException e) {
                throw error(field, "message ends early");
            }
        }

        private int i32(final String field) {
            try {
                return buf.getInt();
            } catch (final BufferUnderflowException e) {
                throw error(field, "message ends early");
            }
        }

        private long i64(final String field) {
            try {
                return buf.getLong();
            } catch (final BufferUnderflowException e) {
                throw error(field, "message ends early");
            }
        }

        private double f64(final String field) {
            return Double.longBitsToDouble(i64(field));
        }

        private long varint(final String field) {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                final int b = u8(field);
                result |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
            throw error(field, "varint longer than 10 bytes");
        }

        private long zigzag(final String field) {
            final long v = varint(field);
            return (v >>> 1) ^ -(v & 1);
        }

        /** A count of items each at least {@code minBytes} long: bounded by what remains. */
        private int count(final String field, final int minBytes) {
            final long n = varint(field);
            if (n > buf.remaining() / Math.max(1, minBytes)) {
                throw error(field, "count " + n + " exceeds what the remaining " + buf.remaining() + " bytes can hold");
            }
            return (int) n;
        }

        private String string(final String field) {
            final int n = count(field, 1);
            final byte[] b = new byte[n];
            buf.get(b);
            return new String(b, StandardCharsets.UTF_8);
        }

        private void skip(final long n, final String field) {
            if (n > buf.remaining()) {
                throw error(field, "message ends early");
            }
            buf.position(buf.position() + (int) n);
        }

        private Decision.Kind kind() {
            final int k = u8("kind");
            if (k >= KINDS.length) {
                throw error("kind", "unknown decision kind " + k);
            }
            return KINDS[k];
        }

        private void requireEnd(final String what) {
            if (buf.hasRemaining()) {
                throw error(what, buf.remaining() + " unexpected trailing bytes");
            }
        }
    }
}
