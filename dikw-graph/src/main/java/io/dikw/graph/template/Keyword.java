package io.dikw.graph.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

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
        /** Numeric edge type. */ TYPE(true, Part.EDGE),
        /** Edge type name. */ TYPE_STR(false, Part.EDGE),
        /** Numeric source id. */ SOURCE(true, Part.SOURCE),
        /** Source name. */ SOURCE_STR(false, Part.SOURCE),
        /** Source vertex type name. */ SOURCE_TYPE(false, Part.SOURCE),
        /** Sets the source's weight. */ SOURCE_WEIGHT(true, Part.SOURCE),
        /** Adds to the source's weight. */ SOURCE_WEIGHT_INCR(true, Part.SOURCE),
        /** Numeric destination id. */ DESTINATION(true, Part.DESTINATION),
        /** Destination name. */ DESTINATION_STR(false, Part.DESTINATION),
        /** Destination vertex type name. */ DESTINATION_TYPE(false, Part.DESTINATION),
        /** Sets the destination's weight. */ DESTINATION_WEIGHT(true, Part.DESTINATION),
        /** Adds to the destination's weight. */ DESTINATION_WEIGHT_INCR(true, Part.DESTINATION),
        /** Edge weight (1 when absent). */ WEIGHT(true, Part.EDGE),
        /** Time: a number, or an ISO-8601 instant (epoch ms). */ TIME(true, Part.EDGE),
        /** Time in Twitter's created_at form, e.g. {@code Mon Mar 04 12:00:00 +0000 2024} (epoch ms). */ TIME_TTR(true, Part.EDGE),
        /** Time in Unix seconds. */ TIME_UNIX(true, Part.EDGE);

        final boolean numeric;
        final Part part;

        Field(final boolean numeric, final Part part) {
            this.numeric = numeric;
            this.part = part;
        }

        /** @return true for the fields that say which vertex the source is ({@code $source}, {@code $source_str}) */
        boolean identifiesSource() {
            return this == SOURCE || this == SOURCE_STR;
        }
    }

    /** What a field describes: the edge, its source vertex or its destination vertex. */
    enum Part { EDGE, SOURCE, DESTINATION }

    /**
     * Checks that every group that describes an edge or a destination also has a source: a group
     * without one can never give an update, so it is a mistake in the template (often a lost
     * {@code $} or a wrong group number).
     *
     * @param keywords the keywords of one template object or row
     * @param where    names that object or row in the message, e.g. {@code line 3}
     * @throws TemplateException ({@code bad-template}) naming where, the group and its keywords
     */
    public static void checkGroups(final Collection<Keyword> keywords, final String where) {
        final Map<Integer, List<String>> withoutSource = new TreeMap<>();
        final Set<Integer> sourced = new HashSet<>();
        for (final Keyword k : keywords) {
            if (k.field().identifiesSource()) {
                sourced.add(k.group());
            } else if (k.field().part != Part.SOURCE) {
                withoutSource.computeIfAbsent(k.group(), g -> new ArrayList<>()).add(k.token());
            }
        }
        withoutSource.keySet().removeAll(sourced);
        if (!withoutSource.isEmpty()) {
            final Map.Entry<Integer, List<String>> g = withoutSource.entrySet().iterator().next();
            final String n = g.getKey() == 0 ? "" : String.valueOf(g.getKey());
            throw new TemplateException("bad-template", where + ": group " + g.getKey() + " has " + String.join(" ", g.getValue())
                + " but no $source_str" + n + " or $source" + n + ", so it can never give an update (a lost $ or a "
                + "wrong group number?)");
        }
    }

    /** @return the keyword as written, e.g. {@code $type_str1=mentioned} */
    public String token() {
        return "$" + field.name().toLowerCase(Locale.ROOT) + (group == 0 ? "" : String.valueOf(group))
            + (constant == null ? "" : "=" + constant);
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
                + Arrays.stream(Field.values()).map(f -> "$" + f.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")));
        }
        if (constant != null && constant.isEmpty()) {
            throw new TemplateException("bad-template", "keyword '" + token + "' has an empty constant after '='");
        }
        return new Keyword(field, group, constant);
    }
}
