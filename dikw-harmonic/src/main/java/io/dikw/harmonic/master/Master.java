package io.dikw.harmonic.master;

import io.dikw.harmonic.frame.FrameRejections;
import io.dikw.harmonic.frame.FrameServer;
import io.javalin.Javalin;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A running HarmonicIO master: the HTTP API for sources, workers and people, the data port of the
 * bounded queue, and a housekeeping tick (expired reservations, throughput samples, feeding free
 * channels). {@link #start} and {@link #close}; nothing else to call.
 */
public final class Master implements AutoCloseable {
    private final MasterConfig config;
    private final Scheduler scheduler;
    private final FrameRejections rejections = new FrameRejections();
    private final FrameServer data;
    private final Javalin http;
    private final ScheduledExecutorService ticks;

    private Master(final MasterConfig config) throws IOException {
        this.config = config;
        this.scheduler = new Scheduler(new TupleQueue(config.queueCapacity(), config.queueMemory()),
            config.reservationTimeout().toNanos(), config.advertiseHost());
        final DataPlane plane = new DataPlane(scheduler, config.token(), config.payloadLimit(), rejections);
        this.data = new FrameServer("harmonic-master", config.bindHost(), config.dataPort(), config.payloadLimit(),
            plane::serve);
        scheduler.queuePort(data.port());
        try {
            this.http = MasterHttp.start(config, scheduler, this::status);
        } catch (final RuntimeException e) {
            data.close();
            throw e;
        }
        this.ticks = Executors.newSingleThreadScheduledExecutor(r -> {
            final Thread t = new Thread(r, "harmonic-master-tick");
            t.setDaemon(true);
            return t;
        });
        ticks.scheduleWithFixedDelay(() -> scheduler.housekeeping().forEach(Scheduler.Dispatch::send),
            200, 200, TimeUnit.MILLISECONDS);
    }

    /**
     * @param config how to run
     * @return the running master
     * @throws IOException when a port cannot be bound
     */
    public static Master start(final MasterConfig config) throws IOException {
        return new Master(config);
    }

    /** @return the HTTP base URL, e.g. {@code http://127.0.0.1:8080} */
    public String url() {
        return "http://" + config.advertiseHost() + ":" + http.port();
    }

    /** @return the status page address with the token, for people */
    public String statusPage() {
        return url() + "/?token=" + config.token().text();
    }

    /** @return the data port of the queue */
    public int dataPort() {
        return data.port();
    }

    /** @return the current status (same as GET /api/status) */
    public Map<String, Object> status() {
        final Map<String, Object> s = new java.util.LinkedHashMap<>(scheduler.status());
        s.put("rejectedFrames", rejections.byReason());
        return s;
    }

    @Override
    public void close() {
        ticks.shutdownNow();
        http.stop();
        data.close();
    }
}
