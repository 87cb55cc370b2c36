package io.dikw.graph.store;

import java.util.Arrays;

/**
 * One batch of updates in numeric ids, held in primitive columns: edge insertions, edge
 * deletions and vertex updates, applied in that order (as STINGER does). With
 * {@link #makeUndirected()} every insertion and deletion also applies to the reverse edge.
 *
 * <p>Built with {@link #builder()}, or {@link #builder(int, int, int)} when the numbers of
 * updates are known; the builder checks every value, so a built batch only holds
 * ids {@code >= 0}, edge types in {@code [0, 65535]}, 32-bit weights and 48-bit times.
 */
public final class EdgeBatch {
    /** Vertex type value meaning "leave the type as it is". */
    public static final int KEEP_TYPE = -1;

    final boolean undirected;
    final int insertions;
    final int[] insSrc;
    final int[] insDst;
    final int[] insType;
    final int[] insWeight;
    final long[] insTime;
    final int deletions;
    final int[] delSrc;
    final int[] delDst;
    final int[] delType;
    final int vertexUpdates;
    final int[] vuVertex;
    final int[] vuType;
    final long[] vuSetWeight;
    final boolean[] vuHasSet;
    final long[] vuIncrWeight;

    /** Takes the builder's columns, as they are when full and copied to size when not. */
    private EdgeBatch(final Builder b) {
        undirected = b.undirected;
        insertions = b.ni;
        insSrc = exact(b.insSrc, b.ni);
        insDst = exact(b.insDst, b.ni);
        insType = exact(b.insType, b.ni);
        insWeight = exact(b.insWeight, b.ni);
        insTime = exact(b.insTime, b.ni);
        deletions = b.nd;
        delSrc = exact(b.delSrc, b.nd);
        delDst = exact(b.delDst, b.nd);
        delType = exact(b.delType, b.nd);
        vertexUpdates = b.nv;
        vuVertex = exact(b.vuVertex, b.nv);
        vuType = exact(b.vuType, b.nv);
        vuSetWeight = exact(b.vuSetWeight, b.nv);
        vuHasSet = exact(b.vuHasSet, b.nv);
        vuIncrWeight = exact(b.vuIncrWeight, b.nv);
        b.shared = insSrc == b.insSrc || delSrc == b.delSrc || vuVertex == b.vuVertex;
    }

    private static int[] exact(final int[] column, final int n) {
        return column.length == n ? column : Arrays.copyOf(column, n);
    }

    private static long[] exact(final long[] column, final int n) {
        return column.length == n ? column : Arrays.copyOf(column, n);
    }

    private static boolean[] exact(final boolean[] column, final int n) {
        return column.length == n ? column : Arrays.copyOf(column, n);
    }

    /** @return a builder for a directed batch */
    public static Builder builder() {
        return new Builder(16, 4, 4);
    }

    /**
     * A builder with room for the given numbers of updates, for a caller that knows them (a batch
     * read from the wire): its columns do not grow, and a full builder's columns become the batch's
     * without a copy.
     *
     * @param insertions    expected edge insertions
     * @param deletions     expected edge deletions
     * @param vertexUpdates expected vertex updates
     * @return a builder for a directed batch (it still grows past these numbers)
     */
    public static Builder builder(final int insertions, final int deletions, final int vertexUpdates) {
        return new Builder(insertions, deletions, vertexUpdates);
    }

    /** @return true if insertions and deletions also apply to the reverse edges */
    public boolean makeUndirected() {
        return undirected;
    }

    /** @return the number of edge insertions */
    public int insertionCount() {
        return insertions;
    }

    /** @return the number of edge deletions */
    public int deletionCount() {
        return deletions;
    }

    /** @return the number of vertex updates */
    public int vertexUpdateCount() {
        return vertexUpdates;
    }

    /** @return insertions + deletions + vertex updates */
    public int size() {
        return insertions + deletions + vertexUpdates;
    }

    /** @param i index @return source of insertion i */
    public int insertionSource(final int i) {
        return insSrc[i];
    }

    /** @param i index @return destination of insertion i */
    public int insertionDestination(final int i) {
        return insDst[i];
    }

    /** @param i index @return edge type of insertion i */
    public int insertionType(final int i) {
        return insType[i];
    }

    /** @param i index @return weight of insertion i */
    public int insertionWeight(final int i) {
        return insWeight[i];
    }

    /** @param i index @return time of insertion i */
    public long insertionTime(final int i) {
        return insTime[i];
    }

    /** @param i index @return source of deletion i */
    public int deletionSource(final int i) {
        return delSrc[i];
    }

    /** @param i index @return destination of deletion i */
    public int deletionDestination(final int i) {
        return delDst[i];
    }

    /** @param i index @return edge type of deletion i */
    public int deletionType(final int i) {
        return delType[i];
    }

    /** @param i index @return vertex of update i */
    public int updateVertex(final int i) {
        return vuVertex[i];
    }

    /** @return the largest vertex id the batch names, or -1 if none */
    public int maxVertex() {
        int max = -1;
        for (int i = 0; i < insertions; i++) {
            max = Math.max(max, Math.max(insSrc[i], insDst[i]));
        }
        for (int i = 0; i < deletions; i++) {
            max = Math.max(max, Math.max(delSrc[i], delDst[i]));
        }
        for (int i = 0; i < vertexUpdates; i++) {
            max = Math.max(max, vuVertex[i]);
        }
        return max;
    }

    /** Collects updates; checks each value and says which one is wrong. Not thread-safe. */
    public static final class Builder {
        private static final int[] NO_INTS = {};
        private static final long[] NO_LONGS = {};
        private static final boolean[] NO_BOOLEANS = {};
        private boolean undirected;
        private int ni;
        private int[] insSrc = NO_INTS;
        private int[] insDst = NO_INTS;
        private int[] insType = NO_INTS;
        private int[] insWeight = NO_INTS;
        private long[] insTime = NO_LONGS;
        private int nd;
        private int[] delSrc = NO_INTS;
        private int[] delDst = NO_INTS;
        private int[] delType = NO_INTS;
        private int nv;
        private int[] vuVertex = NO_INTS;
        private int[] vuType = NO_INTS;
        private long[] vuSetWeight = NO_LONGS;
        private boolean[] vuHasSet = NO_BOOLEANS;
        private long[] vuIncrWeight = NO_LONGS;
        /** True when a built batch holds this builder's columns: they are copied before the next change. */
        private boolean shared;

        private Builder(final int insertions, final int deletions, final int vertexUpdates) {
            if (insertions < 0 || deletions < 0 || vertexUpdates < 0) {
                throw new IllegalArgumentException("expected updates must be >= 0: insertions=" + insertions
                    + " deletions=" + deletions + " vertexUpdates=" + vertexUpdates);
            }
            resizeInsertions(insertions);
            resizeDeletions(deletions);
            resizeVertexUpdates(vertexUpdates);
        }

        /**
         * @param undirected true to apply insertions and deletions to both directions
         * @return this
         */
        public Builder makeUndirected(final boolean undirected) {
            this.undirected = undirected;
            return this;
        }

        /**
         * Adds an edge insertion; inserting an existing edge adds the weight and widens its times.
         *
         * @param source      source vertex id, {@code >= 0}
         * @param destination destination vertex id, {@code >= 0}
         * @param type        edge type in {@code [0, 65535]}
         * @param weight      weight, a 32-bit signed value
         * @param time        time, 48-bit signed
         * @return this
         * @throws IllegalArgumentException naming the bad value
         */
        public Builder insert(final int source, final int destination, final int type, final long weight,
            final long time) {
            checkVertex("source", source);
            checkVertex("destination", destination);
            checkType(type);
            if (weight < Integer.MIN_VALUE || weight > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("weight=" + weight + " is beyond the 32-bit edge weight range");
            }
            if (time < EdgeBlock.MIN_TIME || time > EdgeBlock.MAX_TIME) {
                throw new IllegalArgumentException("time=" + time + " is beyond the 48-bit time range (+-"
                    + EdgeBlock.MAX_TIME + ")");
            }
            if (shared) {
                unshare();
            }
            if (ni == insSrc.length) {
                resizeInsertions(Math.max(16, ni * 2));
            }
            insSrc[ni] = source;
            insDst[ni] = destination;
            insType[ni] = type;
            insWeight[ni] = (int) weight;
            insTime[ni] = time;
            ni++;
            return this;
        }

        /**
         * Adds an edge deletion (deleting an absent edge does nothing).
         *
         * @param source      source vertex id
         * @param destination destination vertex id
         * @param type        edge type
         * @return this
         */
        public Builder delete(final int source, final int destination, final int type) {
            checkVertex("source", source);
            checkVertex("destination", destination);
            checkType(type);
            if (shared) {
                unshare();
            }
            if (nd == delSrc.length) {
                resizeDeletions(Math.max(4, nd * 2));
            }
            delSrc[nd] = source;
            delDst[nd] = destination;
            delType[nd] = type;
            nd++;
            return this;
        }

        /**
         * Adds a vertex update: the type is set unless {@link #KEEP_TYPE}, then the weight is set if
         * {@code hasSetWeight}, then {@code incrWeight} is added.
         *
         * @param vertex       vertex id
         * @param type         new vertex type ({@code >= 0}) or {@link #KEEP_TYPE}
         * @param hasSetWeight true to set the weight to {@code setWeight}
         * @param setWeight    the weight to set
         * @param incrWeight   added to the weight afterwards (0 for none)
         * @return this
         */
        public Builder updateVertex(final int vertex, final int type, final boolean hasSetWeight,
            final long setWeight, final long incrWeight) {
            checkVertex("vertex", vertex);
            if (type < KEEP_TYPE) {
                throw new IllegalArgumentException("vertex type=" + type + " must be >= 0 (or -1 to keep it)");
            }
            if (shared) {
                unshare();
            }
            if (nv == vuVertex.length) {
                resizeVertexUpdates(Math.max(4, nv * 2));
            }
            vuVertex[nv] = vertex;
            vuType[nv] = type;
            vuHasSet[nv] = hasSetWeight;
            vuSetWeight[nv] = setWeight;
            vuIncrWeight[nv] = incrWeight;
            nv++;
            return this;
        }

        /** @return the number of updates added so far */
        public int size() {
            return ni + nd + nv;
        }

        /** @return the batch (the builder can be reused after {@link #clear()}) */
        public EdgeBatch build() {
            return new EdgeBatch(this);
        }

        /** Forgets all updates (keeps the direction flag). */
        public void clear() {
            ni = 0;
            nd = 0;
            nv = 0;
        }

        private void resizeInsertions(final int n) {
            insSrc = Arrays.copyOf(insSrc, n);
            insDst = Arrays.copyOf(insDst, n);
            insType = Arrays.copyOf(insType, n);
            insWeight = Arrays.copyOf(insWeight, n);
            insTime = Arrays.copyOf(insTime, n);
        }

        private void resizeDeletions(final int n) {
            delSrc = Arrays.copyOf(delSrc, n);
            delDst = Arrays.copyOf(delDst, n);
            delType = Arrays.copyOf(delType, n);
        }

        private void resizeVertexUpdates(final int n) {
            vuVertex = Arrays.copyOf(vuVertex, n);
            vuType = Arrays.copyOf(vuType, n);
            vuSetWeight = Arrays.copyOf(vuSetWeight, n);
            vuHasSet = Arrays.copyOf(vuHasSet, n);
            vuIncrWeight = Arrays.copyOf(vuIncrWeight, n);
        }

        /** Copies the columns a built batch holds, so that changes here do not reach it. */
        private void unshare() {
            resizeInsertions(insSrc.length);
            resizeDeletions(delSrc.length);
            resizeVertexUpdates(vuVertex.length);
            shared = false;
        }

        private static void checkVertex(final String what, final int id) {
            if (id < 0) {
                throw new IllegalArgumentException(what + "=" + id + " must be a vertex id >= 0");
            }
        }

        private static void checkType(final int type) {
            if (type < 0 || type > EdgeBlock.MAX_TYPE) {
                throw new IllegalArgumentException("edge type=" + type + " must be in [0, " + EdgeBlock.MAX_TYPE + "]");
            }
        }
    }
}
