package io.dikw.core.io;

import io.dikw.core.json.Json;

import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes JSON lines (one compact JSON value per line, see jsonlines.org) with the shared
 * {@link Json#mapper()}. A value is serialized completely before anything is written, so a value
 * that cannot be serialized leaves the output untouched and the count unchanged.
 * Thread-safe: lines from concurrent writers never interleave.
 */
public final class JsonLinesWriter implements AutoCloseable, Flushable {

    private final Writer out;
    private long count;
    private boolean closed;

    /**
     * Wraps a writer; closing this closes it.
     *
     * @param out where the lines go (buffer it; this class does not).
     */
    public JsonLinesWriter(final Writer out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Creates (or truncates) a JSON lines file with {@link InputFiles#create(Path)}: gzip for
     * {@code .gz} names, {@code -} for standard output, parent directories created.
     *
     * @param file the file to write.
     * @return a writer for it.
     * @throws IOException if the file cannot be created.
     */
    public static JsonLinesWriter create(final Path file) throws IOException {
        return new JsonLinesWriter(InputFiles.create(file));
    }

    /**
     * Writes one value as one line.
     *
     * @param value a value Jackson can serialize (a record, a map, a bean, ...).
     * @throws IOException           if the value cannot be serialized or the line cannot be written.
     * @throws IllegalStateException if this writer is closed.
     */
    public synchronized void write(final Object value) throws IOException {
        if (closed) {
            throw new IllegalStateException("JsonLinesWriter is closed");
        }
        final String line = Json.mapper().writeValueAsString(value);
        out.write(line);
        out.write('\n');
        count++;
    }

    /**
     * The number of lines written so far.
     *
     * @return lines written.
     */
    public synchronized long count() {
        return count;
    }

    /** Flushes buffered lines to the underlying writer. */
    @Override
    public synchronized void flush() throws IOException {
        if (!closed) {
            out.flush();
        }
    }

    /** Flushes and closes the underlying writer; closing twice does nothing. */
    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }
}
