package io.dikw.social.tweet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.dikw.core.json.Json;
import io.dikw.core.vector.LongHash;
import io.dikw.social.tweet.TweetFormatException.Reason;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses one JSON line into tweets, accepting both Twitter API shapes:
 * <ul>
 *   <li>v1.1: a tweet object with {@code id_str}, {@code created_at} ("Wed Oct 10 20:19:24
 *   +0000 2018"), {@code full_text} / {@code extended_tweet.full_text} / {@code text},
 *   {@code user}, {@code entities}, {@code retweeted_status}, {@code quoted_status},
 *   {@code in_reply_to_user_id_str};</li>
 *   <li>v2: a response object with {@code data} (one tweet or an array), {@code includes.users}
 *   and {@code includes.tweets}, tweets carrying {@code author_id}, ISO-8601
 *   {@code created_at}, {@code entities} and {@code referenced_tweets}.</li>
 * </ul>
 * Anything else is rejected with a {@link TweetFormatException} that names the field.
 *
 * <p>Well-formed v1.1 tweets take a streaming fast path ({@link FastV1Parser}); every other line,
 * and every line the fast path does not accept, is parsed as a tree here.
 */
public final class TweetParser {
    private static final DateTimeFormatter V1_DATE =
        DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT);

    private final FastV1Parser fastPath = new FastV1Parser();
    private final ObjectReader reader = Json.mapper().readerFor(JsonNode.class)
        .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Parses with the tree parser only, for comparison with the fast path in tests.
     *
     * @param line one JSON object
     * @return the tweets it holds
     * @throws TweetFormatException when the line is not a usable tweet
     */
    List<Tweet> parseWithTree(final String line) throws TweetFormatException {
        final JsonNode root = readTree(line);
        if (!root.isObject()) {
            throw new TweetFormatException(Reason.NOT_A_TWEET, "expected a JSON object, got " + kind(root));
        }
        return root.has("data") ? parseV2(root) : List.of(parseV1(root));
    }

    /**
     * @param line one JSON object
     * @return the tweets it holds (one for v1.1, one or more for v2)
     * @throws TweetFormatException when the line is not a usable tweet
     */
    public List<Tweet> parse(final String line) throws TweetFormatException {
        final Tweet fast = fastPath.parse(line);
        if (fast != null) {
            return List.of(fast);
        }
        final JsonNode root = readTree(line);
        if (!root.isObject()) {
            throw new TweetFormatException(Reason.NOT_A_TWEET, "expected a JSON object, got " + kind(root));
        }
        if (root.has("data")) {
            return parseV2(root);
        }
        if (root.has("delete") || root.has("limit") || root.has("status_withheld") || root.has("scrub_geo")
            || root.has("errors")) {
            throw new TweetFormatException(Reason.NOT_A_TWEET,
                "a stream notice, not a tweet (fields: " + fieldNames(root) + ")");
        }
        return List.of(parseV1(root));
    }

    private JsonNode readTree(final String line) throws TweetFormatException {
        try {
            if (line.isBlank()) {
                throw new TweetFormatException(Reason.MALFORMED_JSON, "empty record");
            }
            final JsonNode node = reader.readValue(line);
            if (node == null || node.isMissingNode()) {
                throw new TweetFormatException(Reason.MALFORMED_JSON, "empty record");
            }
            return node;
        } catch (final JsonProcessingException e) {
            if (e.getLocation() == null) {
                throw new TweetFormatException(Reason.MALFORMED_JSON, "not valid JSON: " + Json.problem(e));
            }
            throw new TweetFormatException(Reason.MALFORMED_JSON, "not valid JSON: " + Json.problem(e)
                + " at column " + e.getLocation().getColumnNr());
        }
    }

    // ---------------------------------------------------------------- v1.1

    private Tweet parseV1(final JsonNode t) throws TweetFormatException {
        final long id = requiredId(t, "id_str", "id", "");
        final long createdAt = time(requiredText(t, "created_at", ""), "created_at");
        final JsonNode extended = t.path("extended_tweet");
        final String text;
        if (t.hasNonNull("full_text")) {
            text = requiredText(t, "full_text", "");
        } else if (extended.hasNonNull("full_text")) {
            text = requiredText(extended, "full_text", "extended_tweet.");
        } else {
            text = requiredText(t, "text", "");
        }
        final JsonNode user = t.get("user");
        if (user == null || user.isNull()) {
            throw new TweetFormatException(Reason.MISSING_FIELD, "missing field 'user'");
        }
        if (!user.isObject()) {
            throw wrongType("user", "an object", user);
        }
        final long userId = requiredId(user, "id_str", "id", "user.");
        final String screenName = optionalText(user, "screen_name", "user.");
        final JsonNode entities = extended.has("entities") ? extended.get("entities") : t.path("entities");
        final String entitiesPath = extended.has("entities") ? "extended_tweet.entities." : "entities.";
        final List<String> hashtags = new ArrayList<>();
        for (final JsonNode h : array(entities, "hashtags", entitiesPath)) {
            hashtags.add(requiredText(h, "text", entitiesPath + "hashtags[]."));
        }
        final List<Tweet.Mention> mentions = new ArrayList<>();
        for (final JsonNode m : array(entities, "user_mentions", entitiesPath)) {
            final String name = optionalText(m, "screen_name", entitiesPath + "user_mentions[].");
            final long mentionId = optionalId(m, "id_str", "id", entitiesPath + "user_mentions[].");
            if (mentionId == 0 && name.isEmpty()) {
                throw new TweetFormatException(Reason.MISSING_FIELD,
                    "missing field '" + entitiesPath + "user_mentions[].id_str' (and no screen_name)");
            }
            mentions.add(new Tweet.Mention(mentionId != 0 ? mentionId : nameId(name), name));
        }
        final List<Tweet.Link> links = new ArrayList<>();
        for (final JsonNode u : array(entities, "urls", entitiesPath)) {
            links.add(link(u, entitiesPath + "urls[]."));
        }
        final long retweeted = referencedAuthor(t, "retweeted_status");
        final long quoted = referencedAuthor(t, "quoted_status");
        final long replyTo = optionalId(t, "in_reply_to_user_id_str", "in_reply_to_user_id", "");
        return new Tweet(id, createdAt, text, userId, screenName, hashtags, mentions, links, retweeted, quoted,
            replyTo);
    }

    private long referencedAuthor(final JsonNode t, final String field) throws TweetFormatException {
        final JsonNode ref = t.get(field);
        if (ref == null || ref.isNull()) {
            return 0;
        }
        if (!ref.isObject()) {
            throw wrongType(field, "an object", ref);
        }
        final JsonNode user = ref.get("user");
        if (user == null || !user.isObject()) {
            throw new TweetFormatException(Reason.MISSING_FIELD, "missing field '" + field + ".user'");
        }
        return requiredId(user, "id_str", "id", field + ".user.");
    }

    // ---------------------------------------------------------------- v2

    private List<Tweet> parseV2(final JsonNode root) throws TweetFormatException {
        final JsonNode data = root.get("data");
        final JsonNode includes = root.path("includes");
        final Map<String, Long> userIdsByName = new HashMap<>();
        final Map<Long, String> namesById = new HashMap<>();
        for (final JsonNode u : array(includes, "users", "includes.")) {
            final long uid = requiredId(u, "id", "id", "includes.users[].");
            final String name = optionalText(u, "username", "includes.users[].");
            namesById.put(uid, name);
            if (!name.isEmpty()) {
                userIdsByName.put(name.toLowerCase(Locale.ROOT), uid);
            }
        }
        final Map<Long, Long> authorsByTweet = new HashMap<>();
        for (final JsonNode rt : array(includes, "tweets", "includes.")) {
            final long tid = optionalId(rt, "id", "id", "includes.tweets[].");
            final long aid = optionalId(rt, "author_id", "author_id", "includes.tweets[].");
            if (tid != 0 && aid != 0) {
                authorsByTweet.put(tid, aid);
            }
        }
        final List<Tweet> tweets = new ArrayList<>();
        if (data.isArray()) {
            if (data.isEmpty()) {
                throw new TweetFormatException(Reason.NOT_A_TWEET, "'data' is an empty array: no tweet in this response");
            }
            int i = 0;
            for (final JsonNode t : data) {
                tweets.add(parseV2Tweet(t, "data[" + i++ + "].", userIdsByName, namesById, authorsByTweet));
            }
        } else if (data.isObject()) {
            tweets.add(parseV2Tweet(data, "data.", userIdsByName, namesById, authorsByTweet));
        } else {
            throw wrongType("data", "an object or an array", data);
        }
        return tweets;
    }

    private Tweet parseV2Tweet(final JsonNode t, final String path, final Map<String, Long> userIdsByName,
        final Map<Long, String> namesById, final Map<Long, Long> authorsByTweet) throws TweetFormatException {
        if (!t.isObject()) {
            throw wrongType(path.substring(0, path.length() - 1), "an object", t);
        }
        final long id = requiredId(t, "id", "id", path);
        final long createdAt = time(requiredText(t, "created_at", path), path + "created_at");
        final String text = requiredText(t, "text", path);
        final long authorId = requiredId(t, "author_id", "author_id", path);
        final JsonNode entities = t.path("entities");
        final String ePath = path + "entities.";
        final List<String> hashtags = new ArrayList<>();
        for (final JsonNode h : array(entities, "hashtags", ePath)) {
            hashtags.add(requiredText(h, "tag", ePath + "hashtags[]."));
        }
        final List<Tweet.Mention> mentions = new ArrayList<>();
        for (final JsonNode m : array(entities, "mentions", ePath)) {
            final String name = requiredText(m, "username", ePath + "mentions[].");
            long mid = optionalId(m, "id", "id", ePath + "mentions[].");
            if (mid == 0) {
                mid = userIdsByName.getOrDefault(name.toLowerCase(Locale.ROOT), nameId(name));
            }
            mentions.add(new Tweet.Mention(mid, name));
        }
        final List<Tweet.Link> links = new ArrayList<>();
        for (final JsonNode u : array(entities, "urls", ePath)) {
            links.add(link(u, ePath + "urls[]."));
        }
        long retweeted = 0;
        long quoted = 0;
        for (final JsonNode ref : array(t, "referenced_tweets", path)) {
            final String type = requiredText(ref, "type", path + "referenced_tweets[].");
            final long refId = requiredId(ref, "id", "id", path + "referenced_tweets[].");
            final long author = authorsByTweet.getOrDefault(refId, 0L);
            if ("retweeted".equals(type)) {
                // Without includes.tweets, a retweet's author is the first mention ("RT @name: ...").
                retweeted = author != 0 ? author : (mentions.isEmpty() ? nameId("tweet:" + refId)
                    : mentions.get(0).userId());
            } else if ("quoted".equals(type)) {
                quoted = author != 0 ? author : nameId("tweet:" + refId);
            }
        }
        final long replyTo = optionalId(t, "in_reply_to_user_id", "in_reply_to_user_id", path);
        return new Tweet(id, createdAt, text, authorId, namesById.getOrDefault(authorId, ""), hashtags, mentions,
            links, retweeted, quoted, replyTo);
    }

    // ---------------------------------------------------------------- fields

    private static Tweet.Link link(final JsonNode u, final String path) throws TweetFormatException {
        final String url = optionalText(u, "url", path);
        final String expanded = optionalText(u, "expanded_url", path);
        if (url.isEmpty() && expanded.isEmpty()) {
            throw new TweetFormatException(Reason.MISSING_FIELD, "missing field '" + path + "expanded_url'");
        }
        return new Tweet.Link(url.isEmpty() ? expanded : url, expanded.isEmpty() ? url : expanded);
    }

    private static long nameId(final String screenName) {
        return LongHash.of("@" + screenName.toLowerCase(Locale.ROOT)) & Long.MAX_VALUE;
    }

    private static long time(final String value, final String field) throws TweetFormatException {
        try {
            if (!value.isEmpty() && Character.isDigit(value.charAt(0))) {
                return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
            }
            return OffsetDateTime.parse(value, V1_DATE).toInstant().toEpochMilli();
        } catch (final DateTimeException e) {
            throw new TweetFormatException(Reason.WRONG_TYPE, "field '" + field + "' is not a timestamp: '"
                + abbreviate(value) + "' (expected like 'Wed Oct 10 20:19:24 +0000 2018' or ISO-8601)");
        }
    }

    private static Iterable<JsonNode> array(final JsonNode parent, final String field, final String path)
        throws TweetFormatException {
        final JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw wrongType(path + field, "an array", node);
        }
        return node;
    }

    private static String requiredText(final JsonNode parent, final String field, final String path)
        throws TweetFormatException {
        final JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new TweetFormatException(Reason.MISSING_FIELD, "missing field '" + path + field + "'");
        }
        if (!node.isTextual()) {
            throw wrongType(path + field, "a string", node);
        }
        return node.textValue();
    }

    private static String optionalText(final JsonNode parent, final String field, final String path)
        throws TweetFormatException {
        final JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            throw wrongType(path + field, "a string", node);
        }
        return node.textValue();
    }

    /** Reads an id from the string field, falling back to the numeric one (v1.1 has both). */
    private static long requiredId(final JsonNode parent, final String stringField, final String numberField,
        final String path) throws TweetFormatException {
        final long id = optionalId(parent, stringField, numberField, path);
        if (id == 0) {
            throw new TweetFormatException(Reason.MISSING_FIELD, "missing field '" + path + stringField + "'");
        }
        return id;
    }

    private static long optionalId(final JsonNode parent, final String stringField, final String numberField,
        final String path) throws TweetFormatException {
        final JsonNode s = parent.get(stringField);
        if (s != null && !s.isNull()) {
            return idValue(s, path + stringField);
        }
        final JsonNode n = parent.get(numberField);
        if (n != null && !n.isNull()) {
            return idValue(n, path + numberField);
        }
        return 0;
    }

    private static long idValue(final JsonNode node, final String field) throws TweetFormatException {
        if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() > 0) {
            return node.longValue();
        }
        if (node.isTextual()) {
            final String text = node.textValue();
            try {
                final long id = Long.parseLong(text);
                if (id > 0) {
                    return id;
                }
            } catch (final NumberFormatException ignored) {
                // reported below
            }
            throw new TweetFormatException(Reason.WRONG_TYPE,
                "field '" + field + "' is not a positive numeric id: '" + abbreviate(text) + "'");
        }
        throw wrongType(field, "a numeric id", node);
    }

    private static TweetFormatException wrongType(final String field, final String expected, final JsonNode actual) {
        return new TweetFormatException(Reason.WRONG_TYPE,
            "field '" + field + "' must be " + expected + ", got " + kind(actual));
    }

    private static String kind(final JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string '" + abbreviate(node.textValue()) + "'";
            case NUMBER -> "a number " + node.asText();
            case BOOLEAN -> "a boolean " + node.asText();
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }

    private static String fieldNames(final JsonNode node) {
        final List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names.subList(0, Math.min(5, names.size())));
    }

    private static String abbreviate(final String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
