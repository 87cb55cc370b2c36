package io.dikw.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

    private static final String TEXT = "first line\nzweite Zeile \u00e4\u00f6\u00fc\n\u4e09\n";

    @Test
    void shouldReadPlainUtf8File(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("plain.txt");
        Files.writeString(file, TEXT, StandardCharsets.UTF_8);
        assertThat(readAll(file)).containsExactly("first line", "zweite Zeile \u00e4\u00f6\u00fc", "\u4e09");
    }

    @Test
    void shouldReadGzipFile(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("data.txt.gz");
        gzip(file, TEXT);
        assertThat(readAll(file)).containsExactly("first line", "zweite Zeile \u00e4\u00f6\u00fc", "\u4e09");
    }

    @Test
    void shouldDetectGzipByContentNotByName(@TempDir final Path dir) throws IOException {
        final Path gzipNamedPlain = dir.resolve("data.json");
        gzip(gzipNamedPlain, TEXT);
        assertThat(readAll(gzipNamedPlain)).hasSize(3).startsWith("first line");

        final Path plainNamedGz = dir.resolve("plain.gz");
        Files.writeString(plainNamedGz, TEXT, StandardCharsets.UTF_8);
        assertThat(readAll(plainNamedGz)).hasSize(3).startsWith("first line");
    }

    @Test
    void shouldReadEmptyAndOneByteFiles(@TempDir final Path dir) throws IOException {
        final Path empty = dir.resolve("empty");
        Files.write(empty, new byte[0]);
        assertThat(readAll(empty)).isEmpty();
        final Path one = dir.resolve("one");
        Files.write(one, new byte[] {0x1f});
        assertThat(readAll(one)).hasSize(1);
    }

    @Test
    void shouldNameTheMissingPathAndSayWhatToDo(@TempDir final Path dir) {
        final Path missing = dir.resolve("no-such-file.json");
        assertThatThrownBy(() -> InputFiles.open(missing))
            .isInstanceOf(NoSuchFileException.class)
            .hasMessageContaining(missing.toString())
            .hasMessageContaining("check the path");
    }

    @Test
    void shouldRefuseADirectoryWithAClearMessage(@TempDir final Path dir) {
        assertThatThrownBy(() -> InputFiles.open(dir))
            .isInstanceOf(IOException.class)
            .hasMessageContaining(dir.toString())
            .hasMessageContaining("directory");
    }

    @Test
    void shouldReadStandardInputForDashWithoutClosingIt() throws IOException {
        final InputStream saved = System.in;
        final boolean[] closed = {false};
        try {
            System.setIn(new java.io.ByteArrayInputStream(gzipBytes("from stdin\n")) {
                @Override
                public void close() {
                    closed[0] = true;
                }
            });
            assertThat(readAll(Path.of("-"))).containsExactly("from stdin");
            assertThat(closed[0]).isFalse();
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void shouldCreateGzipWhenNameEndsInGzAndCreateParents(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("a/b/out.jsonl.GZ");
        try (BufferedWriter out = InputFiles.create(file)) {
            out.write(TEXT);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(TEXT);
        }
        assertThat(readAll(file)).hasSize(3);
    }

    @Test
    void shouldCreatePlainFileOtherwise(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("c/out.txt");
        try (BufferedWriter out = InputFiles.create(file)) {
            out.write(TEXT);
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(TEXT);
    }

    private static List<String> readAll(final Path file) throws IOException {
        try (BufferedReader in = InputFiles.open(file)) {
            return in.lines().collect(Collectors.toList());
        }
    }

    private static void gzip(final Path file, final String text) throws IOException {
        Files.write(file, gzipBytes(text));
    }

    private static byte[] gzipBytes(final String text) throws IOException {
        final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
