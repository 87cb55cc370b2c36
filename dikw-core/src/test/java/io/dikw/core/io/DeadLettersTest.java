package io.dikw.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dikw.core.json.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLettersTest {

    @Test
    void shouldNotCreateAFileWhenNothingIsRejected(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("dead/letters.jsonl");
        try (DeadLetters dead = DeadLetters.toFile(file)) {
            assertThat(dead.count()).isZero();
            assertThat(dead.file()).contains(file);
        }
        assertThat(file).doesNotExist();
        assertThat(file.getParent()).doesNotExist();
    }

    @Test
    void shouldWriteOneJsonLinePerRejectionWithLocationAndReason(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("dead/letters.jsonl");
        try (DeadLetters dead = DeadLetters.toFile(file)) {
            dead.reject("tweets.json", 3, "malformed-json", "{oops");
            dead.reject("tweets.json", 7, "missing-field", "no 'text' field", "{\"id\":1}");
            assertThat(file).exists();
        }
        final List<JsonNode> lines = readLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).toString())
            .isEqualTo("{\"source\":\"tweets.json\",\"line\":3,\"reason\":\"malformed-json\",\"record\":\"{oops\"}");
        assertThat(lines.get(1).get("detail").asText()).isEqualTo("no 'text' field");
        assertThat(lines.get(1).get("record").asText()).isEqualTo("{\"id\":1}");
        assertThat(lines.get(1).get("line").asLong()).isEqualTo(7);
    }

    @Test
    void shouldCountTotalAndPerReasonSorted() throws IOException {
        try (DeadLetters dead = DeadLetters.inMemory(10)) {
            dead.reject("s", 1, "too-long", "x");
            dead.reject("s", 2, "malformed-json", "y");
            dead.reject("s", 3, "malformed-json", "z");
            assertThat(dead.count()).isEqualTo(3);
            final Map<String, Long> byReason = dead.countsByReason();
            assertThat(byReason).containsExactly(Map.entry("malformed-json", 2L), Map.entry("too-long", 1L));
            assertThatThrownBy(() -> byReason.put("x", 1L)).isInstanceOf(UnsupportedOperationException.class);
            assertThat(dead.summary()).isEqualTo("3 rejected (malformed-json=2, too-long=1)");
            assertThat(dead.file()).isEmpty();
        }
    }

    @Test
    void shouldKeepOnlyTheFirstRejectionsInMemoryButCountAll() throws IOException {
        try (DeadLetters dead = DeadLetters.inMemory(2)) {
            for (int i = 1; i <= 5; i++) {
                dead.reject("s", i, "bad", "r" + i);
            }
            assertThat(dead.count()).isEqualTo(5);
            assertThat(dead.kept()).extracting(DeadLetters.Rejection::record).containsExactly("r1", "r2");
        }
    }

    @Test
    void shouldTruncateOversizedRecordsWithAMarker() throws IOException {
        final String huge = "x".repeat(1_000_000);
        try (DeadLetters dead = DeadLetters.inMemory(1)) {
            dead.reject("s", 1, "too-long", huge);
            final String kept = dead.kept().get(0).record();
            assertThat(kept).startsWith("x".repeat(DeadLetters.MAX_RECORD_CHARS))
                .endsWith("[truncated: 1000000 chars in total]")
                .hasSizeLessThan(DeadLetters.MAX_RECORD_CHARS + 64);
        }
    }

    @Test
    void shouldNotSplitASurrogatePairWhenTruncating() {
        final String record = "a".repeat(DeadLetters.MAX_RECORD_CHARS - 1) + "\uD83D\uDE00" + "tail";
        final String cut = DeadLetters.truncate(record);
        assertThat(cut).startsWith("a".repeat(DeadLetters.MAX_RECORD_CHARS - 1) + "...");
    }

    @Test
    void shouldAcceptNullRecordAndRefuseAfterClose() throws IOException {
        final DeadLetters dead = DeadLetters.inMemory(1);
        dead.reject("s", 0, "empty", null);
        assertThat(dead.kept().get(0).record()).isNull();
        dead.close();
        assertThatThrownBy(() -> dead.reject("s", 1, "bad", "r")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldCountEveryRejectionFromManyThreads(@TempDir final Path dir) throws Exception {
        final Path file = dir.resolve("dead.jsonl.gz");
        final int threads = 8;
        final int each = 500;
        try (DeadLetters dead = DeadLetters.toFile(file)) {
            final ExecutorService pool = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                final String source = "worker-" + t;
                pool.submit(() -> {
                    for (int i = 1; i <= each; i++) {
                        dead.reject(source, i, i % 2 == 0 ? "even" : "odd", "record " + i);
                    }
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(dead.count()).isEqualTo((long) threads * each);
            assertThat(dead.countsByReason()).containsEntry("even", (long) threads * each / 2);
        }
        assertThat(readLines(file)).hasSize(threads * each);
    }

    private static List<JsonNode> readLines(final Path file) throws IOException {
        try (BufferedReader in = InputFiles.open(file)) {
            return in.lines().map(line -> {
                try {
                    return Json.mapper().readTree(line);
                } catch (final IOException e) {
                    throw new AssertionError(e);
                }
            }).toList();
        }
    }
}
