package io.dikw.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dikw.core.json.Json;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesWriterTest {

    record Item(String id, int n) {
    }

    @Test
    void shouldWriteOneObjectPerLineAndCount() throws IOException {
        final StringWriter text = new StringWriter();
        try (JsonLinesWriter out = new JsonLinesWriter(text)) {
            out.write(new Item("a", 1));
            out.write(Map.of("note", "with\nnewline"));
            assertThat(out.count()).isEqualTo(2);
        }
        assertThat(text.toString()).isEqualTo("{\"id\":\"a\",\"n\":1}\n{\"note\":\"with\\nnewline\"}\n");
    }

    @Test
    void shouldLeaveOutputUntouchedWhenAValueCannotBeSerialized() throws IOException {
        final StringWriter text = new StringWriter();
        try (JsonLinesWriter out = new JsonLinesWriter(text)) {
            assertThatThrownBy(() -> out.write(new Object())).isInstanceOf(IOException.class);
            assertThat(out.count()).isZero();
        }
        assertThat(text.toString()).isEmpty();
    }

    @Test
    void shouldRefuseWritesAfterClose() throws IOException {
        final JsonLinesWriter out = new JsonLinesWriter(new StringWriter());
        out.close();
        out.close();
        assertThatThrownBy(() -> out.write(new Item("a", 1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldWriteGzipFileReadableByInputFiles(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("out/items.jsonl.gz");
        try (JsonLinesWriter out = JsonLinesWriter.create(file)) {
            for (int i = 0; i < 3; i++) {
                out.write(new Item("id" + i, i));
            }
        }
        try (var in = InputFiles.open(file)) {
            final List<Item> items = in.lines().map(line -> read(line)).toList();
            assertThat(items).containsExactly(new Item("id0", 0), new Item("id1", 1), new Item("id2", 2));
        }
    }

    private static Item read(final String line) {
        try {
            return Json.mapper().readValue(line, Item.class);
        } catch (final IOException e) {
            throw new AssertionError(e);
        }
    }
}
