package io.dikw.harmonic.worker;

import com.fasterxml.jackson.databind.JsonNode;
import io.dikw.harmonic.client.MasterApi;
import io.dikw.harmonic.frame.FrameRejections;
import io.dikw.harmonic.processor.Processors;
import io.dikw.harmonic.sink.Sink;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A running HarmonicIO worker: its channels (each with a persistent unit, started at once), its
 * registration with the master and a status report every second (counters, system load,
 * rejected frames). It stops when closed or when it loses the master ({@link #stopped()}).
 */
public final class Worker implements AutoCloseable {
    private final WorkerConfig config;
    private final WorkerStats stats = new WorkerStats();
    private final FrameRejections rejections = new FrameRejections();
    private final List<Channel> channels = new ArrayList<>();
    private final DeadLetterDirectory dead;
    private final Sink sink;
    private final MasterApi api;
    private final CompletableFuture<String> stopped = new CompletableFuture<>();
    private final ScheduledExecutorService reports;
    private final long workerId;

    private Worker(final WorkerConfig config, final Sink sink) throws Exception {
        this.config = config;
        this.sink = sink;
        this.dead = new DeadLetterDirectory(config.deadDir(), config.name());
        this.api = new MasterApi(config.master(), config.token());
        if (config.command().isEmpty()) {
            Processors.create(config.processor()); // fail fast with the list of processors there are
        }
        this.reports = Executors.newSingleThreadScheduledExecutor(r -> {
            final Thread t = new Thread(r, "harmonic-worker-report");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < config.channels(); i++) {
                final String label = config.name() + "/" + i;
                final TaskController controller = new TaskController(label, this::newUnit, config.timeout().toNanos(),
                    config.maxAttempts(), sink, dead, stats);
                channels.add(new Channel(i, config, controller, stats, rejections, () -> stop("lost the master")));
                controller.start();
            }
            final List<Map<String, Object>> ports = new ArrayList<>();
            for (final Channel c : channels) {
                ports.add(Map.of("index", c.index(), "port", c.port()));
            }
            final JsonNode reg = api.call("POST", "api/workers", Map.of("name", config.name(),
                "host", config.advertiseHost(), "processor", config.processor(), "channels", ports));
            workerId = reg.path("workerId").asLong();
            for (final Channel c : channels) {
                c.connect(workerId, reg.path("dataHost").asText(), reg.path("dataPort").asInt());
            }
        } catch (final Exception e) {
            closeChannels();
            reports.shutdownNow();
            throw e;
        }
        reports.scheduleWithFixedDelay(this::report, 0, 1, TimeUnit.SECONDS);
    }

    /**
     * Starts the channels and their units, registers with the master and connects each channel.
     *
     * @param config how to run
     * @param sink where results go
     * @return the running worker
     * @throws Exception when a unit cannot start, a port cannot be bound or the master refuses
     */
    public static Worker start(final WorkerConfig config, final Sink sink) throws Exception {
        return new Worker(config, sink);
    }

    private ProcessingUnit newUnit() throws IOException {
        if (config.command().isEmpty()) {
            return new JavaUnit(Processors.create(config.processor()));
        }
        return new ExternalUnit(config.command(), (int) config.payloadLimit());
    }

    private void report() {
        final Map<String, Object> r = new LinkedHashMap<>(stats.snapshot());
        r.put("load", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        r.put("rejectedFrames", rejections.byReason());
        r.put("deadLetters", dead.countsByReason());
        try {
            api.call("PUT", "api/workers/" + workerId + "/status", r);
        } catch (final IOException e) {
            System.getLogger(Worker.class.getName()).log(System.Logger.Level.DEBUG, "report failed: " + e.getMessage());
        }
    }

    /** @return the counters */
    public WorkerStats stats() {
        return stats;
    }

    /** @return the id the master gave this worker */
    public long id() {
        return workerId;
    }

    /** @return the process ids of the running external units (empty for Java units) */
    public List<Long> unitPids() {
        final List<Long> pids = new ArrayList<>();
        for (final Channel c : channels) {
            if (c.unit() instanceof ExternalUnit e) {
                pids.add(e.pid());
            }
        }
        return pids;
    }

    /** @return completes with the reason when the worker stops */
    public CompletableFuture<String> stopped() {
        return stopped;
    }

    private void stop(final String reason) {
        if (stopped.complete(reason)) {
            close();
        }
    }

    private void closeChannels() {
        channels.forEach(Channel::close);
    }

    @Override
    public void close() {
        stopped.complete("closed");
        reports.shutdownNow();
        closeChannels();
        try {
            dead.close();
            sink.close();
        } catch (final IOException e) {
            System.getLogger(Worker.class.getName()).log(System.Logger.Level.WARNING, "closing: " + e.getMessage());
        }
    }
}
