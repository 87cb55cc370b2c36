package io.dikw.graph.template;

/** A template that cannot be read, or a record a template cannot use; {@link #reason()} is the dead-letter category. */
public final class TemplateException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String reason;

    /**
     * @param reason  {@code bad-template}, {@code malformed-json}, {@code malformed-csv}, {@code bad-field} or {@code no-match}
     * @param message what is wrong and where
     */
    public TemplateException(final String reason, final String message) {
        super(message);
        this.reason = reason;
    }

    /** @return the short category */
    public String reason() {
        return reason;
    }
}
