package io.dikw.graph.server;

import io.dikw.graph.names.NameException;
import io.dikw.graph.names.Names;
import io.dikw.graph.store.EdgeBatch;
import io.dikw.graph.wire.EdgeDeletion;
import io.dikw.graph.wire.EdgeInsertion;
import io.dikw.graph.wire.StingerBatch;
import io.dikw.graph.wire.VertexUpdate;

/**
 * Turns a wire batch into a numeric {@link EdgeBatch}: names become ids (created on first
 * sight), numbers are checked against the caps. An update that cannot be resolved is left out
 * and counted by reason; the rest of the batch goes on. Unlike the original, numeric ids work
 * and batches of vertex updates only are kept.
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
     * @param wire a decoded batch
     * @return its updates in ids (possibly empty)
     */
    public EdgeBatch resolve(final StingerBatch wire) {
        final EdgeBatch.Builder b = EdgeBatch.builder().makeUndirected(wire.makeUndirected);
        for (final EdgeInsertion e : wire.insertions) {
            try {
                b.insert(vertex(e.sourceStr(), e.source()), vertex(e.destinationStr(), e.destination()),
                    edgeType(e.typeStr(), e.type()), e.weight(), e.time());
            } catch (final NameException ex) {
                counters.rejectUpdate(ex.reason());
            } catch (final IllegalArgumentException ex) {
                counters.rejectUpdate("bad-value");
            }
        }
        for (final EdgeDeletion e : wire.deletions) {
            try {
                b.delete(vertex(e.sourceStr(), e.source()), vertex(e.destinationStr(), e.destination()),
                    edgeType(e.typeStr(), e.type()));
            } catch (final NameException ex) {
                counters.rejectUpdate(ex.reason());
            } catch (final IllegalArgumentException ex) {
                counters.rejectUpdate("bad-value");
            }
        }
        for (final VertexUpdate v : wire.vertexUpdates) {
            try {
                final int type;
                if (v.typeStr() != null) {
                    type = names.vertexTypes().getOrCreate(v.typeStr());
                } else if (v.type() < 0) {
                    type = EdgeBatch.KEEP_TYPE;
                } else if (v.type() > Integer.MAX_VALUE) {
                    throw new NameException("id-cap", "vertex type " + v.type() + " is beyond 2^31-1");
                } else {
                    type = (int) v.type();
                }
                b.updateVertex(vertex(v.vertexStr(), v.vertex()), type, v.hasSetWeight(), v.setWeight(),
                    v.incrWeight());
            } catch (final NameException ex) {
                counters.rejectUpdate(ex.reason());
            } catch (final IllegalArgumentException ex) {
                counters.rejectUpdate("bad-value");
            }
        }
        return b.build();
    }

    private int vertex(final String name, final long number) {
        if (name != null) {
            return names.vertices().getOrCreate(name);
        }
        if (number < 0 || number >= maxVertices) {
            throw new NameException("id-cap", "vertex id " + number + " is outside [0, " + maxVertices + ")");
        }
        return (int) number;
    }

    private int edgeType(final String name, final long number) {
        if (name != null) {
            return names.edgeTypes().getOrCreate(name);
        }
        if (number < 0 || number >= Names.EDGE_TYPES) {
            throw new NameException("unknown-type", "edge type " + number + " is outside [0, " + Names.EDGE_TYPES + ")");
        }
        return (int) number;
    }
}
