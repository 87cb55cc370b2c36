package io.dikw.microcluster.data;

/** A CSV row that cannot be used, with where and why. */
public final class BadRowException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long line;
    private final String reason;

    /**
     * @param source the file
     * @param line   the 1-based line number
     * @param reason a short category ({@code wrong-column-count}, {@code not-a-number}, {@code not-finite})
     * @param detail what exactly
     */
    public BadRowException(final String source, final long line, final String reason, final String detail) {
        super(source + " line " + line + ": " + detail
            + " (use --on-bad-row skip to count, dead-letter and skip such rows)");
        this.line = line;
        this.reason = reason;
    }

    /** @return the 1-based line number */
    public long line() {
        return line;
    }

    /** @return the short reason */
    public String reason() {
        return reason;
    }
}
