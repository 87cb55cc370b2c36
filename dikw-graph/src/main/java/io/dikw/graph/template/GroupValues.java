package io.dikw.graph.template;

import io.dikw.graph.wire.EdgeInsertion;
import io.dikw.graph.wire.StingerBatch;
import io.dikw.graph.wire.VertexUpdate;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values one record gave each keyword group, and how they become updates: a group with a
 * source and a destination yields edges (every source with every destination, or, when both come
 * from the same template value inside an array, every unordered pair of distinct elements, e.g.
 * hashtags used together); a group with a source only yields vertex updates. Shared by the JSON
 * and CSV templates.
 */
final class GroupValues {
    private static final DateTimeFormatter TWITTER_TIME =
        DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);

    /** group -> field -> values (String for names, Long for numbers). */
    private final Map<Integer, Map<Keyword.Field, List<Object>>> groups = new TreeMap<>();
    /** group -> true if its source and destination came from one template value inside an array. */
    private final Map<Integer, Boolean> pairwise = new TreeMap<>();

    void pairwise(final int group) {
        pairwise.put(group, true);
    }

    /**
     * Adds a raw value for a keyword, converting it to the keyword's kind.
     *
     * @param where names the place for error messages
     */
    void add(final Keyword k, final String raw, final boolean isNumber, final String where) {
        final Object value;
        if (!k.field().numeric) {
            value = raw;
        } else {
            final long n = number(k.field(), raw, isNumber, where);
            if (k.field() == Keyword.Field.WEIGHT && (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE)) {
                throw new TemplateException("bad-field", "$weight at " + where + " is " + n
                    + ", beyond the 32-bit range of edge weights (the server would refuse the edge)");
            }
            value = n;
        }
        groups.computeIfAbsent(k.group(), g -> new EnumMap<>(Keyword.Field.class))
            .computeIfAbsent(k.field(), f -> new ArrayList<>()).add(value);
    }

    private static long number(final Keyword.Field f, final String raw, final boolean isNumber, final String where) {
        final String s = raw.trim();
        try {
            if (f == Keyword.Field.TIME_TTR) {
                return ZonedDateTime.parse(s, TWITTER_TIME).toInstant().toEpochMilli();
            }
            if (f == Keyword.Field.TIME && !isNumber && !s.isEmpty() && !Character.isDigit(s.charAt(s.length() - 1))) {
                return Instant.parse(s).toEpochMilli();
            }
            return Long.parseLong(s);
        } catch (final NumberFormatException | DateTimeParseException e) {
            throw new TemplateException("bad-field", "$" + f.name().toLowerCase(Locale.ROOT) + " at " + where
                + " needs " + (f == Keyword.Field.TIME_TTR ? "a Twitter time like 'Mon Mar 04 12:00:00 +0000 2024'"
                : f == Keyword.Field.TIME ? "an integer or an ISO-8601 time" : "an integer") + ", got '"
                + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'");
        }
    }

    /**
     * Appends the updates of all templates that a record matched, or none if one fails.
     *
     * @param found   the values each template found
     * @param into    the batch being built
     * @param noMatch what to say when no template group found its values
     * @return the number of updates appended
     * @throws TemplateException {@code no-match} if there are none
     */
    static int emitAll(final List<GroupValues> found, final StingerBatch into, final String noMatch) {
        final StingerBatch staged = new StingerBatch();
        int added = 0;
        for (final GroupValues v : found) {
            added += v.emit(staged);
        }
        if (added == 0) {
            throw new TemplateException("no-match", noMatch);
        }
        into.insertions.addAll(staged.insertions);
        into.vertexUpdates.addAll(staged.vertexUpdates);
        return added;
    }

    /**
     * Appends this record's updates to the batch.
     *
     * @return the number of updates added
     */
    int emit(final StingerBatch into) {
        int added = 0;
        for (final Map.Entry<Integer, Map<Keyword.Field, List<Object>>> g : groups.entrySet()) {
            final Map<Keyword.Field, List<Object>> v = g.getValue();
            final List<Object> sources = endpoints(v, Keyword.Field.SOURCE_STR, Keyword.Field.SOURCE);
            final List<Object> dests = endpoints(v, Keyword.Field.DESTINATION_STR, Keyword.Field.DESTINATION);
            if (sources.isEmpty()) {
                continue;
            }
            final String typeStr = (String) first(v, Keyword.Field.TYPE_STR);
            final Long type = (Long) first(v, Keyword.Field.TYPE);
            final Long weight = (Long) first(v, Keyword.Field.WEIGHT);
            Long time = (Long) first(v, Keyword.Field.TIME);
            if (time == null) {
                time = (Long) first(v, Keyword.Field.TIME_TTR);
            }
            if (time == null) {
                time = (Long) first(v, Keyword.Field.TIME_UNIX);
            }
            final long w = weight == null ? 1 : weight;
            final long t = time == null ? 0 : time;
            final long ty = type == null ? 0 : type;
            if (Boolean.TRUE.equals(pairwise.get(g.getKey()))) {
                for (int i = 0; i < sources.size(); i++) {
                    for (int j = i + 1; j < dests.size(); j++) {
                        if (!sources.get(i).equals(dests.get(j))) {
                            into.insertions.add(insertion(sources.get(i), dests.get(j), typeStr, ty, w, t));
                            added++;
                        }
                    }
                }
            } else {
                for (final Object s : sources) {
                    for (final Object d : dests) {
                        into.insertions.add(insertion(s, d, typeStr, ty, w, t));
                        added++;
                    }
                }
            }
            added += vertexUpdates(into, sources, v, Keyword.Field.SOURCE_TYPE, Keyword.Field.SOURCE_WEIGHT,
                Keyword.Field.SOURCE_WEIGHT_INCR);
            added += vertexUpdates(into, dests, v, Keyword.Field.DESTINATION_TYPE, Keyword.Field.DESTINATION_WEIGHT,
                Keyword.Field.DESTINATION_WEIGHT_INCR);
        }
        return added;
    }

    private static int vertexUpdates(final StingerBatch into, final List<Object> vertices,
        final Map<Keyword.Field, List<Object>> v, final Keyword.Field typeField, final Keyword.Field setField,
        final Keyword.Field incrField) {
        final String type = (String) first(v, typeField);
        final Long set = (Long) first(v, setField);
        final Long incr = (Long) first(v, incrField);
        if (type == null && set == null && incr == null) {
            return 0;
        }
        int added = 0;
        for (final Object x : new java.util.LinkedHashSet<>(vertices)) {
            final boolean named = x instanceof String;
            into.vertexUpdates.add(new VertexUpdate(named ? 0 : (Long) x, named ? (String) x : null, -1, type,
                set != null, set == null ? 0 : set, incr == null ? 0 : incr));
            added++;
        }
        return added;
    }

    private static EdgeInsertion insertion(final Object s, final Object d, final String typeStr, final long type,
        final long weight, final long time) {
        final boolean sn = s instanceof String;
        final boolean dn = d instanceof String;
        return new EdgeInsertion(sn ? 0 : (Long) s, sn ? (String) s : null, dn ? 0 : (Long) d, dn ? (String) d : null,
            weight, time, type, typeStr);
    }

    private static List<Object> endpoints(final Map<Keyword.Field, List<Object>> v, final Keyword.Field named,
        final Keyword.Field numbered) {
        final List<Object> out = new ArrayList<>(v.getOrDefault(named, List.of()));
        out.addAll(v.getOrDefault(numbered, List.of()));
        return out;
    }

    private static Object first(final Map<Keyword.Field, List<Object>> v, final Keyword.Field f) {
        final List<Object> l = v.get(f);
        return l == null || l.isEmpty() ? null : l.get(0);
    }
}
