package io.dikw.graph.store;

/**
 * What applying one batch changed.
 *
 * @param edgesAdded   new edges (an insertion of an existing edge only updates it)
 * @param edgesUpdated insertions that updated an existing edge
 * @param edgesRemoved deletions that removed an edge
 * @param vertexUpdates vertex updates applied
 * @param nanos        time taken to apply, hooks excluded
 */
public record ApplyResult(long edgesAdded, long edgesUpdated, long edgesRemoved, long vertexUpdates, long nanos) {
}
