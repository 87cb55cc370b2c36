package io.dikw.graph.rmat;

import io.dikw.graph.wire.EdgeDeletion;
import io.dikw.graph.wire.EdgeInsertion;
import io.dikw.graph.wire.StingerBatch;

/**
 * Cuts an R-MAT edge list into wire batches: with string ids ({@code v<id>}, as STINGER's own
 * R-MAT client sends names) or numeric ids, directed, weight 1, the batch number as time.
 */
public final class RmatBatches {
    private RmatBatches() {
    }

    /** @param id a vertex id @return its name in string-id streams */
    public static String name(final int id) {
        return "v" + id;
    }

    /**
     * @param edges   packed edges from {@link RmatGenerator#next()}
     * @param from    first edge
     * @param to      end (exclusive)
     * @param strings true for string ids
     * @param time    the time stamp of every edge
     * @return a batch inserting those edges
     */
    public static StingerBatch insertions(final long[] edges, final int from, final int to, final boolean strings,
        final long time) {
        final StingerBatch b = directed(strings);
        for (int i = from; i < to; i++) {
            final int s = RmatGenerator.source(edges[i]);
            final int d = RmatGenerator.destination(edges[i]);
            b.insertions.add(strings ? EdgeInsertion.named(name(s), name(d), null, 1, time)
                : EdgeInsertion.numbered(s, d, 0, 1, time));
        }
        return b;
    }

    /**
     * @param edges   packed edges
     * @param from    first edge
     * @param to      end (exclusive)
     * @param strings true for string ids
     * @return a batch deleting those edges
     */
    public static StingerBatch deletions(final long[] edges, final int from, final int to, final boolean strings) {
        final StingerBatch b = directed(strings);
        for (int i = from; i < to; i++) {
            final int s = RmatGenerator.source(edges[i]);
            final int d = RmatGenerator.destination(edges[i]);
            b.deletions.add(strings ? new EdgeDeletion(0, name(s), 0, name(d), 0, null)
                : new EdgeDeletion(s, null, d, null, 0, null));
        }
        return b;
    }

    private static StingerBatch directed(final boolean strings) {
        final StingerBatch b = new StingerBatch();
        b.makeUndirected = false;
        b.type = strings ? StingerBatch.STRINGS_ONLY : StingerBatch.NUMBERS_ONLY;
        return b;
    }

    /**
     * @param scale       log2 of the vertex count
     * @param edgeFactor  edges per vertex
     * @param seed        random seed
     * @return {@code edgeFactor * 2^scale} packed edges
     */
    public static long[] generate(final int scale, final int edgeFactor, final long seed) {
        final RmatGenerator g = new RmatGenerator(scale, seed);
        final long n = (long) edgeFactor << scale;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("scale=" + scale + " edge-factor=" + edgeFactor + " makes " + n
                + " edges, more than one array holds");
        }
        final long[] edges = new long[(int) n];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = g.next();
        }
        return edges;
    }
}
