package io.dikw.social.storm;

import io.dikw.core.io.DeadLetters;
import io.dikw.core.pubsub.SyncPublisher;
import io.dikw.social.cluster.StepStats;
import io.dikw.social.http.SocialHttpServer;
import io.dikw.social.live.LiveResults;
import io.dikw.social.parallel.Classified;
import io.dikw.social.parallel.SyncCoordinator;
import io.dikw.social.parallel.WireFormat;
import io.dikw.social.pipeline.RunOutputs;
import io.dikw.social.pipeline.RunSummary;
import io.dikw.social.pipeline.StepListener;
import io.dikw.social.pipeline.StepReporter;
import io.dikw.social.protomeme.Vocabulary;
import io.dikw.social.quality.GroundTruth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.storm.Config;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.base.BaseRichBolt;
import org.apache.storm.tuple.Tuple;
import org.apache.storm.utils.TupleUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync coordinator of the topology (one task): collects every worker's decisions for a batch,
 * settles them ({@link SyncCoordinator}) once all workers reported the batch done and the
 * protomeme bolt sent its {@link BatchMeta}, and publishes the sync message on the pub-sub
 * channel. At the end of each time step it scores and reports the clusters, writes the results
 * ({@link RunOutputs}) and serves them live over HTTP.
 *
 * <p>A sync is republished every second until every worker has moved past it, so a message lost
 * while the broker was down never leaves a worker waiting.
 */
public final class CoordinatorBolt extends BaseRichBolt {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CoordinatorBolt.class);
    private static final long REPUBLISH_NANOS = 1_000_000_000L;
    private static final long LIVE_REFRESH_NANOS = 500_000_000L;
    private static final int LIVE_CLUSTERS = 100;

    private transient SocialTopologyConfig config;
    private transient SyncCoordinator coordinator;
    private transient SyncPublisher publisher;
    private transient SyncPublisher progress;
    private transient Vocabulary vocabulary;
    private transient StepReporter reporter;
    private transient RunOutputs outputs;
    private transient LiveResults live;
    private transient SocialHttpServer http;
    private transient LocalRuns.Handle handle;
    private transient DeadLetters labelErrors;
    private transient Map<Long, List<Classified>> decisions;
    private transient Map<Long, Integer> done;
    private transient Map<Long, BatchMeta> metas;
    private transient long syncs;
    private transient long syncBytes;
    private transient long maxSyncBytes;
    private transient long syncNanos;
    private transient long stepStartNanos;
    private transient byte[] lastSync;
    private transient long lastSyncBatch = -1;
    private transient long lastPublishNanos;
    private transient boolean ended;
    private transient long lastLiveNanos;
    private transient boolean finalStep;

    @Override
    public void prepare(final Map<String, Object> conf, final TopologyContext context, final OutputCollector out) {
        this.config = SocialTopologyConfig.fromStormConf(conf);
        this.coordinator = new SyncCoordinator(config.params(), config.strategy());
        this.decisions = new HashMap<>();
        this.done = new HashMap<>();
        this.metas = new HashMap<>();
        this.vocabulary = new Vocabulary();
        this.handle = LocalRuns.find(config.runId());
        this.live = new LiveResults();
        try {
            final Path outDir = Path.of(config.outDir());
            this.labelErrors = DeadLetters.toFile(outDir.resolve("label-errors.jsonl"));
            final GroundTruth truth = config.labels().isEmpty() ? null
                : GroundTruth.read(Path.of(config.labels()), labelErrors);
            this.outputs = new RunOutputs(outDir, config.clustersPerStep());
            final List<StepListener> listeners = new ArrayList<>();
            listeners.add(outputs);
            if (config.httpPort() >= 0) { // without the HTTP API nobody sees the live view: no need to summarize for it
                listeners.add((report, summaries) -> {
                    // summarizing every cluster costs; the live view is refreshed at most every half second
                    final long now = System.nanoTime();
                    if (now - lastLiveNanos >= LIVE_REFRESH_NANOS || finalStep) {
                        live.update(report, summaries.apply(LIVE_CLUSTERS), engineFigures());
                        lastLiveNanos = now;
                    }
                });
            }
            if (handle != null) {
                listeners.add(handle.progress());
            }
            this.reporter = new StepReporter(config.params(), truth, vocabulary, StepListener.all(listeners))
                .withEngineFigures(this::engineFigures);
        } catch (final IOException e) {
            throw new UncheckedIOException("coordinator cannot prepare its outputs: " + e.getMessage(), e);
        }
        this.publisher = SyncPublisher.connect(config.brokerUrl(), config.topic(), LOG::warn);
        this.progress = SyncPublisher.connect(config.brokerUrl(), config.progressTopic(), LOG::warn);
        if (config.httpPort() >= 0) {
            try {
                this.http = SocialHttpServer.start(config.httpHost(), config.httpPort(), live);
                LOG.info("live results at {}", http.url());
            } catch (final RuntimeException e) {
                // the run is worth more than its live view: go on without it
                LOG.warn("cannot serve live results on {}:{} ({}); the run goes on without the HTTP API — "
                    + "choose another port with --http-port", config.httpHost(), config.httpPort(), e.getMessage());
            }
        }
        this.stepStartNanos = System.nanoTime();
    }

    @Override
    public void execute(final Tuple tuple) {
        try {
            if (TupleUtils.isTick(tuple)) {
                republishIfStuck();
                return;
            }
            if (ProtomemeBolt.META_STREAM.equals(tuple.getSourceStreamId())) {
                final BatchMeta meta = (BatchMeta) tuple.getValue(1);
                metas.put(meta.batch(), meta);
            } else {
                final long batch = tuple.getLong(0);
                final List<Classified> batchDecisions = ((DecisionBatch) tuple.getValue(2)).decisions();
                decisions.computeIfAbsent(batch, k -> new ArrayList<>()).addAll(batchDecisions);
                done.merge(batch, 1, Integer::sum);
            }
            settleReadyBatches();
        } catch (final RuntimeException e) {
            if (handle != null) {
                handle.done().completeExceptionally(e);
            }
            throw e;
        }
    }

    private void settleReadyBatches() {
        while (true) {
            final long batch = coordinator.nextBatch();
            final BatchMeta meta = metas.get(batch);
            if (meta == null || done.getOrDefault(batch, 0) < config.workers()) {
                return;
            }
            metas.remove(batch);
            done.remove(batch);
            final List<Classified> batchDecisions = decisions.remove(batch);
            settle(meta, batchDecisions == null ? List.of() : batchDecisions);
        }
    }

    private void settle(final BatchMeta meta, final List<Classified> batchDecisions) {
        final long start = System.nanoTime();
        finalStep = meta.nextStep() < 0 && meta.endOfStep();
        Runnable stepEnd = null;
        long expireBefore = -1;
        if (meta.endOfStep()) {
            meta.words().forEach((hash, stem) -> vocabulary.recordWord(hash, stem, meta.step()));
            meta.users().forEach((id, name) -> vocabulary.recordUser(id, name, meta.step()));
            stepEnd = () -> {
                final StepStats stats = coordinator.takeStepStats(meta.step(), meta.startMillis(),
                    meta.tweetIds().length, System.nanoTime() - stepStartNanos);
                reporter.report(stats, meta.tweetIds(), coordinator.clusters().clusters(), meta.tweets(),
                    meta.rejected());
                stepStartNanos = System.nanoTime();
            };
            if (meta.nextStep() >= 0) {
                expireBefore = meta.nextStep() - config.params().windowSteps() + 1;
            }
        }
        coordinator.settle(batchDecisions, stepEnd, expireBefore, message -> {
            // with one worker the message need not carry the protomemes back to the worker that sent them
            final byte[] bytes = WireFormat.encode(message, config.workers() > 1);
            publisher.publish(message.batch(), bytes);
            syncs++;
            syncBytes += bytes.length;
            maxSyncBytes = Math.max(maxSyncBytes, bytes.length);
            syncNanos += System.nanoTime() - start;
            lastSync = bytes;
            lastSyncBatch = message.batch();
            lastPublishNanos = System.nanoTime();
        });
        progress.publish(meta.lines(), new byte[0]); // lets the spout bound what is in flight
        if (meta.end()) {
            finish(meta);
        }
    }

    private void republishIfStuck() {
        if (lastSync != null && done.getOrDefault(lastSyncBatch + 1, 0) < config.workers()
            && System.nanoTime() - lastPublishNanos > REPUBLISH_NANOS) {
            publisher.publish(lastSyncBatch, lastSync);
            lastPublishNanos = System.nanoTime();
        }
    }

    private Map<String, Object> engineFigures() {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("engine", "storm");
        m.put("parallelism", config.workers());
        m.put("sync", config.strategy().name().toLowerCase(java.util.Locale.ROOT));
        m.put("batchPerWorker", config.batchPerWorker());
        m.put("syncs", syncs);
        m.put("syncBytes", syncBytes);
        m.put("meanSyncBytes", syncs == 0 ? 0 : syncBytes / syncs);
        m.put("maxSyncBytes", maxSyncBytes);
        m.put("meanSyncMillis", syncs == 0 ? 0 : syncNanos / 1e6 / syncs);
        m.put("broker", config.brokerUrl());
        return m;
    }

    private void finish(final BatchMeta meta) {
        if (ended) {
            return;
        }
        ended = true;
        final RunSummary summary = reporter.summary(meta.tweets(), meta.rejected(), meta.rejectedByReason(),
            meta.late(), coordinator.clusters().clusters());
        final Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("input", config.input());
        extra.put("labels", config.labels().isEmpty() ? null : config.labels());
        extra.put("params", config.params());
        extra.put("parallel", engineFigures());
        try {
            outputs.finish(summary, extra);
            outputs.close();
            labelErrors.close();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write results to " + config.outDir() + ": " + e.getMessage(), e);
        }
        live.finish();
        LOG.info("run {} finished: {} tweets, {} syncs, {} sync bytes", config.runId(), meta.tweets(), syncs, syncBytes);
        if (handle != null) {
            handle.done().complete(summary);
        }
    }

    @Override
    public Map<String, Object> getComponentConfiguration() {
        final Map<String, Object> conf = new HashMap<>();
        conf.put(Config.TOPOLOGY_TICK_TUPLE_FREQ_SECS, 1);
        return conf;
    }

    @Override
    public void declareOutputFields(final OutputFieldsDeclarer declarer) {
        // results leave through the output directory, the HTTP API and the pub-sub channel
    }

    @Override
    public void cleanup() {
        if (http != null) {
            http.close();
        }
        if (publisher != null) {
            publisher.close();
        }
        if (progress != null) {
            progress.close();
        }
    }
}
