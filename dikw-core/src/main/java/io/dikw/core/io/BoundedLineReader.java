package io.dikw.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines like {@link java.io.BufferedReader#readLine()} but never holds more than a set
 * number of characters of one line, so a hostile or corrupt input (a gigabyte without a newline)
 * cannot exhaust memory. A longer line is returned truncated with {@link #lastLineOversized()}
 * set, and the rest of it is skipped, so the caller can reject it and go on.
 */
public final class BoundedLineReader implements Closeable {
    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder(256);
    private int pos;
    private int limit;
    private long lineNumber;
    private boolean oversized;
    private boolean eof;

    /**
     * @param in the characters to read
     * @param maxChars the longest line kept whole (must be positive)
     */
    public BoundedLineReader(final Reader in, final int maxChars) {
        if (maxChars <= 0) {
            throw new IllegalArgumentException("maxChars must be positive: maxChars=" + maxChars);
        }
        this.in = in;
        this.maxChars = maxChars;
    }

    /**
     * @return the next line without its terminator ("\n" or "\r\n"), or null at the end
     * @throws IOException when reading fails
     */
    public String readLine() throws IOException {
        line.setLength(0);
        oversized = false;
        boolean any = false;
        while (true) {
            if (pos >= limit) {
                if (eof || !fill()) {
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            final int start = pos;
            while (pos < limit && buffer[pos] != '\n') {
                pos++;
            }
            append(start, pos);
            if (pos < limit) {
                pos++; // the newline
                break;
            }
        }
        lineNumber++;
        final int n = line.length();
        if (!oversized && n > 0 && line.charAt(n - 1) == '\r') {
            line.setLength(n - 1);
        }
        if (line.length() > maxChars) {
            line.setLength(maxChars);
            oversized = true;
        }
        return line.toString();
    }

    private void append(final int from, final int to) {
        // One char of slack for the '\r' of a "\r\n" ending, which does not count against the limit.
        final int room = maxChars + 1 - line.length();
        if (to - from > room) {
            line.append(buffer, from, Math.max(room, 0));
            oversized = true;
        } else {
            line.append(buffer, from, to - from);
        }
    }

    private boolean fill() throws IOException {
        final int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    /** @return true when the line last returned was longer than the limit and was truncated */
    public boolean lastLineOversized() {
        return oversized;
    }

    /** @return the 1-based number of the line last returned */
    public long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
