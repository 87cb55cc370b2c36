package io.dikw.social.parallel;

import io.dikw.core.vector.LongHash;

/**
 * Which worker classifies a protomeme: a hash of its marker, so every protomeme with the same
 * marker goes to the same worker (Storm's fields grouping on the marker, made explicit so the
 * topology can also address the barriers that close batches to every worker in order).
 */
public final class Routing {
    private Routing() {
    }

    /**
     * @param marker a protomeme's marker
     * @param workers how many workers there are
     * @return the worker index, in [0, workers)
     */
    public static int workerOf(final String marker, final int workers) {
        return (int) Math.floorMod(LongHash.of(marker), (long) workers);
    }
}
