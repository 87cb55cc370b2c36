package io.dikw.collectives.storm;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where every task of a topology runs, as its worker sees it, for the bolts of that worker. Storm
 * shows task locations only to groupings and worker hooks; {@link PlacementHook} puts the worker's
 * live reference here (Storm swaps the map inside on reassignment) and bolts look it up by
 * (topology id, worker port). Keyed by worker because LocalCluster runs several workers in one JVM.
 */
public final class Placements {
    private static final Map<String, WorkerView> BY_WORKER = new ConcurrentHashMap<>();

    private Placements() {
    }

    private static String key(final String stormId, final int port) {
        return stormId + '@' + port;
    }

    static void register(final String stormId, final int port, final WorkerView view) {
        BY_WORKER.put(key(stormId, port), view);
    }

    static void remove(final String stormId, final int port) {
        BY_WORKER.remove(key(stormId, port));
    }

    /**
     * @param stormId the topology id
     * @param port the worker's port
     * @return the worker's view of task placement
     * @throws IllegalStateException when the worker hook did not run (collectives not declared through {@link Collectives})
     */
    static WorkerView of(final String stormId, final int port) {
        final WorkerView live = BY_WORKER.get(key(stormId, port));
        if (live == null) {
            throw new IllegalStateException("no task placement known for worker " + key(stormId, port)
                + ": declare collectives through io.dikw.collectives.storm.Collectives, which adds the placement hook");
        }
        return live;
    }
}
