package io.dikw.microcluster.engine;

/** Hears each batch's result, in batch order, from the engine's merge thread. */
@FunctionalInterface
public interface BatchListener {
    /** Ignores every batch. */
    BatchListener NONE = r -> { };

    /** @param result a finished batch */
    void onBatch(BatchResult result);
}
