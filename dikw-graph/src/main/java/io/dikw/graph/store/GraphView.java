package io.dikw.graph.store;

/**
 * Read-only view of the graph. Inside a {@link BatchListener} hook, or through
 * {@link GraphStore#read}, it is consistent: no batch is being applied meanwhile.
 */
public interface GraphView {
    /** @return one more than the largest vertex id seen (ids below it may have no edges) */
    int vertexCount();

    /** @return the number of edges */
    long edgeCount();

    /** @param vertex id @return its out-degree (0 for an unknown vertex) */
    int outDegree(int vertex);

    /** @param vertex id @return its in-degree (0 for an unknown vertex) */
    int inDegree(int vertex);

    /** @param vertex id @return its type (0 by default) */
    int vertexType(int vertex);

    /** @param vertex id @return its weight (0 by default) */
    long vertexWeight(int vertex);

    /**
     * Visits the out-edges of a vertex (in no particular order).
     *
     * @param vertex  id
     * @param visitor receives each edge
     */
    void forEachOutEdge(int vertex, EdgeVisitor visitor);

    /**
     * @param source      source id
     * @param destination destination id
     * @param type        edge type
     * @return true if that edge exists
     */
    boolean hasEdge(int source, int destination, int type);

    /**
     * @param source      source id
     * @param destination destination id
     * @param type        edge type
     * @return the edge's weight, or 0 if it does not exist
     */
    int edgeWeight(int source, int destination, int type);
}
