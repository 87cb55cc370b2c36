package io.dikw.social.storm;

import io.dikw.social.cluster.ClusteringParams;
import io.dikw.social.parallel.SyncStrategy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the meme-clustering topology needs, as one typed record. It travels inside Storm's
 * topology configuration (a map of strings and numbers, each key declared once here) so the same
 * topology runs embedded and on a real cluster.
 *
 * @param runId a unique name for the run (the sync topic and the in-JVM run registry use it)
 * @param input tweets file, or "-" for standard input (embedded runs only)
 * @param labels ground-truth labels file, or "" for none
 * @param outDir where the coordinator writes results
 * @param params clustering parameters
 * @param workers clustering bolts
 * @param batchPerWorker protomemes per worker between syncs
 * @param strategy delta or full sync
 * @param brokerUrl the pub-sub broker
 * @param replay how fast the spout replays the input
 * @param replayValue tweets per second (RATE) or speed-up factor (SPEEDUP)
 * @param httpHost where the live HTTP API binds
 * @param httpPort its port (-1: no HTTP API, 0: any free port)
 * @param clustersPerStep cluster summaries written per step (0 = all)
 * @param excludedHashtags comma-separated hashtags that build no protomeme ("" for none)
 */
public record SocialTopologyConfig(
    String runId,
    String input,
    String labels,
    String outDir,
    ClusteringParams params,
    int workers,
    int batchPerWorker,
    SyncStrategy strategy,
    String brokerUrl,
    Replay replay,
    double replayValue,
    String httpHost,
    int httpPort,
    int clustersPerStep,
    String excludedHashtags) {

    /** The published configuration synced every 2048 protomemes per bolt. */
    public static final int DEFAULT_BATCH_PER_WORKER = 2048;

    private static final String PREFIX = "dikw.social.";

    /** How the spout paces the stream. */
    public enum Replay {
        /** As fast as the topology takes it. */
        FAST,
        /** A fixed number of tweets per second. */
        RATE,
        /** The recorded timestamps, sped up by a factor. */
        SPEEDUP
    }

    /** Validates every field, naming the wrong one. */
    public SocialTopologyConfig {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(brokerUrl, "brokerUrl");
        Objects.requireNonNull(replay, "replay");
        Objects.requireNonNull(excludedHashtags, "excludedHashtags");
        if (workers < 1 || workers > 1024) {
            throw new IllegalArgumentException("parallelism must be 1..1024: parallelism=" + workers);
        }
        if (batchPerWorker < 1) {
            throw new IllegalArgumentException("batch size must be positive: batch=" + batchPerWorker);
        }
        if (replay != Replay.FAST && !(replayValue > 0)) {
            throw new IllegalArgumentException(replay + " needs a positive value: value=" + replayValue);
        }
    }

    /**
     * @param url the broker to use
     * @return a copy with it
     */
    public SocialTopologyConfig withBroker(final String url) {
        return new SocialTopologyConfig(runId, input, labels, outDir, params, workers, batchPerWorker, strategy, url,
            replay, replayValue, httpHost, httpPort, clustersPerStep, excludedHashtags);
    }

    /** @return the excluded hashtags as a set */
    public java.util.Set<String> excludedHashtagSet() {
        return java.util.Arrays.stream(excludedHashtags.split(",")).map(String::trim).filter(h -> !h.isEmpty())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** @return the topic on which the coordinator says how many input lines are settled */
    public String progressTopic() {
        return topic() + ".progress";
    }

    /** @return the topic sync messages go to */
    public String topic() {
        return "dikw.social.sync." + runId;
    }

    /** @return the configuration as entries for Storm's topology configuration */
    public Map<String, Object> toStormConf() {
        final Map<String, Object> m = new HashMap<>();
        m.put(PREFIX + "run", runId);
        m.put(PREFIX + "input", input);
        m.put(PREFIX + "labels", labels);
        m.put(PREFIX + "out", outDir);
        m.put(PREFIX + "clusters", params.clusters());
        m.put(PREFIX + "multiplier", params.clusterMultiplier());
        m.put(PREFIX + "windowSteps", params.windowSteps());
        m.put(PREFIX + "stepMillis", params.step().toMillis());
        m.put(PREFIX + "sigmas", params.outlierSigmas());
        m.put(PREFIX + "sigmaStep", params.sigmaStep());
        m.put(PREFIX + "workers", workers);
        m.put(PREFIX + "batch", batchPerWorker);
        m.put(PREFIX + "strategy", strategy.name());
        m.put(PREFIX + "broker", brokerUrl);
        m.put(PREFIX + "replay", replay.name());
        m.put(PREFIX + "replayValue", replayValue);
        m.put(PREFIX + "httpHost", httpHost);
        m.put(PREFIX + "httpPort", httpPort);
        m.put(PREFIX + "clustersPerStep", clustersPerStep);
        m.put(PREFIX + "excludedHashtags", excludedHashtags);
        return m;
    }

    /**
     * @param conf Storm's configuration as a bolt or spout receives it
     * @return the configuration
     * @throws IllegalArgumentException when a key is missing
     */
    public static SocialTopologyConfig fromStormConf(final Map<String, Object> conf) {
        final ClusteringParams params = new ClusteringParams(num(conf, "clusters").intValue(),
            num(conf, "multiplier").intValue(), num(conf, "windowSteps").intValue(),
            Duration.ofMillis(num(conf, "stepMillis").longValue()), num(conf, "sigmas").doubleValue(),
            num(conf, "sigmaStep").doubleValue());
        return new SocialTopologyConfig(str(conf, "run"), str(conf, "input"), str(conf, "labels"), str(conf, "out"),
            params, num(conf, "workers").intValue(), num(conf, "batch").intValue(),
            SyncStrategy.valueOf(str(conf, "strategy")), str(conf, "broker"), Replay.valueOf(str(conf, "replay")),
            num(conf, "replayValue").doubleValue(), str(conf, "httpHost"), num(conf, "httpPort").intValue(),
            num(conf, "clustersPerStep").intValue(), str(conf, "excludedHashtags"));
    }

    private static String str(final Map<String, Object> conf, final String key) {
        final Object v = conf.get(PREFIX + key);
        if (v == null) {
            throw new IllegalArgumentException("topology configuration lacks " + PREFIX + key);
        }
        return v.toString();
    }

    private static Number num(final Map<String, Object> conf, final String key) {
        final Object v = conf.get(PREFIX + key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("topology configuration lacks number " + PREFIX + key + " (got " + v + ")");
        }
        return n;
    }
}
