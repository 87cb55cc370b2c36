package io.dikw.harmonic.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.dikw.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The master's HTTP API from the outside (sources, workers, tools), with the token on every call.
 * Errors come back as {@link IOException}s carrying the master's own message. Uses
 * {@link HttpURLConnection} (synchronous, kept-alive connections): per call it costs a fraction of
 * what {@code java.net.http.HttpClient} does, and a source makes one call per tuple.
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

    /**
     * A block of tuple ids for a streaming source and the channels to stream them to.
     *
     * @param firstTupleId the first id of the block
     * @param count how many ids
     * @param channels every channel of the processor
     */
    public record Lease(long firstTupleId, long count, List<Endpoint> channels) {
    }

    private final URI base;
    private final String token;

    /**
     * @param master the master's base URL, e.g. {@code http://127.0.0.1:8080}
     * @param token the access token
     */
    public MasterApi(final URI master, final String token) {
        this.base = URI.create(master.toString().replaceAll("/+$", "") + "/");
        this.token = token;
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
     * @param processor the processor the tuples are for
     * @param tuples how many ids to take
     * @return the ids and every channel of the processor
     * @throws IOException when the master refuses (no such processor, bad token) or cannot be reached
     */
    public Lease lease(final String processor, final long tuples) throws IOException {
        final JsonNode n = call("GET", "api/lease?processor=" + URLEncoder.encode(processor, StandardCharsets.UTF_8)
            + "&tuples=" + tuples, null);
        final List<Endpoint> channels = new ArrayList<>();
        for (final JsonNode c : n.path("channels")) {
            channels.add(new Endpoint(0, "channel", c.path("host").asText(), c.path("port").asInt(), c.path("channel").asText()));
        }
        return new Lease(n.path("firstTupleId").asLong(), n.path("count").asLong(), List.copyOf(channels));
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
        final HttpURLConnection c;
        final int status;
        final byte[] answer;
        try {
            c = (HttpURLConnection) base.resolve(path).toURL().openConnection();
            c.setConnectTimeout(5_000);
            c.setReadTimeout(30_000);
            c.setRequestMethod(method);
            c.setRequestProperty("Authorization", "Bearer " + token);
            c.setRequestProperty("Accept", "application/json");
            if (body != null) {
                final byte[] json = Json.mapper().writeValueAsBytes(body);
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json");
                c.setFixedLengthStreamingMode(json.length);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(json);
                }
            }
            status = c.getResponseCode();
            try (InputStream in = status / 100 == 2 ? c.getInputStream() : c.getErrorStream()) {
                answer = in == null ? new byte[0] : in.readAllBytes(); // read fully: the connection is reused
            }
        } catch (final IOException e) {
            throw new IOException("cannot reach the master at " + base + " (" + e + "); is it running?", e);
        }
        final String text = new String(answer, StandardCharsets.UTF_8);
        final JsonNode json = text.isEmpty() ? Json.mapper().createObjectNode() : Json.mapper().readTree(text);
        if (status / 100 != 2) {
            throw new IOException("master answered " + status + " to " + method + " /" + path + ": "
                + json.path("error").asText(text));
        }
        return json;
    }
}
