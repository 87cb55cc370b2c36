package io.dikw.graph.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * STINGER's {@code StingerBatch} message: insertions (field 3), deletions (4), make_undirected
 * (5, true when absent), type (6: 0 numbers only, 1 strings only, 2 mixed), keep_alive (7),
 * vertex updates (8) and metadata (9, raw records). A batch without insertions, deletions and
 * vertex updates is a ping when {@code keepAlive} is set and ends the session otherwise.
 * Mutable and not thread-safe: build one, send it, drop it.
 */
public final class StingerBatch {
    /** {@code type} value: all ids are numbers. */
    public static final int NUMBERS_ONLY = 0;
    /** {@code type} value: all ids are strings. */
    public static final int STRINGS_ONLY = 1;
    /** {@code type} value: ids of both kinds. */
    public static final int MIXED = 2;

    /** Protocol version (field 1). */
    public int version;
    /** Apply insertions and deletions to both directions (field 5). */
    public boolean makeUndirected = true;
    /** Which ids the batch uses (field 6). */
    public int type = MIXED;
    /** Keep the session open (field 7). */
    public boolean keepAlive = true;
    /** Edge insertions (field 3). */
    public final List<EdgeInsertion> insertions = new ArrayList<>();
    /** Edge deletions (field 4). */
    public final List<EdgeDeletion> deletions = new ArrayList<>();
    /** Vertex updates (field 8). */
    public final List<VertexUpdate> vertexUpdates = new ArrayList<>();
    /** Raw records the updates came from (field 9). */
    public final List<byte[]> metadata = new ArrayList<>();

    /** @return true if the batch has no insertions, deletions or vertex updates */
    public boolean isEmpty() {
        return insertions.isEmpty() && deletions.isEmpty() && vertexUpdates.isEmpty();
    }

    /** @return insertions + deletions + vertex updates */
    public int size() {
        return insertions.size() + deletions.size() + vertexUpdates.size();
    }

    /** @return the batch that ends a session (empty, keep_alive false) */
    public static StingerBatch endOfSession() {
        final StingerBatch b = new StingerBatch();
        b.keepAlive = false;
        return b;
    }

    /** @return a ping (empty, keep_alive true) */
    public static StingerBatch ping() {
        return new StingerBatch();
    }
}
