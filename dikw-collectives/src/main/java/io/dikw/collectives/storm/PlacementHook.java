package io.dikw.collectives.storm;

import java.util.Map;
import org.apache.storm.hooks.IWorkerHook;
import org.apache.storm.task.WorkerUserContext;

/** Publishes the worker's task placement to {@link Placements} before its executors start. */
final class PlacementHook implements IWorkerHook {
    private static final long serialVersionUID = 1L;
    private transient String stormId;
    private transient int port;

    @Override
    public void start(final Map<String, Object> topoConf, final WorkerUserContext context) {
        stormId = context.getStormId();
        port = context.getThisWorkerPort();
        Placements.register(stormId, port, WorkerView.of(context));
    }

    @Override
    public void shutdown() {
        if (stormId != null) {
            Placements.remove(stormId, port);
        }
    }
}
