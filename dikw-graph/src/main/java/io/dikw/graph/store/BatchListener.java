package io.dikw.graph.store;

/**
 * The batch cycle's hooks, which streaming algorithms implement: {@link #beforeApply} sees the
 * graph before a batch, {@link #afterApply} sees it after, with the batch. Both run on the
 * applying thread while no other batch is applied; a hook that throws is counted and logged by
 * the store and does not stop the cycle.
 */
public interface BatchListener {
    /**
     * @param before the graph before the batch
     * @param batch  the batch about to be applied
     */
    default void beforeApply(GraphView before, EdgeBatch batch) {
    }

    /**
     * @param after  the graph after the batch
     * @param batch  the batch just applied
     * @param result what the batch changed
     */
    default void afterApply(GraphView after, EdgeBatch batch, ApplyResult result) {
    }
}
