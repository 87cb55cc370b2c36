package io.dikw.graph.template;

import java.util.Locale;

/**
 * One STINGER template keyword: {@code $field[group][=constant]}, e.g. {@code $source_str1} or
 * {@code $type_str1=mentioned}. Keywords with the same group number describe one edge (or one
 * vertex update); no number means group 0.
 *
 * @param field    what the value is
 * @param group    the group number
 * @param constant the constant value, or null if the value comes from the record
 */
public record Keyword(Field field, int group, String constant) {

    /** What a keyword's value is. */
    public enum Field {
        /** Numeric edge type. */ TYPE(true),
        /** Edge type name. */ TYPE_STR(false),
        /** Numeric source id. */ SOURCE(true),
        /** Source name. */ SOURCE_STR(false),
        /** Source vertex type name. */ SOURCE_TYPE(false),
        /** Sets the source's weight. */ SOURCE_WEIGHT(true),
        /** Adds to the source's weight. */ SOURCE_WEIGHT_INCR(true),
        /** Numeric destination id. */ DESTINATION(true),
        /** Destination name. */ DESTINATION_STR(false),
        /** Destination vertex type name. */ DESTINATION_TYPE(false),
        /** Sets the destination's weight. */ DESTINATION_WEIGHT(true),
        /** Adds to the destination's weight. */ DESTINATION_WEIGHT_INCR(true),
        /** Edge weight (1 when absent). */ WEIGHT(true),
        /** Time: a number, or an ISO-8601 instant (epoch ms). */ TIME(true),
        /** Time in Twitter's created_at form, e.g. {@code Mon Mar 04 12:00:00 +0000 2024} (epoch ms). */ TIME_TTR(true),
        /** Time in Unix seconds. */ TIME_UNIX(true);

        final boolean numeric;

        Field(final boolean numeric) {
            this.numeric = numeric;
        }
    }

    /**
     * @param token e.g. {@code $destination_str2} or {@code $type_str1=mentioned}
     * @return the keyword
     * @throws TemplateException ({@code bad-template}) naming the token if it is not a keyword
     */
    public static Keyword parse(final String token) {
        if (!token.startsWith("$")) {
            throw new TemplateException("bad-template", "'" + token + "' is not a keyword (keywords start with $)");
        }
        final int eq = token.indexOf('=');
        final String head = eq < 0 ? token.substring(1) : token.substring(1, eq);
        final String constant = eq < 0 ? null : token.substring(eq + 1);
        int digits = head.length();
        while (digits > 0 && Character.isDigit(head.charAt(digits - 1))) {
            digits--;
        }
        final String name = head.substring(0, digits);
        final int group;
        try {
            group = digits == head.length() ? 0 : Integer.parseInt(head.substring(digits));
        } catch (final NumberFormatException e) {
            throw new TemplateException("bad-template", "keyword '" + token + "' has a group number that is too large");
        }
        final Field field;
        try {
            field = Field.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (final IllegalArgumentException e) {
            throw new TemplateException("bad-template", "unknown keyword '$" + name + "' in '" + token + "'; known: "
                + java.util.Arrays.stream(Field.values()).map(f -> "$" + f.name().toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.joining(", ")));
        }
        if (constant != null && constant.isEmpty()) {
            throw new TemplateException("bad-template", "keyword '" + token + "' has an empty constant after '='");
        }
        return new Keyword(field, group, constant);
    }
}
