package io.dikw.social.tweet;

import io.dikw.core.io.BoundedLineReader;
import io.dikw.core.io.DeadLetters;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Reads tweets from JSON lines, one record per line, in either API shape. A bad line (malformed
 * JSON, a missing field, a wrong type, a stream notice, an oversized record) is counted, sent to
 * the {@link DeadLetters} with its line number and reason, and skipped: the stream goes on and
 * nothing is dropped silently. Blank lines are skipped without complaint.
 */
public final class TweetReader implements Closeable {
    /** Longest record accepted, in characters: a tweet with every expansion is far smaller. */
    public static final int MAX_RECORD_CHARS = 1 << 20;

    private final BoundedLineReader lines;
    private final String source;
    private final DeadLetters deadLetters;
    private final TweetParser parser = new TweetParser();
    private final ArrayDeque<Tweet> pending = new ArrayDeque<>();
    private long tweets;
    private long rejected;

    /**
     * @param in the JSON lines
     * @param source a name for the input used in dead letters (a file name, "stdin")
     * @param deadLetters where rejected lines go
     */
    public TweetReader(final Reader in, final String source, final DeadLetters deadLetters) {
        this.lines = new BoundedLineReader(in, MAX_RECORD_CHARS);
        this.source = source;
        this.deadLetters = deadLetters;
    }

    /**
     * @return the next tweet, or null at the end of the input
     * @throws IOException when reading fails (bad records never throw)
     */
    public Tweet next() throws IOException {
        while (pending.isEmpty()) {
            final String line = lines.readLine();
            if (line == null) {
                return null;
            }
            if (lines.lastLineOversized()) {
                reject(TweetFormatException.Reason.OVERSIZED.label(),
                    "record longer than " + MAX_RECORD_CHARS + " characters", line);
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            try {
                final List<Tweet> parsed = parser.parse(line);
                pending.addAll(parsed);
            } catch (final TweetFormatException e) {
                reject(e.reason().label(), e.getMessage(), line);
            }
        }
        tweets++;
        return pending.poll();
    }

    private void reject(final String reason, final String detail, final String line) {
        rejected++;
        deadLetters.reject(source, lines.lineNumber(), reason, detail, line);
    }

    /** @return tweets returned so far */
    public long tweetsRead() {
        return tweets;
    }

    /** @return lines rejected so far */
    public long rejected() {
        return rejected;
    }

    /** @return the number of the last line read */
    public long lineNumber() {
        return lines.lineNumber();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
