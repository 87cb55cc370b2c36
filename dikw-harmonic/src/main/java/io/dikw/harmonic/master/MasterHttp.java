package io.dikw.harmonic.master;

import com.fasterxml.jackson.databind.JsonNode;
import io.dikw.core.json.Json;
import io.dikw.harmonic.auth.AccessToken;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinLogger;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The master's HTTP API (see the module README for every route). Every call, the status page
 * included, needs the token: {@code Authorization: Bearer TOKEN}, or {@code ?token=TOKEN} for a
 * browser. Handlers are thin: parse, ask the {@link Scheduler}, write JSON.
 */
final class MasterHttp {
    /**
     * An error body.
     *
     * @param error what went wrong and what to do
     */
    record ApiError(String error) {
    }

    private MasterHttp() {
    }

    static Javalin start(final MasterConfig config, final Scheduler scheduler,
        final java.util.function.Supplier<Map<String, Object>> status) {
        final AccessToken token = config.token();
        JavalinLogger.startupInfo = false;
        final Javalin app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.startupWatcherEnabled = false;
            c.http.maxRequestSize = 1 << 20;
            c.jsonMapper(new JavalinJackson(Json.mapper(), false));
        });
        app.before(ctx -> {
            if (!token.matches(presented(ctx))) {
                throw new UnauthorizedResponse("missing or wrong access token: send 'Authorization: Bearer TOKEN' "
                    + "(or ?token=TOKEN) with the token the master printed at start or was given with --token");
            }
        });
        app.get("/api/endpoint", ctx -> {
            final String processor = ctx.queryParam("processor");
            if (processor == null || processor.isBlank()) {
                throw new BadRequestResponse("query parameter 'processor' is required, e.g. /api/endpoint?processor=echo");
            }
            try {
                ctx.json(scheduler.endpoint(processor));
            } catch (final NoSuchElementException e) {
                throw new NotFoundResponse(e.getMessage());
            }
        });
        app.get("/api/lease", ctx -> {
            final String processor = ctx.queryParam("processor");
            if (processor == null || processor.isBlank()) {
                throw new BadRequestResponse("query parameter 'processor' is required, e.g. /api/lease?processor=echo&tuples=1000");
            }
            final long count = ctx.queryParamAsClass("tuples", Long.class).getOrDefault(1000L);
            try {
                ctx.json(scheduler.lease(processor, count));
            } catch (final NoSuchElementException e) {
                throw new NotFoundResponse(e.getMessage());
            } catch (final IllegalArgumentException e) {
                throw new BadRequestResponse(e.getMessage());
            }
        });
        app.post("/api/workers", ctx -> register(ctx, scheduler));
        app.put("/api/workers/{id}/status", ctx -> {
            final long id = ctx.pathParamAsClass("id", Long.class).get();
            @SuppressWarnings("unchecked")
            final Map<String, Object> report = Json.mapper().readValue(ctx.body(), Map.class);
            if (!scheduler.report(id, report)) {
                throw new NotFoundResponse("no registered worker " + id + "; register again with POST /api/workers");
            }
            ctx.status(HttpStatus.NO_CONTENT);
        });
        app.get("/api/status", ctx -> ctx.json(status.get()));
        app.get("/", ctx -> ctx.html(StatusPage.render(status.get())));
        app.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus()).json(new ApiError(e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST)
            .json(new ApiError(ctx.method() + " " + ctx.path() + " failed: " + e.getMessage())));
        app.error(HttpStatus.NOT_FOUND, ctx -> {
            if (ctx.result() == null) {
                ctx.json(new ApiError("no such path: " + ctx.method() + " " + ctx.path()
                    + "; see GET /api/status, GET /api/endpoint?processor=NAME, POST /api/workers"));
            }
        });
        try {
            app.start(config.bindHost(), config.httpPort());
        } catch (final RuntimeException e) {
            app.stop();
            throw new IllegalStateException("cannot start the master's HTTP API on " + config.bindHost() + ":"
                + config.httpPort() + ": " + e.getMessage() + "; pick another --port (0 = a free one)", e);
        }
        return app;
    }

    private static void register(final Context ctx, final Scheduler scheduler) throws java.io.IOException {
        final JsonNode body = Json.mapper().readTree(ctx.body());
        final String processor = body.path("processor").asText("");
        final String host = body.path("host").asText("");
        if (processor.isBlank() || host.isBlank() || !body.path("channels").isArray() || body.path("channels").isEmpty()) {
            throw new BadRequestResponse("expected {\"name\":..., \"host\":..., \"processor\":..., "
                + "\"channels\":[{\"index\":0,\"port\":N}, ...]}");
        }
        final Map<Integer, Integer> ports = new HashMap<>();
        for (final JsonNode c : body.path("channels")) {
            ports.put(c.path("index").asInt(), c.path("port").asInt());
        }
        final long id = scheduler.register(body.path("name").asText(host), host, processor, ports);
        ctx.status(HttpStatus.CREATED).json(Map.of("workerId", id, "dataHost", scheduler.queueHost(),
            "dataPort", scheduler.queuePort()));
    }

    private static String presented(final Context ctx) {
        final String auth = ctx.header("Authorization");
        if (auth != null && auth.startsWith("Bearer ")) {
            return auth.substring("Bearer ".length()).trim();
        }
        return ctx.queryParam("token");
    }
}
