package io.dikw.graph.server;

import static io.dikw.graph.wire.ScannedBatch.DESTINATION;
import static io.dikw.graph.wire.ScannedBatch.DESTINATION_NAME;
import static io.dikw.graph.wire.ScannedBatch.HAS_SET_WEIGHT;
import static io.dikw.graph.wire.ScannedBatch.INCR_WEIGHT;
import static io.dikw.graph.wire.ScannedBatch.SET_WEIGHT;
import static io.dikw.graph.wire.ScannedBatch.SOURCE;
import static io.dikw.graph.wire.ScannedBatch.SOURCE_NAME;
import static io.dikw.graph.wire.ScannedBatch.TIME;
import static io.dikw.graph.wire.ScannedBatch.TYPE;
import static io.dikw.graph.wire.ScannedBatch.TYPE_NAME;
import static io.dikw.graph.wire.ScannedBatch.VERTEX;
import static io.dikw.graph.wire.ScannedBatch.VERTEX_NAME;
import static io.dikw.graph.wire.ScannedBatch.VERTEX_TYPE;
import static io.dikw.graph.wire.ScannedBatch.VERTEX_TYPE_NAME;
import static io.dikw.graph.wire.ScannedBatch.WEIGHT;
import static io.dikw.graph.wire.ScannedBatch.nameLength;
import static io.dikw.graph.wire.ScannedBatch.nameOffset;

import io.dikw.graph.names.NameException;
import io.dikw.graph.names.Names;
import io.dikw.graph.store.EdgeBatch;
import io.dikw.graph.wire.BatchCodec;
import io.dikw.graph.wire.Frames;
import io.dikw.graph.wire.ScannedBatch;
import io.dikw.graph.wire.StingerBatch;
import io.dikw.graph.wire.WireException;
import java.util.function.IntConsumer;

/**
 * Turns a wire batch into a numeric {@link EdgeBatch}: names become ids (created on first
 * sight), numbers are checked against the caps. The server resolves each frame as read in place
 * ({@link ScannedBatch}), names straight from the frame's bytes. An update that cannot be
 * resolved is left out and counted by reason; the rest of the batch goes on. Unlike the original,
 * numeric ids work and batches of vertex updates only are kept.
 */
public final class BatchResolver {
    private final Names names;
    private final int maxVertices;
    private final IngestCounters counters;

    /**
     * @param names       the name maps
     * @param maxVertices the store's cap on vertex ids
     * @param counters    where refusals are counted
     */
    public BatchResolver(final Names names, final int maxVertices, final IngestCounters counters) {
        this.names = names;
        this.maxVertices = maxVertices;
        this.counters = counters;
    }

    /**
     * @param wire a batch as objects (e.g. built by a template in this JVM)
     * @return its updates in ids (possibly empty)
     */
    public EdgeBatch resolve(final StingerBatch wire) {
        final byte[] frame = Frames.frame(wire);
        final ScannedBatch scanned = new ScannedBatch();
        try {
            BatchCodec.scan(frame, Frames.HEADER_BYTES, frame.length - Frames.HEADER_BYTES, scanned);
        } catch (final WireException e) {
            throw new IllegalStateException("a batch encoded here did not read back: " + e.getMessage(), e);
        }
        return resolve(scanned);
    }

    /**
     * Resolves a batch read in place, its names straight from the frame's bytes: insertions, then
     * deletions (each source, destination, edge type), then vertex updates (type, then vertex).
     *
     * @param wire a scanned batch
     * @return its updates in ids (possibly empty)
     */
    public EdgeBatch resolve(final ScannedBatch wire) {
        final EdgeBatch.Builder b = EdgeBatch.builder(wire.insertionCount(), wire.deletionCount(),
            wire.vertexUpdateCount()).makeUndirected(wire.makeUndirected());
        final byte[] body = wire.body();
        eachUpdate(wire.insertionCount(), i -> b.insert(
            vertex(body, wire.insertion(i, SOURCE_NAME), wire.insertion(i, SOURCE)),
            vertex(body, wire.insertion(i, DESTINATION_NAME), wire.insertion(i, DESTINATION)),
            edgeType(body, wire.insertion(i, TYPE_NAME), wire.insertion(i, TYPE)),
            wire.insertion(i, WEIGHT), wire.insertion(i, TIME)));
        eachUpdate(wire.deletionCount(), i -> b.delete(
            vertex(body, wire.deletion(i, SOURCE_NAME), wire.deletion(i, SOURCE)),
            vertex(body, wire.deletion(i, DESTINATION_NAME), wire.deletion(i, DESTINATION)),
            edgeType(body, wire.deletion(i, TYPE_NAME), wire.deletion(i, TYPE))));
        eachUpdate(wire.vertexUpdateCount(), i -> {
            // the type first: an update refused for its type does not use up a vertex id
            final int type = vertexType(body, wire.vertexUpdate(i, VERTEX_TYPE_NAME),
                wire.vertexUpdate(i, VERTEX_TYPE));
            b.updateVertex(vertex(body, wire.vertexUpdate(i, VERTEX_NAME), wire.vertexUpdate(i, VERTEX)), type,
                wire.vertexUpdate(i, HAS_SET_WEIGHT) != 0, wire.vertexUpdate(i, SET_WEIGHT),
                wire.vertexUpdate(i, INCR_WEIGHT));
        });
        return b.build();
    }

    /** Resolves updates {@code 0 .. count-1}; one that cannot be resolved is counted by reason and left out. */
    private void eachUpdate(final int count, final IntConsumer resolve) {
        for (int i = 0; i < count; i++) {
            try {
                resolve.accept(i);
            } catch (final NameException ex) {
                counters.rejectUpdate(ex.reason());
            } catch (final IllegalArgumentException ex) {
                counters.rejectUpdate("bad-value");
            }
        }
    }

    private int vertex(final byte[] body, final long name, final long number) {
        if (name != ScannedBatch.NO_NAME) {
            return names.vertices().getOrCreate(body, nameOffset(name), nameLength(name));
        }
        if (number < 0 || number >= maxVertices) {
            throw new NameException("id-cap", "vertex id " + number + " is outside [0, " + maxVertices + ")");
        }
        return (int) number;
    }

    private int edgeType(final byte[] body, final long name, final long number) {
        if (name != ScannedBatch.NO_NAME) {
            return names.edgeTypes().getOrCreate(body, nameOffset(name), nameLength(name));
        }
        if (number < 0 || number >= Names.EDGE_TYPES) {
            throw new NameException("unknown-type", "edge type " + number + " is outside [0, " + Names.EDGE_TYPES + ")");
        }
        return (int) number;
    }

    /** @return the vertex type id, or {@link EdgeBatch#KEEP_TYPE} when the update names none */
    private int vertexType(final byte[] body, final long name, final long number) {
        if (name != ScannedBatch.NO_NAME) {
            return names.vertexTypes().getOrCreate(body, nameOffset(name), nameLength(name));
        }
        if (number < 0) {
            return EdgeBatch.KEEP_TYPE;
        }
        if (number > Integer.MAX_VALUE) {
            throw new NameException("id-cap", "vertex type " + number + " is beyond 2^31-1");
        }
        return (int) number;
    }
}
