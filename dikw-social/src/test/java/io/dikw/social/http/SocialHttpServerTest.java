package io.dikw.social.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dikw.core.json.Json;
import io.dikw.social.cluster.StepStats;
import io.dikw.social.live.LiveResults;
import io.dikw.social.pipeline.ClusterSummary;
import io.dikw.social.pipeline.ClusterSummary.Term;
import io.dikw.social.pipeline.StepReport;
import io.dikw.social.quality.WindowQuality;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SocialHttpServerTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LiveResults results;
    private SocialHttpServer server;

    @BeforeEach
    void startServer() {
        results = new LiveResults();
        server = SocialHttpServer.start("127.0.0.1", 0, results);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void picks_a_free_port_and_reports_its_url() {
        assertThat(server.port()).isPositive();
        assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port() + "/");
    }

    @Test
    void clusters_are_empty_before_the_first_step() throws Exception {
        final HttpResponse<String> response = get("/api/social/clusters");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
            type -> assertThat(type).startsWith("application/json"));
        final JsonNode json = json(response);
        assertThat(json.get("step").isNull()).isTrue();
        assertThat(json.get("finished").asBoolean()).isFalse();
        assertThat(json.get("clusters").isArray()).isTrue();
        assertThat(json.get("clusters")).isEmpty();
    }

    @Test
    void stats_are_empty_before_the_first_step() throws Exception {
        final JsonNode json = json(get("/api/social/stats"));

        assertThat(json.get("finished").asBoolean()).isFalse();
        assertThat(json.get("step").isNull()).isTrue();
        assertThat(json.get("quality").isNull()).isTrue();
        assertThat(json.get("tweetsSoFar").asLong()).isZero();
        assertThat(json.get("rejectedSoFar").asLong()).isZero();
        assertThat(json.get("tweetsPerSecond").asDouble()).isZero();
        assertThat(json.get("elapsedSeconds").asDouble()).isZero();
        assertThat(json.get("engine").isObject()).isTrue();
        assertThat(json.get("engine")).isEmpty();
    }

    @Test
    void clusters_show_the_latest_published_step() throws Exception {
        results.update(report(7, new WindowQuality(0.61, 0.72, 400)), List.of(cluster(7, 42, 30), cluster(7, 5, 12)),
            Map.of("syncBytes", 12_345L));

        final JsonNode json = json(get("/api/social/clusters"));

        assertThat(json.get("step").asLong()).isEqualTo(7);
        assertThat(json.get("finished").asBoolean()).isFalse();
        assertThat(json.get("clusters")).hasSize(2);
        final JsonNode first = json.get("clusters").get(0);
        assertThat(first.get("step").asLong()).isEqualTo(7);
        assertThat(first.get("id").asLong()).isEqualTo(42);
        assertThat(first.get("tweets").asInt()).isEqualTo(30);
        assertThat(first.get("protomemes").asInt()).isEqualTo(33);
        assertThat(first.get("topHashtags").get(0).get("term").asText()).isEqualTo("#jobs");
        assertThat(first.get("topHashtags").get(0).get("count").asLong()).isEqualTo(9);
        assertThat(first.get("topWords").get(1).get("term").asText()).isEqualTo("hire");
        assertThat(first.get("topUsers").get(0).get("term").asText()).isEqualTo("@ann");
        assertThat(first.get("firstUpdate").asText()).isEqualTo("2012-03-01T10:00:00Z");
        assertThat(first.get("meme").asText()).isEqualTo("meme-3");
        assertThat(first.get("memeShare").asDouble()).isEqualTo(0.8);
        assertThat(json.get("clusters").get(1).get("id").asLong()).isEqualTo(5);
    }

    @Test
    void top_limits_the_clusters_to_the_largest() throws Exception {
        final List<ClusterSummary> clusters = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            clusters.add(cluster(3, i, 100 - i));
        }
        results.update(report(3, null), clusters, Map.of());

        assertThat(json(get("/api/social/clusters?top=20")).get("clusters")).hasSize(20);
        assertThat(json(get("/api/social/clusters?top=1")).get("clusters").get(0).get("id").asLong()).isZero();
        assertThat(json(get("/api/social/clusters?top=1000")).get("clusters")).hasSize(30);
    }

    @Test
    void stats_show_the_latest_step_quality_totals_and_engine() throws Exception {
        results.update(report(7, new WindowQuality(0.61, 0.72, 400)), List.of(cluster(7, 42, 30)),
            Map.of("syncBytes", 12_345L, "strategy", "deltas", "workers", 4));
        results.finish();

        final JsonNode json = json(get("/api/social/stats"));

        assertThat(json.get("finished").asBoolean()).isTrue();
        final JsonNode step = json.get("step");
        assertThat(step.get("step").asLong()).isEqualTo(7);
        assertThat(step.get("startMillis").asLong()).isEqualTo(1_330_596_000_000L);
        assertThat(step.get("tweets").asInt()).isEqualTo(120);
        assertThat(step.get("protomemes").asInt()).isEqualTo(300);
        assertThat(step.get("byMarker").asInt()).isEqualTo(100);
        assertThat(step.get("bySimilarity").asInt()).isEqualTo(150);
        assertThat(step.get("outliers").asInt()).isEqualTo(50);
        assertThat(step.get("replaced").asInt()).isEqualTo(10);
        assertThat(step.get("expired").asInt()).isEqualTo(20);
        assertThat(step.get("clusters").asInt()).isEqualTo(120);
        assertThat(step.get("threshold").asDouble()).isEqualTo(0.25);
        assertThat(step.get("mean").asDouble()).isEqualTo(0.4);
        assertThat(step.get("std").asDouble()).isEqualTo(0.075);
        assertThat(step.get("sigmas").asDouble()).isEqualTo(2.0);
        assertThat(step.get("nanos").asLong()).isEqualTo(3_000_000L);
        assertThat(json.get("quality").get("lfkNmi").asDouble()).isEqualTo(0.61);
        assertThat(json.get("quality").get("nmi").asDouble()).isEqualTo(0.72);
        assertThat(json.get("quality").get("labelledTweets").asInt()).isEqualTo(400);
        assertThat(json.get("tweetsSoFar").asLong()).isEqualTo(5_000);
        assertThat(json.get("rejectedSoFar").asLong()).isEqualTo(3);
        assertThat(json.get("tweetsPerSecond").asDouble()).isEqualTo(2_000.0);
        assertThat(json.get("elapsedSeconds").asDouble()).isEqualTo(2.5);
        assertThat(json.get("engine").get("syncBytes").asLong()).isEqualTo(12_345L);
        assertThat(json.get("engine").get("strategy").asText()).isEqualTo("deltas");
        assertThat(json.get("engine").get("workers").asInt()).isEqualTo(4);
        assertThat(json(get("/api/social/clusters")).get("finished").asBoolean()).isTrue();
    }

    @Test
    void non_finite_numbers_are_written_as_null() throws Exception {
        final StepStats stats = new StepStats(1, 0, 10, 10, 0, 0, 10, 0, 0, 10,
            Double.NaN, Double.NaN, Double.POSITIVE_INFINITY, 2.0, 1_000L);
        final ClusterSummary nanShare = new ClusterSummary(1, 1, 3, 3, List.of(), List.of(), List.of(),
            "2012-03-01T10:00:00Z", "2012-03-01T10:00:00Z", "meme-1", Double.NaN);
        results.update(new StepReport(stats, new WindowQuality(Double.NaN, Double.NaN, 0), 10, 0, 0L),
            List.of(nanShare), Map.of("ratio", Double.NaN));

        final HttpResponse<String> statsResponse = get("/api/social/stats");
        final HttpResponse<String> clustersResponse = get("/api/social/clusters");

        assertThat(statsResponse.statusCode()).isEqualTo(200);
        assertThat(statsResponse.body()).doesNotContain("NaN").doesNotContain("Infinity");
        final JsonNode json = json(statsResponse);
        assertThat(json.get("quality").get("lfkNmi").isNull()).isTrue();
        assertThat(json.get("quality").get("nmi").isNull()).isTrue();
        assertThat(json.get("quality").get("labelledTweets").asInt()).isZero();
        assertThat(json.get("step").get("threshold").isNull()).isTrue();
        assertThat(json.get("step").get("std").isNull()).isTrue();
        assertThat(json.get("step").get("sigmas").asDouble()).isEqualTo(2.0);
        assertThat(json.get("engine").get("ratio").isNull()).isTrue();
        assertThat(clustersResponse.body()).doesNotContain("NaN");
        assertThat(json(clustersResponse).get("clusters").get(0).get("memeShare").isNull()).isTrue();
    }

    @Test
    void top_that_is_not_a_number_is_a_bad_request() throws Exception {
        final HttpResponse<String> response = get("/api/social/clusters?top=abc");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
            type -> assertThat(type).startsWith("application/json"));
        assertThat(json(response).get("error").asText())
            .contains("'top'", "positive integer", "'abc'", "?top=20");
    }

    @Test
    void top_that_is_not_positive_is_a_bad_request() throws Exception {
        for (final String bad : List.of("0", "-3", "", "99999999999", "1.5")) {
            final HttpResponse<String> response = get("/api/social/clusters?top=" + bad);

            assertThat(response.statusCode()).as("top=%s", bad).isEqualTo(400);
            assertThat(json(response).get("error").asText()).as("top=%s", bad)
                .contains("'top'", "positive integer", "'" + bad + "'");
        }
    }

    @Test
    void root_serves_the_dashboard_page() throws Exception {
        final HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
            type -> assertThat(type).startsWith("text/html"));
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
            csp -> assertThat(csp).contains("connect-src 'self'"));
        assertThat(response.body())
            .startsWith("<!DOCTYPE html>")
            .contains("/api/social/stats", "/api/social/clusters?top=20", "LFK-NMI")
            .doesNotContain("<script src", "<link", "@import", "url(", "https://", "src=\"http", "href=\"http");
    }

    @Test
    void unknown_path_is_a_json_not_found() throws Exception {
        final HttpResponse<String> response = get("/api/social/nope");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
            type -> assertThat(type).startsWith("application/json"));
        assertThat(json(response).get("error").asText()).contains("/api/social/nope", "/api/social/clusters");
    }

    @Test
    void handler_failure_is_a_json_server_error_without_stack_trace() throws Exception {
        results.update(report(1, null), List.of(), Map.of("unwritable", new Unserializable()));

        final HttpResponse<String> response = get("/api/social/stats");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(json(response).get("error").asText()).contains("internal error", "/api/social/stats");
        assertThat(response.body()).doesNotContain("\tat ", "Exception:", "io.dikw");
    }

    @Test
    void close_is_idempotent_and_frees_the_port() throws Exception {
        final int port = server.port();
        final long start = System.nanoTime();
        server.close();
        server.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

        assertThatThrownBy(() -> get("/api/social/stats")).isInstanceOf(IOException.class);
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            assertThat(socket.isBound()).isTrue();
        }
    }

    @Test
    void rejects_an_invalid_port_with_a_clear_message() {
        assertThatThrownBy(() -> SocialHttpServer.start("127.0.0.1", 70_000, results))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("port=70000");
    }

    /** A value Jackson cannot write: it has no properties. */
    private static final class Unserializable {
    }

    private HttpResponse<String> get(final String path) throws IOException, InterruptedException {
        final HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(10)).GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(final HttpResponse<String> response) throws IOException {
        return Json.mapper().readTree(response.body());
    }

    private static StepReport report(final long step, final WindowQuality quality) {
        final StepStats stats = new StepStats(step, 1_330_596_000_000L, 120, 300, 100, 150, 50, 10, 20, 120,
            0.25, 0.4, 0.075, 2.0, 3_000_000L);
        return new StepReport(stats, quality, 5_000, 3, 2_500_000_000L);
    }

    private static ClusterSummary cluster(final long step, final long id, final int tweets) {
        return new ClusterSummary(step, id, tweets, tweets + 3,
            List.of(new Term("#jobs", 9), new Term("#hiring", 4)),
            List.of(new Term("job", 12), new Term("hire", 7)),
            List.of(new Term("@ann", 3)),
            "2012-03-01T10:00:00Z", "2012-03-01T10:05:00Z", "meme-3", 0.8);
    }
}
