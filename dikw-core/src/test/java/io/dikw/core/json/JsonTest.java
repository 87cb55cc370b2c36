package io.dikw.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {

    record Point(String name, double value) {
    }

    record Stamp(Instant at, LocalDate day, Duration took, Date legacy) {
    }

    @Test
    void shouldIgnoreUnknownProperties() throws Exception {
        final Point p = Json.mapper().readValue("{\"name\":\"a\",\"value\":1.5,\"added\":true}", Point.class);
        assertThat(p).isEqualTo(new Point("a", 1.5));
    }

    @Test
    void shouldWriteOneLineWithoutIndentation() throws Exception {
        final String json = Json.mapper().writeValueAsString(Map.of("text", "two\nlines", "list", List.of(1, 2)));
        assertThat(json).doesNotContain("\n").contains("\\n");
    }

    @Test
    void shouldWriteDatesAsIsoStringsAndReadThemBack() throws Exception {
        final Stamp stamp = new Stamp(Instant.parse("2024-05-10T22:28:00Z"), LocalDate.parse("2024-05-10"),
            Duration.ofMillis(1500), new Date(0));
        final String json = Json.mapper().writeValueAsString(stamp);
        assertThat(json).isEqualTo("{\"at\":\"2024-05-10T22:28:00Z\",\"day\":\"2024-05-10\","
            + "\"took\":\"PT1.5S\",\"legacy\":\"1970-01-01T00:00:00.000+00:00\"}");
        assertThat(Json.mapper().readValue(json, Stamp.class)).isEqualTo(stamp);
    }

    @Test
    void shouldExplainABadDate() {
        assertThatThrownBy(() -> Json.mapper().readValue("{\"at\":\"yesterday\"}", Stamp.class))
            .isInstanceOf(JsonMappingException.class)
            .hasMessageContaining("yesterday")
            .hasMessageContaining("ISO-8601");
    }

    @Test
    void shouldWritePrettyFileCreatingParentDirectories(@TempDir final Path dir) throws Exception {
        final Path file = dir.resolve("results/run-1/summary.json");
        Json.writeFile(file, new Point("nmi", 0.75));
        final String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains("\n  \"name\" : \"nmi\"").endsWith("}\n");
        final JsonNode node = Json.mapper().readTree(text);
        assertThat(node.get("value").asDouble()).isEqualTo(0.75);
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void shouldReplaceAnExistingFile(@TempDir final Path dir) throws Exception {
        final Path file = dir.resolve("r.json");
        Json.writeFile(file, new Point("a", 1));
        Json.writeFile(file, new Point("b", 2));
        assertThat(Json.mapper().readValue(file.toFile(), Point.class)).isEqualTo(new Point("b", 2));
    }

    @Test
    void aParseProblemIsToldWithoutJacksonsNoteOnTheSource() {
        final JsonProcessingException e = catchThrowableOfType(() -> Json.mapper().readTree("{\"a\": [1, 2"),
            JsonProcessingException.class);
        assertThat(Json.problem(e)).contains("[line: 1, column: ").doesNotContain("Source", "REDACTED");
    }

    @Test
    void aWrittenFileIsReadableByAllAsResultFilesAre(@TempDir final Path dir) throws Exception {
        final Path file = dir.resolve("out.json");
        Json.writeFile(file, Map.of("a", 1));
        Assumptions.assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertThat(Files.getPosixFilePermissions(file)).contains(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
    }
}
