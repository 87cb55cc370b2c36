package io.dikw.social.http;

import io.dikw.core.json.Json;
import io.dikw.social.live.LiveResults;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinLogger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP server showing a running social clustering job while the stream flows: a JSON API over
 * {@link LiveResults} and a dashboard page that polls it every second.
 *
 * <table>
 *   <caption>Routes</caption>
 *   <tr><td>{@code GET /}</td><td>the dashboard (self-contained HTML, no external assets)</td></tr>
 *   <tr><td>{@code GET /api/social/clusters[?top=N]}</td>
 *       <td>{@code {"step", "finished", "clusters": [ClusterSummary…]}}, largest first</td></tr>
 *   <tr><td>{@code GET /api/social/stats}</td>
 *       <td>{@code {"finished", "step": StepStats, "quality": WindowQuality, "tweetsSoFar",
 *       "rejectedSoFar", "tweetsPerSecond", "elapsedSeconds", "engine"}}</td></tr>
 * </table>
 *
 * <p>Errors are JSON {@code {"error": "..."}}: 400 for bad query parameters, 404 for unknown paths,
 * 500 (logged, no stack trace in the response) when a handler fails. Non-finite numbers are written
 * as null. By default the server binds {@value #DEFAULT_HOST} only; bind another address to
 * expose it.
 *
 * <pre>{@code
 * try (SocialHttpServer server = SocialHttpServer.start("127.0.0.1", 0, results)) {
 *     System.out.println("dashboard: " + server.url());
 *     ... run the job, which calls results.update(...) after every step ...
 * }
 * }</pre>
 */
public final class SocialHttpServer implements AutoCloseable {
    /** The address bound by default: this machine only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The port used when none is chosen. */
    public static final int DEFAULT_PORT = 7070;
    /** Path of the dashboard page. */
    public static final String DASHBOARD_PATH = "/";
    /** Path of the cluster list. */
    public static final String CLUSTERS_PATH = SocialApi.CLUSTERS_PATH;
    /** Path of the run's statistics. */
    public static final String STATS_PATH = SocialApi.STATS_PATH;

    private static final Logger LOG = LoggerFactory.getLogger(SocialHttpServer.class);
    private static final String PAGE_RESOURCE = "dashboard.html";
    /** The page may only talk to this server: tweet text shown in it can never load or send anything. */
    private static final String PAGE_CSP = "default-src 'none'; script-src 'unsafe-inline'; "
        + "style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

    private final Javalin app;
    private final String host;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SocialHttpServer(final Javalin app, final String host, final int port) {
        this.app = app;
        this.host = host;
        this.port = port;
    }

    /**
     * Starts a server on {@value #DEFAULT_HOST}.
     *
     * @param port the port, or 0 for a free one
     * @param results where the job publishes
     * @return the running server
     */
    public static SocialHttpServer start(final int port, final LiveResults results) {
        return start(DEFAULT_HOST, port, results);
    }

    /**
     * Starts a server.
     *
     * @param host the address to bind: {@value #DEFAULT_HOST} for this machine only (the default),
     *     {@code 0.0.0.0} for every interface
     * @param port the port, or 0 for a free one (see {@link #port()})
     * @param results where the job publishes
     * @return the running server
     * @throws IllegalArgumentException when the port is outside 0..65535 or the host is blank
     * @throws io.javalin.util.JavalinBindException when the port is taken
     */
    public static SocialHttpServer start(final String host, final int port, final LiveResults results) {
        Objects.requireNonNull(host, "host can't be null");
        Objects.requireNonNull(results, "results can't be null");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank; use " + DEFAULT_HOST
                + " for this machine only or 0.0.0.0 for every interface");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535 (0 picks a free port): port=" + port);
        }
        final String page = loadPage();
        final SocialApi api = new SocialApi(results, Json.mapper());
        // Javalin's own switch for its startup lines (version nag, "Listening on ..."); the caller prints url().
        JavalinLogger.startupInfo = false;
        final Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
        });
        app.before("/api/*", ctx -> ctx.header("Cache-Control", "no-store"));
        app.get(DASHBOARD_PATH, ctx -> dashboard(ctx, page));
        app.get(CLUSTERS_PATH, api::clusters);
        app.get(STATS_PATH, api::stats);
        app.exception(HttpResponseException.class, (e, ctx) ->
            ctx.status(e.getStatus()).json(new ApiError(e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(new ApiError("internal error while serving "
                + ctx.method() + " " + ctx.path() + " (" + e.getClass().getSimpleName()
                + "); the server log has the details"));
        });
        app.error(HttpStatus.NOT_FOUND, ctx -> ctx.json(new ApiError("no such path: " + ctx.method() + " "
            + ctx.path() + "; try GET " + DASHBOARD_PATH + " (dashboard), GET " + CLUSTERS_PATH
            + "?top=20 or GET " + STATS_PATH)));
        try {
            app.start(host, port);
        } catch (final RuntimeException e) {
            app.stop();
            throw e;
        }
        return new SocialHttpServer(app, host, app.port());
    }

    private static void dashboard(final Context ctx, final String page) {
        ctx.header("Content-Security-Policy", PAGE_CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-cache");
        ctx.html(page);
    }

    private static String loadPage() {
        try (InputStream in = SocialHttpServer.class.getResourceAsStream(PAGE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("dashboard page missing from the classpath: "
                    + SocialHttpServer.class.getPackageName().replace('.', '/') + "/" + PAGE_RESOURCE
                    + "; rebuild dikw-social");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read the dashboard page: " + e.getMessage(), e);
        }
    }

    /** @return the port the server listens on (the one picked when started with 0) */
    public int port() {
        return port;
    }

    /** @return the host the server was bound to */
    public String host() {
        return host;
    }

    /**
     * @return the dashboard's address, e.g. {@code http://127.0.0.1:7070/}; a wildcard bind
     *     ({@code 0.0.0.0}, {@code ::}) is shown as {@code 127.0.0.1}
     */
    public String url() {
        final String shown;
        if ("0.0.0.0".equals(host) || "::".equals(host) || "[::]".equals(host)) {
            shown = DEFAULT_HOST;
        } else if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            shown = "[" + host + "]";
        } else {
            shown = host;
        }
        return "http://" + shown + ":" + port + "/";
    }

    /** Stops the server and frees its port. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            app.stop();
        }
    }

    @Override
    public String toString() {
        return "SocialHttpServer[" + url() + (closed.get() ? ", closed]" : "]");
    }
}
