package io.dikw.harmonic.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.dikw.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The master's HTTP API from the outside (sources, workers, tools), with the token on every call.
 * Errors come back as {@link IOException}s carrying the master's own message.
 */
public final class MasterApi {
    /**
     * Where to send one tuple.
     *
     * @param tupleId the id the master gave it
     * @param kind "channel" (straight to a free worker channel) or "queue" (the master's queue)
     * @param host the host to connect to
     * @param port the port to connect to
     * @param channel the channel's label, or "master"
     */
    public record Endpoint(long tupleId, String kind, String host, int port, String channel) {
    }

    private final URI base;
    private final String token;
    private final HttpClient http;

    /**
     * @param master the master's base URL, e.g. {@code http://127.0.0.1:8080}
     * @param token the access token
     */
    public MasterApi(final URI master, final String token) {
        this.base = URI.create(master.toString().replaceAll("/+$", "") + "/");
        this.token = token;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * @param processor the processor the tuple is for
     * @return where to send it, with its id
     * @throws IOException when the master refuses (no such processor, bad token) or cannot be reached
     */
    public Endpoint endpoint(final String processor) throws IOException {
        final JsonNode n = call("GET", "api/endpoint?processor=" + URLEncoder.encode(processor, StandardCharsets.UTF_8), null);
        return new Endpoint(n.path("tupleId").asLong(), n.path("kind").asText(), n.path("host").asText(),
            n.path("port").asInt(), n.path("channel").asText());
    }

    /**
     * @return the master's status JSON
     * @throws IOException when it cannot be read
     */
    public JsonNode status() throws IOException {
        return call("GET", "api/status", null);
    }

    /**
     * @param method HTTP method
     * @param path path below the base URL (with query)
     * @param body JSON body value, or null
     * @return the response JSON (an empty object for 204)
     * @throws IOException with the master's error message on a non-2xx answer
     */
    public JsonNode call(final String method, final String path, final Object body) throws IOException {
        final HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body)));
        }
        final HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling the master at " + base, e);
        } catch (final IOException e) {
            throw new IOException("cannot reach the master at " + base + " (" + e + "); is it running?", e);
        }
        final JsonNode json = r.body().isEmpty() ? Json.mapper().createObjectNode() : Json.mapper().readTree(r.body());
        if (r.statusCode() / 100 != 2) {
            throw new IOException("master answered " + r.statusCode() + " to " + method + " /" + path + ": "
                + json.path("error").asText(r.body()));
        }
        return json;
    }
}
