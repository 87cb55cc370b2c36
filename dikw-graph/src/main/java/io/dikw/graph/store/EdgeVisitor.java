package io.dikw.graph.store;

/** Receives the out-edges of a vertex without boxing. */
@FunctionalInterface
public interface EdgeVisitor {
    /**
     * @param destination the edge's destination vertex
     * @param type        the edge type
     * @param weight      the edge weight
     * @param firstTime   the time of its first insertion
     * @param recentTime  the most recent time it was inserted
     */
    void edge(int destination, int type, int weight, long firstTime, long recentTime);
}
