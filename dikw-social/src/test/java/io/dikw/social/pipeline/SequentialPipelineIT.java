package io.dikw.social.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dikw.core.io.DeadLetters;
import io.dikw.social.cluster.ClusteringParams;
import io.dikw.social.generate.GenerationStats;
import io.dikw.social.generate.GeneratorConfig;
import io.dikw.social.generate.TweetStreamGenerator;
import io.dikw.social.quality.GroundTruth;
import io.dikw.social.tweet.TweetReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sequential job end to end on a generated stream: reads everything, scores against the
 * labels, writes its outputs, is deterministic, and survives bad input without changing results.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SequentialPipelineIT {
    private static final int TWEETS = 20_000;
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Path dir;

    private Path tweets;
    private Path labels;
    private GenerationStats generated;
    private Run clean;

    /** One run's outcome and where it wrote. */
    private record Run(RunSummary summary, Path out, DeadLetters deadLetters) {
    }

    @BeforeAll
    void generateAndRunOnce(@TempDir final Path tempDir) throws IOException {
        dir = tempDir;
        tweets = dir.resolve("tweets.jsonl");
        labels = dir.resolve("labels.tsv");
        final GeneratorConfig config = GeneratorConfig.defaults().withCount(TWEETS).withMemes(20).withUsers(2_000)
            .withSeed(7);
        try (Writer t = Files.newBufferedWriter(tweets, StandardCharsets.UTF_8);
             Writer l = Files.newBufferedWriter(labels, StandardCharsets.UTF_8)) {
            generated = new TweetStreamGenerator(config).write(t, l, n -> { });
        }
        clean = run(tweets, dir.resolve("out-clean"));
    }

    private Run run(final Path input, final Path out) throws IOException {
        final DeadLetters dead = DeadLetters.inMemory(100);
        final RunSummary summary;
        try (RunOutputs outputs = new RunOutputs(out, 5)) {
            final GroundTruth truth = GroundTruth.read(labels, dead);
            try (Reader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
                 TweetReader reader = new TweetReader(in, input.getFileName().toString(), dead)) {
                summary = new SequentialPipeline(ClusteringParams.defaults(), truth, outputs).run(reader, dead);
            }
            outputs.finish(summary, Map.of("input", input.toString()));
        }
        return new Run(summary, out, dead);
    }

    @Test
    void readsEveryTweetWithoutRejections() {
        assertThat(generated.tweets()).isEqualTo(TWEETS);
        assertThat(clean.summary().tweets()).isEqualTo(TWEETS);
        assertThat(clean.summary().rejected()).isZero();
        assertThat(clean.summary().rejectedByReason()).isEmpty();
        assertThat(clean.deadLetters().count()).isZero();
        assertThat(clean.summary().steps()).isPositive();
        assertThat(clean.summary().protomemes()).isGreaterThanOrEqualTo(TWEETS);
        assertThat(clean.summary().clusters()).isPositive();
    }

    @Test
    void scoresTheClustersAgainstTheLabels() {
        assertThat(clean.summary().meanLfkNmi()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
        assertThat(clean.summary().meanNmi()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
    }

    @Test
    void describesTheTopClustersInWords() {
        final List<ClusterSummary> top = clean.summary().topClusters();
        assertThat(top).isNotEmpty().hasSizeLessThanOrEqualTo(SequentialPipeline.FINAL_TOP_CLUSTERS);
        assertThat(top).allSatisfy(c -> {
            assertThat(c.topWords()).isNotEmpty();
            assertThat(c.topWords()).allSatisfy(w -> assertThat(w.term()).isNotBlank());
            assertThat(c.tweets()).isPositive();
        });
        assertThat(top).extracting(ClusterSummary::tweets).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        assertThat(top).anySatisfy(c -> assertThat(c.meme()).startsWith("meme-"));
    }

    @Test
    void writesStepsClustersSummaryAndCharts() throws IOException {
        final Path out = clean.out();
        final List<String> steps = Files.readAllLines(out.resolve(RunOutputs.STEPS));
        assertThat(steps).hasSize((int) clean.summary().steps());
        final JsonNode first = MAPPER.readTree(steps.get(0));
        assertThat(first.has("lfkNmi")).isTrue();
        assertThat(first.get("tweets").asInt()).isPositive();
        assertThat(MAPPER.readTree(steps.get(steps.size() - 1)).get("tweetsSoFar").asLong()).isEqualTo(TWEETS);

        final List<String> clusters = Files.readAllLines(out.resolve(RunOutputs.CLUSTERS));
        assertThat(clusters).isNotEmpty();
        assertThat(MAPPER.readTree(clusters.get(0)).has("topWords")).isTrue();

        final JsonNode summary = MAPPER.readTree(out.resolve(RunOutputs.SUMMARY).toFile());
        assertThat(summary.get("result").get("tweets").asLong()).isEqualTo(TWEETS);
        assertThat(summary.get("input").asText()).isEqualTo(tweets.toString());

        assertThat(magic(out.resolve(RunOutputs.QUALITY_CHART))).isEqualTo(PNG_MAGIC);
        assertThat(magic(out.resolve(RunOutputs.ACTIVITY_CHART))).isEqualTo(PNG_MAGIC);
    }

    @Test
    void theSameInputGivesTheSameResults() throws IOException {
        final Run again = run(tweets, dir.resolve("out-again"));

        assertThat(withoutTiming(again.out())).isEqualTo(withoutTiming(clean.out()));
        assertThat(Files.readAllLines(again.out().resolve(RunOutputs.CLUSTERS)))
            .isEqualTo(Files.readAllLines(clean.out().resolve(RunOutputs.CLUSTERS)));
        assertThat(again.summary().topClusters()).isEqualTo(clean.summary().topClusters());
        assertThat(again.summary().meanLfkNmi()).isEqualTo(clean.summary().meanLfkNmi());
        assertThat(again.summary().meanNmi()).isEqualTo(clean.summary().meanNmi());
        assertThat(again.summary().protomemes()).isEqualTo(clean.summary().protomemes());
    }

    @Test
    void badLinesAreCountedByReasonAndDoNotChangeTheClusters() throws IOException {
        final List<String> lines = Files.readAllLines(tweets);
        final List<String> dirty = new ArrayList<>();
        int malformed = 0;
        int missing = 0;
        int wrongType = 0;
        for (int i = 0; i < lines.size(); i++) {
            final String line = lines.get(i);
            if (i % 997 == 13) {
                dirty.add(line.substring(0, line.length() / 2));
                dirty.add("{not json at all");
                malformed += 2;
            }
            if (i % 1009 == 500) {
                dirty.add(withField(line, "user", null));
                missing++;
            }
            if (i % 1013 == 700) {
                dirty.add(withField(line, "text", MAPPER.getNodeFactory().numberNode(42)));
                dirty.add(withField(line, "user", MAPPER.getNodeFactory().textNode("somebody")));
                dirty.add(withField(line, "created_at", MAPPER.getNodeFactory().booleanNode(true)));
                wrongType += 3;
            }
            if (i % 2000 == 1) {
                dirty.add("");
            }
            dirty.add(line);
        }
        final Path dirtyFile = dir.resolve("tweets-dirty.jsonl");
        Files.write(dirtyFile, dirty);

        final Run run = run(dirtyFile, dir.resolve("out-dirty"));

        assertThat(run.summary().tweets()).isEqualTo(TWEETS);
        assertThat(run.summary().rejected()).isEqualTo(malformed + missing + wrongType);
        assertThat(run.summary().rejectedByReason()).containsExactlyInAnyOrderEntriesOf(Map.of(
            "malformed-json", (long) malformed, "missing-field", (long) missing, "wrong-type", (long) wrongType));
        assertThat(run.deadLetters().kept()).allSatisfy(r -> {
            assertThat(r.line()).isPositive();
            assertThat(dirty.get((int) r.line() - 1)).isEqualTo(r.record());
        });
        final JsonNode summary = MAPPER.readTree(run.out().resolve(RunOutputs.SUMMARY).toFile());
        assertThat(summary.get("result").get("rejectedByReason").get("wrong-type").asLong()).isEqualTo(wrongType);

        assertThat(Files.readAllLines(run.out().resolve(RunOutputs.CLUSTERS)))
            .isEqualTo(Files.readAllLines(clean.out().resolve(RunOutputs.CLUSTERS)));
        assertThat(withoutTiming(run.out(), "rejectedSoFar")).isEqualTo(withoutTiming(clean.out(), "rejectedSoFar"));
        assertThat(run.summary().topClusters()).isEqualTo(clean.summary().topClusters());
        assertThat(run.summary().meanLfkNmi()).isEqualTo(clean.summary().meanLfkNmi());
    }

    private static String withField(final String line, final String field, final JsonNode value) {
        try {
            final ObjectNode node = (ObjectNode) MAPPER.readTree(line);
            if (value == null) {
                node.remove(field);
            } else {
                node.set(field, value);
            }
            return MAPPER.writeValueAsString(node);
        } catch (final IOException e) {
            throw new AssertionError(e);
        }
    }

    /** steps.jsonl without its timing fields (and any others named). */
    private static List<JsonNode> withoutTiming(final Path out, final String... alsoDrop) throws IOException {
        final List<JsonNode> result = new ArrayList<>();
        for (final String line : Files.readAllLines(out.resolve(RunOutputs.STEPS))) {
            final ObjectNode node = (ObjectNode) MAPPER.readTree(line);
            node.remove("clusteringMillis");
            node.remove(Arrays.asList(alsoDrop));
            result.add(node);
        }
        return result;
    }

    private static byte[] magic(final Path png) throws IOException {
        assertThat(png).exists();
        return Arrays.copyOf(Files.readAllBytes(png), PNG_MAGIC.length);
    }
}
