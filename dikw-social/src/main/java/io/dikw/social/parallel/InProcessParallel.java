package io.dikw.social.parallel;

import io.dikw.social.cluster.ClusteringParams;
import io.dikw.social.cluster.StepStats;
import io.dikw.social.protomeme.Protomeme;
import io.dikw.social.protomeme.TimeStep;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The parallel clustering protocol run in one thread, deterministically: workers classify their
 * share of each batch, the coordinator settles it, and every worker applies the encoded sync
 * message. It is the reference the Storm topology follows (same batches, same routing, same
 * messages), and it measures what each strategy sends.
 */
public final class InProcessParallel {
    private final ClusteringParams params;
    private final int batchPerWorker;
    private final List<ClusterWorker> workers = new ArrayList<>();
    private final SyncCoordinator coordinator;
    private final List<Classified> pending = new ArrayList<>();
    private long seq;
    private long syncs;
    private long syncBytes;
    private Runnable afterSync = () -> { };

    /**
     * @param params clustering parameters
     * @param workerCount parallel workers
     * @param batchPerWorker protomemes per worker between syncs (the paper used 2048)
     * @param strategy what a sync sends
     */
    public InProcessParallel(final ClusteringParams params, final int workerCount, final int batchPerWorker,
        final SyncStrategy strategy) {
        if (workerCount < 1 || batchPerWorker < 1) {
            throw new IllegalArgumentException("workers and batch size must be positive: workers=" + workerCount
                + " batchPerWorker=" + batchPerWorker);
        }
        this.params = params;
        this.batchPerWorker = batchPerWorker;
        for (int i = 0; i < workerCount; i++) {
            workers.add(new ClusterWorker(i, params));
        }
        this.coordinator = new SyncCoordinator(params, strategy);
    }

    /**
     * Clusters one time step.
     *
     * @param step the step
     * @param nextStep the index of the step that follows, or -1 at the end of the stream
     * @param onStepEnd receives the step's statistics while the coordinator's clusters show the
     *     state after the step (before expiry for the next one)
     */
    public void process(final TimeStep step, final long nextStep, final Consumer<StepStats> onStepEnd) {
        final long start = System.nanoTime();
        for (final Protomeme pm : step.protomemes()) {
            final ClusterWorker worker = workers.get(Routing.workerOf(pm.marker(), workers.size()));
            pending.add(worker.classify(seq++, pm));
            if (pending.size() == batchPerWorker * workers.size()) {
                sync(null, -1);
            }
        }
        sync(() -> onStepEnd.accept(coordinator.takeStepStats(step.index(), step.startMillis(), step.tweetCount(),
            System.nanoTime() - start)), nextStep < 0 ? -1 : nextStep - params.windowSteps() + 1);
    }

    private void sync(final Runnable stepEnd, final long expireBefore) {
        final SyncMessage message = coordinator.settle(pending, stepEnd, expireBefore);
        pending.clear();
        final byte[] bytes = WireFormat.encode(message, workers.size() > 1);
        syncs++;
        syncBytes += bytes.length;
        for (final ClusterWorker w : workers) {
            w.applySync(WireFormat.decodeSync(bytes, w.index())); // each skips its own protomemes, as in the topology
        }
        afterSync.run();
    }

    /**
     * Makes every worker roll back and replay whole batches at syncs (the published protocol).
     *
     * @return this
     */
    public InProcessParallel replayingEverything() {
        workers.forEach(ClusterWorker::replayingEverything);
        return this;
    }

    /**
     * @param check runs after every sync, when every worker has applied it (tests compare the copies)
     * @return this
     */
    public InProcessParallel afterEverySync(final Runnable check) {
        this.afterSync = check;
        return this;
    }

    /** @return the coordinator (its clusters are the result) */
    public SyncCoordinator coordinator() {
        return coordinator;
    }

    /** @return the workers */
    public List<ClusterWorker> workers() {
        return workers;
    }

    /** @return syncs so far */
    public long syncs() {
        return syncs;
    }

    /** @return encoded bytes of all syncs so far */
    public long syncBytes() {
        return syncBytes;
    }
}
