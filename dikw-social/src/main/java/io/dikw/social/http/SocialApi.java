package io.dikw.social.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dikw.social.cluster.StepStats;
import io.dikw.social.live.LiveResults;
import io.dikw.social.pipeline.ClusterSummary;
import io.dikw.social.pipeline.StepReport;
import io.dikw.social.quality.WindowQuality;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The handlers of the JSON API. Each one takes the current {@link LiveResults.Snapshot} (one
 * consistent view, however often the job publishes), shapes it into a response record and
 * writes it with non-finite numbers as null.
 */
final class SocialApi {
    /** Path of the cluster list. */
    static final String CLUSTERS_PATH = "/api/social/clusters";
    /** Path of the run's statistics. */
    static final String STATS_PATH = "/api/social/stats";
    /** Query parameter limiting the cluster list to the largest N. */
    static final String TOP_PARAM = "top";

    private final LiveResults results;
    private final ObjectMapper mapper;

    /**
     * @param results where the job publishes
     * @param mapper the mapper that writes responses
     */
    SocialApi(final LiveResults results, final ObjectMapper mapper) {
        this.results = Objects.requireNonNull(results, "results can't be null");
        this.mapper = Objects.requireNonNull(mapper, "mapper can't be null");
    }

    /** {@code GET /api/social/clusters[?top=N]}: the clusters after the last step, largest first. */
    void clusters(final Context ctx) {
        final Integer top = positiveIntParam(ctx, TOP_PARAM);
        final LiveResults.Snapshot snapshot = results.latest();
        final List<ClusterSummary> all = snapshot.clusters();
        final List<ClusterSummary> shown = top == null || top >= all.size() ? all : all.subList(0, top);
        final StepReport report = snapshot.report();
        final Long step = report == null || report.stats() == null ? null : report.stats().step();
        ctx.json(FiniteJson.tree(mapper, new ClustersView(step, snapshot.finished(), shown)));
    }

    /** {@code GET /api/social/stats}: the last step's statistics, quality and the run's totals. */
    void stats(final Context ctx) {
        final LiveResults.Snapshot snapshot = results.latest();
        final StepReport report = snapshot.report();
        final StatsView view = report == null
            ? new StatsView(snapshot.finished(), null, null, 0, 0, 0.0, 0.0, snapshot.extra())
            : new StatsView(snapshot.finished(), report.stats(), report.quality(), report.tweetsSoFar(),
                report.rejectedSoFar(), report.tweetsPerSecond(), report.elapsedNanos() / 1e9, snapshot.extra());
        ctx.json(FiniteJson.tree(mapper, view));
    }

    /**
     * @return the parameter as a positive int, or null when absent
     * @throws BadRequestResponse when present but not a positive int
     */
    private static Integer positiveIntParam(final Context ctx, final String name) {
        final String raw = ctx.queryParam(name);
        if (raw == null) {
            return null;
        }
        final int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (final NumberFormatException e) {
            throw badPositiveInt(name, raw);
        }
        if (value < 1) {
            throw badPositiveInt(name, raw);
        }
        return value;
    }

    private static BadRequestResponse badPositiveInt(final String name, final String raw) {
        return new BadRequestResponse("query parameter '" + name + "' must be a positive integer (1 to "
            + Integer.MAX_VALUE + "), got '" + abbreviate(raw) + "'; use e.g. ?" + name
            + "=20, or leave it out for all clusters");
    }

    private static String abbreviate(final String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    /**
     * Response of {@code GET /api/social/clusters}.
     *
     * @param step the step the clusters were summarized after, or null before the first step
     * @param finished true once the stream ended
     * @param clusters the clusters, largest first
     */
    @JsonPropertyOrder({"step", "finished", "clusters"})
    record ClustersView(Long step, boolean finished, List<ClusterSummary> clusters) {
    }

    /**
     * Response of {@code GET /api/social/stats}.
     *
     * @param finished true once the stream ended
     * @param step what clustering did in the last step, or null before the first step
     * @param quality quality over the window, or null (no step yet, or no ground truth)
     * @param tweetsSoFar tweets read so far
     * @param rejectedSoFar records rejected so far
     * @param tweetsPerSecond tweets per second of wall-clock time since the start
     * @param elapsedSeconds wall-clock seconds since the start
     * @param engine engine figures (parallelism, sync strategy, sync bytes, …)
     */
    @JsonPropertyOrder({"finished", "step", "quality", "tweetsSoFar", "rejectedSoFar", "tweetsPerSecond",
        "elapsedSeconds", "engine"})
    record StatsView(boolean finished, StepStats step, WindowQuality quality, long tweetsSoFar, long rejectedSoFar,
        double tweetsPerSecond, double elapsedSeconds, Map<String, Object> engine) {
    }
}
