package io.dikw.graph.server;

import io.dikw.graph.names.Names;
import io.dikw.graph.store.GraphView;
import java.nio.charset.StandardCharsets;

/**
 * An order-independent 64-bit fingerprint of a graph with its names (every edge with its
 * endpoints' names, type, weight and times; every vertex's type and weight), so two processes can
 * tell whether they hold the same graph without shipping it.
 */
public final class GraphDigest {
    private GraphDigest() {
    }

    /**
     * @param g     the graph
     * @param names its names
     * @return the fingerprint, printed as 16 hex digits by {@link #hex}
     */
    public static long of(final GraphView g, final Names names) {
        final long[] sum = {g.edgeCount() * 0x9E3779B97F4A7C15L};
        for (int v = 0; v < g.vertexCount(); v++) {
            final long src = label(names.vertices().nameOf(v), v);
            sum[0] += mix(src ^ mix(g.vertexType(v) + 31L * g.vertexWeight(v)));
            g.forEachOutEdge(v, (d, t, w, first, recent) -> sum[0] += mix(src * 31 + mix(label(names.vertices().nameOf(d), d)
                + 17L * t + mix(w + 131L * first + 8191L * recent))));
        }
        return sum[0];
    }

    /** @param digest a fingerprint @return it as 16 hex digits */
    public static String hex(final long digest) {
        return String.format("%016x", digest);
    }

    private static long label(final String name, final int id) {
        if (name == null) {
            return mix(id);
        }
        long h = 1125899906842597L;
        for (final byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + b;
        }
        return mix(h ^ 0x5555);
    }

    private static long mix(final long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
