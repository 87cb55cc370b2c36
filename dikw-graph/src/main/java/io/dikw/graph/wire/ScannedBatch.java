package io.dikw.graph.wire;

import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One StingerBatch body read in place by {@link BatchCodec#scan}: each update's fields as longs
 * in primitive arrays, and each name as a reference to its UTF-8 bytes in the body. The arrays are
 * reused from frame to frame, so the server reads a batch of a hundred thousand string-id edges
 * without an object or a {@code String} per edge, and resolves names straight from the bytes.
 * {@link #toBatch()} gives the object form. Not thread-safe; valid until the next scan or until
 * the body's bytes change.
 *
 * <p>Every update is a record of eight longs. Edge insertions and deletions use the edge fields
 * ({@link #SOURCE} ... {@link #TIME}; a deletion's weight and time are unused), vertex updates
 * the vertex fields ({@link #VERTEX} ... {@link #INCR_WEIGHT}). A name field holds
 * {@link #NO_NAME} when the name was absent, else a reference read with {@link #nameOffset} and
 * {@link #nameLength}.
 */
public final class ScannedBatch {
    /** A name field whose name was absent. */
    public static final long NO_NAME = -1;
    /** Edge field: numeric source. */
    public static final int SOURCE = 0;
    /** Edge field: source name. */
    public static final int SOURCE_NAME = 1;
    /** Edge field: numeric destination. */
    public static final int DESTINATION = 2;
    /** Edge field: destination name. */
    public static final int DESTINATION_NAME = 3;
    /** Edge field: numeric edge type (0 when absent). */
    public static final int TYPE = 4;
    /** Edge field: edge type name. */
    public static final int TYPE_NAME = 5;
    /** Insertion field: weight (1 when absent). */
    public static final int WEIGHT = 6;
    /** Insertion field: time (0 when absent). */
    public static final int TIME = 7;
    /** Vertex field: numeric vertex. */
    public static final int VERTEX = 0;
    /** Vertex field: vertex name. */
    public static final int VERTEX_NAME = 1;
    /** Vertex field: 1 if the weight is to be set, else 0. */
    public static final int HAS_SET_WEIGHT = 2;
    /** Vertex field: numeric vertex type (-1 when absent: keep the type). */
    public static final int VERTEX_TYPE = 4;
    /** Vertex field: vertex type name. */
    public static final int VERTEX_TYPE_NAME = 5;
    /** Vertex field: the weight to set. */
    public static final int SET_WEIGHT = 6;
    /** Vertex field: the weight to add. */
    public static final int INCR_WEIGHT = 7;

    static final int STRIDE = 8;
    /** Arrays over this many longs (32 MiB) are dropped after their frame ({@link #trim}). */
    private static final int KEPT_LONGS = 1 << 22;

    private static final byte[] NO_BODY = {};

    byte[] body = NO_BODY;
    int version;
    boolean makeUndirected;
    int type;
    boolean keepAlive;
    final Part insertions = new Part(STRIDE);
    final Part deletions = new Part(STRIDE);
    final Part vertexUpdates = new Part(STRIDE);
    /** Raw records: one long each, the reference to its bytes. */
    final Part metadata = new Part(1);

    /** One repeated field's records, {@code stride} longs each. */
    static final class Part {
        final int stride;
        long[] fields;
        int count;

        Part(final int stride) {
            this.stride = stride;
            fields = new long[16 * stride];
        }

        /**
         * @return the first field of a new record, filled with {@code defaults}
         * @throws InvalidProtocolBufferException if a frame holds more records than an array can
         */
        int add(final long[] defaults) throws InvalidProtocolBufferException {
            final long needed = (count + 1L) * stride;
            if (needed > fields.length) {
                final long grown = Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * fields.length));
                if (grown < needed) {
                    throw new InvalidProtocolBufferException("more than " + count + " updates of one kind in a frame");
                }
                fields = Arrays.copyOf(fields, (int) grown);
            }
            final int at = count++ * stride;
            System.arraycopy(defaults, 0, fields, at, stride);
            return at;
        }

        long get(final int i, final int field) {
            if (i < 0 || i >= count) {
                throw new IndexOutOfBoundsException("record " + i + " of " + count);
            }
            return fields[i * stride + field];
        }

        void trim() {
            if (fields.length > KEPT_LONGS) {
                fields = new long[16 * stride];
                count = 0;
            }
        }
    }

    void reset(final byte[] newBody) {
        body = newBody;
        version = 0;
        makeUndirected = true;
        type = StingerBatch.MIXED;
        keepAlive = false;
        insertions.count = 0;
        deletions.count = 0;
        vertexUpdates.count = 0;
        metadata.count = 0;
    }

    /**
     * Drops arrays that a very large frame grew beyond 32 MiB, and the reference to the body, so
     * that one huge frame does not pin memory for the rest of a connection. Call it when done with
     * the batch; the next scan grows what it needs.
     */
    public void trim() {
        insertions.trim();
        deletions.trim();
        vertexUpdates.trim();
        metadata.trim();
        body = NO_BODY;
    }

    /** @return the bytes the name references point into */
    public byte[] body() {
        return body;
    }

    /** @return make_undirected (true when absent) */
    public boolean makeUndirected() {
        return makeUndirected;
    }

    /** @return keep_alive */
    public boolean keepAlive() {
        return keepAlive;
    }

    /** @return true if the batch has no insertions, deletions or vertex updates (a ping or an end of session) */
    public boolean isEmpty() {
        return insertions.count == 0 && deletions.count == 0 && vertexUpdates.count == 0;
    }

    /** @return the number of edge insertions */
    public int insertionCount() {
        return insertions.count;
    }

    /** @return the number of edge deletions */
    public int deletionCount() {
        return deletions.count;
    }

    /** @return the number of vertex updates */
    public int vertexUpdateCount() {
        return vertexUpdates.count;
    }

    /**
     * @param i     insertion index
     * @param field an edge field, e.g. {@link #SOURCE_NAME}
     * @return its value
     */
    public long insertion(final int i, final int field) {
        return insertions.get(i, field);
    }

    /**
     * @param i     deletion index
     * @param field an edge field other than {@link #WEIGHT} and {@link #TIME}
     * @return its value
     */
    public long deletion(final int i, final int field) {
        return deletions.get(i, field);
    }

    /**
     * @param i     vertex update index
     * @param field a vertex field, e.g. {@link #VERTEX_NAME}
     * @return its value
     */
    public long vertexUpdate(final int i, final int field) {
        return vertexUpdates.get(i, field);
    }

    /**
     * @param name a name field's value, not {@link #NO_NAME}
     * @return where the name's UTF-8 bytes start in {@link #body()}
     */
    public static int nameOffset(final long name) {
        return (int) (name >>> 32);
    }

    /**
     * @param name a name field's value, not {@link #NO_NAME}
     * @return the name's length in bytes
     */
    public static int nameLength(final long name) {
        return (int) name;
    }

    static long name(final int offset, final int length) {
        return (long) offset << 32 | length;
    }

    private String string(final long name) {
        return name == NO_NAME ? null : new String(body, nameOffset(name), nameLength(name), StandardCharsets.UTF_8);
    }

    /** @return the batch as objects (names become strings; metadata is copied) */
    public StingerBatch toBatch() {
        final StingerBatch b = new StingerBatch();
        b.version = version;
        b.makeUndirected = makeUndirected;
        b.type = type;
        b.keepAlive = keepAlive;
        for (int i = 0; i < insertions.count; i++) {
            final long[] f = insertions.fields;
            final int r = i * STRIDE;
            b.insertions.add(new EdgeInsertion(f[r + SOURCE], string(f[r + SOURCE_NAME]), f[r + DESTINATION],
                string(f[r + DESTINATION_NAME]), f[r + WEIGHT], f[r + TIME], f[r + TYPE], string(f[r + TYPE_NAME])));
        }
        for (int i = 0; i < deletions.count; i++) {
            final long[] f = deletions.fields;
            final int r = i * STRIDE;
            b.deletions.add(new EdgeDeletion(f[r + SOURCE], string(f[r + SOURCE_NAME]), f[r + DESTINATION],
                string(f[r + DESTINATION_NAME]), f[r + TYPE], string(f[r + TYPE_NAME])));
        }
        for (int i = 0; i < vertexUpdates.count; i++) {
            final long[] f = vertexUpdates.fields;
            final int r = i * STRIDE;
            b.vertexUpdates.add(new VertexUpdate(f[r + VERTEX], string(f[r + VERTEX_NAME]), f[r + VERTEX_TYPE],
                string(f[r + VERTEX_TYPE_NAME]), f[r + HAS_SET_WEIGHT] != 0, f[r + SET_WEIGHT], f[r + INCR_WEIGHT]));
        }
        for (int i = 0; i < metadata.count; i++) {
            final long m = metadata.fields[i];
            b.metadata.add(Arrays.copyOfRange(body, nameOffset(m), nameOffset(m) + nameLength(m)));
        }
        return b;
    }
}
