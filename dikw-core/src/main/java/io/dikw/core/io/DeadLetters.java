package io.dikw.core.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Where long-running jobs keep the input they reject, so bad input never crashes a job and never
 * vanishes: each rejection is counted by reason and kept with its location.
 *
 * <p>{@link #toFile(Path)} writes one JSON line per rejection,
 * {@code {"source":"tweets.json.gz","line":42,"reason":"malformed-json","detail":"...","record":"..."}}.
 * The file is created on the first rejection only, so a clean run leaves no empty file behind.
 * {@link #inMemory(int)} keeps the first rejections in memory, for tests and embedding.
 *
 * <p>A record longer than {@link #MAX_RECORD_CHARS} is cut and marked, so one oversized line
 * cannot blow memory or the dead-letter file. Thread-safe.
 */
public final class DeadLetters implements AutoCloseable {

    /** Longest record kept, in characters (8 KiB); longer ones are cut and end with a marker. */
    public static final int MAX_RECORD_CHARS = 8 * 1024;

    private static final long FLUSH_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    /**
     * One rejected input record, as written to the dead-letter file.
     *
     * @param source where the record came from (file name, topic, endpoint).
     * @param line   its 1-based line (or record) number in the source; 0 or less if unknown.
     * @param reason short category such as {@code malformed-json} (what {@link #countsByReason} counts).
     * @param detail optional explanation, e.g. the parser's message; null if none (then omitted).
     * @param record the rejected text, cut to {@link #MAX_RECORD_CHARS} with a marker; may be null.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"source", "line", "reason", "detail", "record"})
    public record Rejection(String source, long line, String reason, String detail, String record) {
    }

    private final Path file;
    private final int keepAtMost;
    private final List<Rejection> kept = new ArrayList<>();
    private final Map<String, Long> counts = new HashMap<>();
    private JsonLinesWriter writer;
    private long count;
    private long lastFlushNanos;
    private boolean closed;

    private DeadLetters(final Path file, final int keepAtMost) {
        this.file = file;
        this.keepAtMost = keepAtMost;
    }

    /**
     * Dead letters written to a JSON lines file (gzip if the name ends in {@code .gz}), created
     * with its parent directories on the first rejection and replaced if it already exists.
     *
     * @param file the dead-letter file.
     * @return dead letters writing to {@code file}.
     */
    public static DeadLetters toFile(final Path file) {
        return new DeadLetters(Objects.requireNonNull(file, "file"), 0);
    }

    /**
     * Dead letters kept in memory: all are counted, the first {@code keepAtMost} are kept.
     *
     * @param keepAtMost how many rejections to keep (0 or more).
     * @return in-memory dead letters.
     */
    public static DeadLetters inMemory(final int keepAtMost) {
        if (keepAtMost < 0) {
            throw new IllegalArgumentException("keepAtMost=" + keepAtMost + " must be >= 0");
        }
        return new DeadLetters(null, keepAtMost);
    }

    /**
     * Rejects one input record without a detail message.
     *
     * @param source     where the record came from.
     * @param lineNumber its 1-based line number in the source (0 or less if unknown).
     * @param reason     short category, e.g. {@code malformed-json}.
     * @param record     the rejected text (may be null).
     * @throws UncheckedIOException  if the dead-letter file cannot be written (the rejection is still counted).
     * @throws IllegalStateException if closed.
     */
    public void reject(final String source, final long lineNumber, final String reason, final String record) {
        reject(source, lineNumber, reason, null, record);
    }

    /**
     * Rejects one input record.
     *
     * @param source     where the record came from.
     * @param lineNumber its 1-based line number in the source (0 or less if unknown).
     * @param reason     short category, e.g. {@code malformed-json}; counted in {@link #countsByReason()}.
     * @param detail     explanation such as the parser's message (may be null).
     * @param record     the rejected text (may be null); cut to {@link #MAX_RECORD_CHARS}.
     * @throws UncheckedIOException  if the dead-letter file cannot be written (the rejection is still counted).
     * @throws IllegalStateException if closed.
     */
    public synchronized void reject(
        final String source, final long lineNumber, final String reason, final String detail, final String record) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        if (closed) {
            throw new IllegalStateException("DeadLetters is closed; rejected " + source + ":" + lineNumber);
        }
        count++;
        counts.merge(reason, 1L, Long::sum);
        final Rejection rejection = new Rejection(source, lineNumber, reason, detail, truncate(record));
        if (file == null) {
            if (kept.size() < keepAtMost) {
                kept.add(rejection);
            }
            return;
        }
        try {
            if (writer == null) {
                writer = JsonLinesWriter.create(file);
                lastFlushNanos = System.nanoTime();
            }
            writer.write(rejection);
            final long now = System.nanoTime();
            if (now - lastFlushNanos >= FLUSH_INTERVAL_NANOS) {
                writer.flush();
                lastFlushNanos = now;
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write dead letter to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The number of rejections so far.
     *
     * @return total rejections.
     */
    public synchronized long count() {
        return count;
    }

    /**
     * Rejections per reason.
     *
     * @return an unmodifiable copy sorted by reason.
     */
    public synchronized Map<String, Long> countsByReason() {
        return Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    /**
     * The rejections kept in memory ({@link #inMemory(int)}); always empty for {@link #toFile(Path)}.
     *
     * @return an unmodifiable copy, in order of rejection.
     */
    public synchronized List<Rejection> kept() {
        return List.copyOf(kept);
    }

    /**
     * The dead-letter file, if writing to one. It exists only once something has been rejected.
     *
     * @return the file, or empty for in-memory dead letters.
     */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * A one-line summary for logs and command output, e.g.
     * {@code 3 rejected (malformed-json=2, too-long=1) -> dead.jsonl}.
     *
     * @return the summary.
     */
    public synchronized String summary() {
        if (count == 0) {
            return "0 rejected";
        }
        final StringBuilder sb = new StringBuilder().append(count).append(" rejected (");
        String separator = "";
        for (final Map.Entry<String, Long> e : new TreeMap<>(counts).entrySet()) {
            sb.append(separator).append(e.getKey()).append('=').append(e.getValue());
            separator = ", ";
        }
        sb.append(')');
        if (file != null) {
            sb.append(" -> ").append(file);
        }
        return sb.toString();
    }

    /**
     * Flushes rejections written so far to the file (they are also flushed at least once a
     * second while rejections keep coming, and on close).
     *
     * @throws IOException if the file cannot be written.
     */
    public synchronized void flush() throws IOException {
        if (writer != null) {
            writer.flush();
            lastFlushNanos = System.nanoTime();
        }
    }

    /** Flushes and closes the file, if one was created; closing twice does nothing. */
    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            if (writer != null) {
                writer.close();
            }
        }
    }

    static String truncate(final String record) {
        if (record == null || record.length() <= MAX_RECORD_CHARS) {
            return record;
        }
        int end = MAX_RECORD_CHARS;
        if (Character.isHighSurrogate(record.charAt(end - 1))) {
            end--; // never split a surrogate pair
        }
        return record.substring(0, end) + "...[truncated: " + record.length() + " chars in total]";
    }
}
