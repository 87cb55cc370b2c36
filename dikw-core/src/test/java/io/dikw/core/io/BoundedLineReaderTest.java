package io.dikw.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

    /** A line as read: its text and whether it was cut. */
    private record Line(String text, boolean oversized, long number) {
    }

    @Test
    void rejectsANonPositiveLimit() {
        assertThatThrownBy(() -> new BoundedLineReader(new StringReader(""), 0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxChars=0");
        assertThatThrownBy(() -> new BoundedLineReader(new StringReader(""), -5))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxChars=-5");
    }

    @Test
    void emptyInputHasNoLines() throws IOException {
        final BoundedLineReader reader = new BoundedLineReader(new StringReader(""), 10);
        assertThat(reader.readLine()).isNull();
        assertThat(reader.lineNumber()).isZero();
        assertThat(reader.readLine()).isNull();
    }

    @Test
    void splitsOnNewlines() throws IOException {
        assertThat(readAll("one\ntwo\nthree\n", 100))
            .containsExactly(new Line("one", false, 1), new Line("two", false, 2), new Line("three", false, 3));
    }

    @Test
    void stripsCarriageReturnOfCrLfEndings() throws IOException {
        assertThat(texts(readAll("one\r\ntwo\r\n", 100))).containsExactly("one", "two");
    }

    @Test
    void keepsACarriageReturnInsideALine() throws IOException {
        assertThat(texts(readAll("a\rb\n", 100))).containsExactly("a\rb");
    }

    @Test
    void mixesLfAndCrLfEndings() throws IOException {
        assertThat(texts(readAll("a\r\nb\nc\r\nd", 100))).containsExactly("a", "b", "c", "d");
    }

    @Test
    void returnsTheLastLineWithoutANewline() throws IOException {
        assertThat(readAll("first\nlast", 100))
            .containsExactly(new Line("first", false, 1), new Line("last", false, 2));
    }

    @Test
    void aTrailingNewlineDoesNotAddAnEmptyLine() throws IOException {
        assertThat(texts(readAll("x\n", 100))).containsExactly("x");
    }

    @Test
    void returnsEmptyLinesAsEmptyStrings() throws IOException {
        assertThat(readAll("\n\r\na\n\n", 100)).containsExactly(
            new Line("", false, 1), new Line("", false, 2), new Line("a", false, 3), new Line("", false, 4));
    }

    @Test
    void truncatesALineLongerThanTheLimitAndReadsTheNextLineWhole() throws IOException {
        assertThat(readAll("abcdefgh\nxy\nabcdefghij", 5)).containsExactly(
            new Line("abcde", true, 1), new Line("xy", false, 2), new Line("abcde", true, 3));
    }

    @Test
    void truncatesAnOversizedCrLfLine() throws IOException {
        assertThat(readAll("abcdefgh\r\nxy\r\n", 5))
            .containsExactly(new Line("abcde", true, 1), new Line("xy", false, 2));
    }

    @Test
    void keepsALineExactlyAtTheLimitWhole() throws IOException {
        assertThat(readAll("abcde\nabcdef\nabcd\nabcde", 5)).containsExactly(
            new Line("abcde", false, 1), new Line("abcdef".substring(0, 5), true, 2),
            new Line("abcd", false, 3), new Line("abcde", false, 4));
    }

    @Test
    void keepsACrLfLineExactlyAtTheLimitWhole() throws IOException {
        assertThat(readAll("abcde\r\nxy\r\n", 5))
            .containsExactly(new Line("abcde", false, 1), new Line("xy", false, 2));
    }

    @Test
    void oversizedFlagIsResetForTheNextLine() throws IOException {
        final BoundedLineReader reader = new BoundedLineReader(new StringReader("toolong\nok\n"), 3);
        assertThat(reader.readLine()).isEqualTo("too");
        assertThat(reader.lastLineOversized()).isTrue();
        assertThat(reader.readLine()).isEqualTo("ok");
        assertThat(reader.lastLineOversized()).isFalse();
        assertThat(reader.readLine()).isNull();
        assertThat(reader.lastLineOversized()).isFalse();
    }

    @Test
    void lineNumberStaysAtTheLastLineAfterTheEnd() throws IOException {
        final BoundedLineReader reader = new BoundedLineReader(new StringReader("a\nb"), 10);
        reader.readLine();
        assertThat(reader.lineNumber()).isEqualTo(1);
        reader.readLine();
        assertThat(reader.lineNumber()).isEqualTo(2);
        assertThat(reader.readLine()).isNull();
        assertThat(reader.lineNumber()).isEqualTo(2);
    }

    @Test
    void readsLinesSpanningManyBufferFills() throws IOException {
        final String longLine = "y".repeat(20_000);
        final String text = "a\n" + longLine + "\r\n" + "b".repeat(8191) + "\r\nend";
        assertThat(readAll(text, 50_000)).containsExactly(new Line("a", false, 1), new Line(longLine, false, 2),
            new Line("b".repeat(8191), false, 3), new Line("end", false, 4));
    }

    @Test
    void handlesACrLfSplitAcrossTwoReads() throws IOException {
        final Reader reader = new ChunkedReader("abc\r\ndef\r\n", new int[] {4, 1, 3, 2});
        final BoundedLineReader lines = new BoundedLineReader(reader, 100);
        assertThat(lines.readLine()).isEqualTo("abc");
        assertThat(lines.readLine()).isEqualTo("def");
        assertThat(lines.readLine()).isNull();
    }

    @Test
    void aHugeLineWithoutNewlineIsCutWithoutHoldingIt() throws IOException {
        final int huge = 5 * 1024 * 1024;
        final int limit = 1024;
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final BoundedLineReader reader = new BoundedLineReader(new RepeatingReader('z', huge, "\nnext\n"), limit);
        final long tid = Thread.currentThread().getId();
        final long before = threads.getThreadAllocatedBytes(tid);
        final String first = reader.readLine();
        final long allocated = threads.getThreadAllocatedBytes(tid) - before;
        assertThat(first).hasSize(limit).matches("z+");
        assertThat(reader.lastLineOversized()).isTrue();
        // Holding the line would take 10 MB (UTF-16); the reader needs its 16 KiB buffer and the result.
        assertThat(allocated).isLessThan(256 * 1024);
        assertThat(reader.readLine()).isEqualTo("next");
        assertThat(reader.lastLineOversized()).isFalse();
        assertThat(reader.lineNumber()).isEqualTo(2);
        assertThat(reader.readLine()).isNull();
    }

    @Test
    void closeClosesTheUnderlyingReader() throws IOException {
        final boolean[] closed = {false};
        final Reader in = new StringReader("x") {
            @Override
            public void close() {
                closed[0] = true;
                super.close();
            }
        };
        new BoundedLineReader(in, 10).close();
        assertThat(closed[0]).isTrue();
    }

    @Property(tries = 300)
    void readsLfLinesLikeASplitWhateverTheChunking(
        @ForAll @Size(max = 12) final List<@StringLength(max = 30) @CharRange(from = 'a', to = 'e') String> lines,
        @ForAll final boolean trailingNewline,
        @ForAll @IntRange(min = 1, max = 40) final int limit,
        @ForAll final Random random) throws IOException {
        final String text = String.join("\n", lines) + (trailingNewline && !lines.isEmpty() ? "\n" : "");
        final List<Line> expected = new ArrayList<>();
        if (!text.isEmpty()) {
            // BufferedReader's rule: a final newline ends the last line rather than starting an empty one.
            final String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            long n = 0;
            for (final String l : body.split("\n", -1)) {
                final boolean cut = l.length() > limit;
                expected.add(new Line(cut ? l.substring(0, limit) : l, cut, ++n));
            }
        }
        assertThat(readAll(new ChunkedReader(text, random), limit)).isEqualTo(expected);
    }

    @Property(tries = 200)
    void readsCrLfLinesUnderALargeLimitWhateverTheChunking(
        @ForAll @Size(max = 12) final List<@StringLength(max = 30) @CharRange(from = 'a', to = 'e') String> lines,
        @ForAll final Random random) throws IOException {
        final StringBuilder text = new StringBuilder();
        for (final String l : lines) {
            text.append(l).append("\r\n");
        }
        assertThat(texts(readAll(new ChunkedReader(text.toString(), random), 31))).isEqualTo(lines);
    }

    private static List<Line> readAll(final String text, final int limit) throws IOException {
        return readAll(new StringReader(text), limit);
    }

    private static List<Line> readAll(final Reader in, final int limit) throws IOException {
        final List<Line> out = new ArrayList<>();
        try (BoundedLineReader reader = new BoundedLineReader(in, limit)) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.add(new Line(line, reader.lastLineOversized(), reader.lineNumber()));
            }
        }
        return out;
    }

    private static List<String> texts(final List<Line> lines) {
        return lines.stream().map(Line::text).toList();
    }

    /** Hands out a text in chunks of given or random sizes, as a slow stream would. */
    private static final class ChunkedReader extends Reader {
        private final String text;
        private final int[] sizes;
        private final Random random;
        private int at;
        private int call;

        ChunkedReader(final String text, final int[] sizes) {
            this.text = text;
            this.sizes = sizes.clone();
            this.random = null;
        }

        ChunkedReader(final String text, final Random random) {
            this.text = text;
            this.sizes = null;
            this.random = random;
        }

        @Override
        public int read(final char[] cbuf, final int off, final int len) {
            if (at >= text.length()) {
                return -1;
            }
            final int want = sizes != null ? (call < sizes.length ? sizes[call] : len) : 1 + random.nextInt(7);
            call++;
            final int n = Math.min(Math.min(want, len), text.length() - at);
            text.getChars(at, at + n, cbuf, off);
            at += n;
            return n;
        }

        @Override
        public void close() {
        }
    }

    /** {@code count} copies of one character, then a tail, produced on demand without a backing string. */
    private static final class RepeatingReader extends Reader {
        private final char c;
        private final long count;
        private final String tail;
        private long at;

        RepeatingReader(final char c, final long count, final String tail) {
            this.c = c;
            this.count = count;
            this.tail = tail;
        }

        @Override
        public int read(final char[] cbuf, final int off, final int len) {
            final long total = count + tail.length();
            if (at >= total) {
                return -1;
            }
            int n = 0;
            if (at < count) {
                n = (int) Math.min(len, count - at);
                Arrays.fill(cbuf, off, off + n, c);
            } else {
                final int from = (int) (at - count);
                n = Math.min(len, tail.length() - from);
                tail.getChars(from, from + n, cbuf, off);
            }
            at += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
