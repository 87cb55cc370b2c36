package io.dikw.graph.store;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** The obvious, slow graph the store is checked against: one map entry per edge. */
final class ReferenceGraph {
    /** key "src dst type" -> {weight, first, recent}. */
    final Map<String, long[]> edges = new TreeMap<>();
    final Map<Integer, Integer> types = new HashMap<>();
    final Map<Integer, Long> weights = new HashMap<>();

    void apply(final EdgeBatch b) {
        for (int i = 0; i < b.insertionCount(); i++) {
            insert(b.insertionSource(i), b.insertionDestination(i), b.insertionType(i), b.insertionWeight(i),
                b.insertionTime(i));
        }
        if (b.makeUndirected()) {
            for (int i = 0; i < b.insertionCount(); i++) {
                if (b.insertionSource(i) != b.insertionDestination(i)) {
                    insert(b.insertionDestination(i), b.insertionSource(i), b.insertionType(i), b.insertionWeight(i),
                        b.insertionTime(i));
                }
            }
        }
        for (int i = 0; i < b.deletionCount(); i++) {
            edges.remove(key(b.deletionSource(i), b.deletionDestination(i), b.deletionType(i)));
            if (b.makeUndirected()) {
                edges.remove(key(b.deletionDestination(i), b.deletionSource(i), b.deletionType(i)));
            }
        }
        for (int i = 0; i < b.vertexUpdateCount(); i++) {
            final int v = b.updateVertex(i);
            if (b.vuType[i] != EdgeBatch.KEEP_TYPE) {
                types.put(v, b.vuType[i]);
            }
            long w = weights.getOrDefault(v, 0L);
            if (b.vuHasSet[i]) {
                w = b.vuSetWeight[i];
            }
            weights.put(v, w + b.vuIncrWeight[i]);
        }
    }

    private void insert(final int s, final int d, final int t, final long w, final long time) {
        final long[] e = edges.get(key(s, d, t));
        if (e == null) {
            edges.put(key(s, d, t), new long[] {w, time, time});
        } else {
            e[0] = Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, e[0] + w));
            e[1] = Math.min(e[1], time);
            e[2] = Math.max(e[2], time);
        }
    }

    static String key(final int s, final int d, final int t) {
        return s + " " + d + " " + t;
    }

    /** @return the store's edges in the same form, for comparison */
    static Map<String, long[]> edgesOf(final GraphView g) {
        final Map<String, long[]> out = new TreeMap<>();
        for (int v = 0; v < g.vertexCount(); v++) {
            final int s = v;
            g.forEachOutEdge(v, (d, t, w, first, recent) -> {
                if (out.put(key(s, d, t), new long[] {w, first, recent}) != null) {
                    throw new AssertionError("duplicate edge " + key(s, d, t));
                }
            });
        }
        return out;
    }
}
