package io.dikw.social.tweet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A streaming fast path for well-formed Twitter API v1.1 tweets: reads only the fields clustering
 * needs and skips the rest (notably the whole retweeted and quoted tweets) without building a
 * tree. It never reports errors: anything unusual (another shape, a missing field, a wrong type,
 * trailing data) returns null, and {@link TweetParser} parses the line again with its tree parser,
 * which explains the problem. For every tweet it accepts it produces the same {@link Tweet} as the
 * tree parser (tested over generated streams).
 */
final class FastV1Parser {
    private static final DateTimeFormatter V1_DATE =
        DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT);

    private final JsonFactory factory = new JsonFactory();

    /** Fields of one tweet as they are read; nulls mean "absent". */
    private static final class Fields {
        private long id;
        private long idNumber;
        private String createdAt;
        private String fullText;
        private String text;
        private String extendedFullText;
        private Entities extendedEntities;
        private Entities entities;
        private long userId;
        private long userIdNumber;
        private String screenName;
        private boolean hasUser;
        private long retweetedUser;
        private long quotedUser;
        private long replyTo;
        private long replyToNumber;
    }

    private record Entities(List<String> hashtags, List<Tweet.Mention> mentions, List<Tweet.Link> links) {
    }

    /** Thrown inside the fast path to give up; never escapes. */
    private static final class GiveUp extends Exception {
        private static final long serialVersionUID = 1L;
        private static final GiveUp INSTANCE = new GiveUp();

        private GiveUp() {
            super(null, null, false, false);
        }
    }

    /**
     * @param line one JSON line
     * @return the tweet, or null when the line needs the tree parser
     */
    Tweet parse(final String line) {
        try (JsonParser p = factory.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            final Fields f = new Fields();
            readTweet(p, f);
            if (p.nextToken() != null) {
                return null; // trailing data: let the tree parser report it
            }
            return build(f);
        } catch (final IOException | GiveUp | RuntimeException e) {
            return null;
        }
    }

    private static void readTweet(final JsonParser p, final Fields f) throws IOException, GiveUp {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            final String name = p.currentName();
            final JsonToken value = p.nextToken();
            switch (name) {
                case "id_str" -> f.id = idString(p, value);
                case "id" -> f.idNumber = idNumber(p, value);
                case "created_at" -> f.createdAt = string(p, value);
                case "full_text" -> f.fullText = string(p, value);
                case "text" -> f.text = string(p, value);
                case "extended_tweet" -> readExtended(p, value, f);
                case "entities" -> f.entities = entities(p, value);
                case "user" -> readUser(p, value, f);
                case "retweeted_status" -> f.retweetedUser = referencedAuthor(p, value);
                case "quoted_status" -> f.quotedUser = referencedAuthor(p, value);
                case "in_reply_to_user_id_str" -> f.replyTo = idString(p, value);
                case "in_reply_to_user_id" -> f.replyToNumber = idNumber(p, value);
                case "data", "delete", "limit", "status_withheld", "scrub_geo", "errors" -> throw GiveUp.INSTANCE;
                default -> p.skipChildren();
            }
        }
    }

    private static Tweet build(final Fields f) throws GiveUp {
        final long id = f.id != 0 ? f.id : f.idNumber;
        final long userId = f.userId != 0 ? f.userId : f.userIdNumber;
        final String text = f.fullText != null ? f.fullText : f.extendedFullText != null ? f.extendedFullText : f.text;
        if (id == 0 || f.createdAt == null || text == null || !f.hasUser || userId == 0) {
            throw GiveUp.INSTANCE;
        }
        final long createdAt;
        try {
            createdAt = !f.createdAt.isEmpty() && Character.isDigit(f.createdAt.charAt(0))
                ? OffsetDateTime.parse(f.createdAt, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli()
                : OffsetDateTime.parse(f.createdAt, V1_DATE).toInstant().toEpochMilli();
        } catch (final DateTimeException e) {
            throw GiveUp.INSTANCE;
        }
        final Entities e = f.extendedEntities != null ? f.extendedEntities
            : f.entities != null ? f.entities : new Entities(List.of(), List.of(), List.of());
        return new Tweet(id, createdAt, text, userId, f.screenName == null ? "" : f.screenName, e.hashtags(),
            e.mentions(), e.links(), f.retweetedUser, f.quotedUser, f.replyTo != 0 ? f.replyTo : f.replyToNumber);
    }

    private static void readExtended(final JsonParser p, final JsonToken value, final Fields f)
        throws IOException, GiveUp {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        if (value != JsonToken.START_OBJECT) {
            throw GiveUp.INSTANCE;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            final String name = p.currentName();
            final JsonToken v = p.nextToken();
            if ("full_text".equals(name)) {
                f.extendedFullText = string(p, v);
            } else if ("entities".equals(name)) {
                f.extendedEntities = entities(p, v);
            } else {
                p.skipChildren();
            }
        }
    }

    private static void readUser(final JsonParser p, final JsonToken value, final Fields f) throws IOException, GiveUp {
        if (value != JsonToken.START_OBJECT) {
            throw GiveUp.INSTANCE;
        }
        f.hasUser = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            final String name = p.currentName();
            final JsonToken v = p.nextToken();
            switch (name) {
                case "id_str" -> f.userId = idString(p, v);
                case "id" -> f.userIdNumber = idNumber(p, v);
                case "screen_name" -> f.screenName = string(p, v);
                default -> p.skipChildren();
            }
        }
    }

    private static long referencedAuthor(final JsonParser p, final JsonToken value) throws IOException, GiveUp {
        if (value == JsonToken.VALUE_NULL) {
            return 0;
        }
        if (value != JsonToken.START_OBJECT) {
            throw GiveUp.INSTANCE;
        }
        long idStr = 0;
        long idNum = 0;
        boolean hasUser = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            final String name = p.currentName();
            final JsonToken v = p.nextToken();
            if ("user".equals(name) && v == JsonToken.START_OBJECT) {
                hasUser = true;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    final String field = p.currentName();
                    final JsonToken fv = p.nextToken();
                    if ("id_str".equals(field)) {
                        idStr = idString(p, fv);
                    } else if ("id".equals(field)) {
                        idNum = idNumber(p, fv);
                    } else {
                        p.skipChildren();
                    }
                }
            } else if ("user".equals(name)) {
                throw GiveUp.INSTANCE;
            } else {
                p.skipChildren();
            }
        }
        final long id = idStr != 0 ? idStr : idNum;
        if (!hasUser || id == 0) {
            throw GiveUp.INSTANCE;
        }
        return id;
    }

    private static Entities entities(final JsonParser p, final JsonToken value) throws IOException, GiveUp {
        final List<String> hashtags = new ArrayList<>(2);
        final List<Tweet.Mention> mentions = new ArrayList<>(2);
        final List<Tweet.Link> links = new ArrayList<>(1);
        if (value == JsonToken.VALUE_NULL) {
            return new Entities(hashtags, mentions, links);
        }
        if (value != JsonToken.START_OBJECT) {
            throw GiveUp.INSTANCE;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            final String name = p.currentName();
            final JsonToken v = p.nextToken();
            switch (name) {
                case "hashtags" -> eachObject(p, v, () -> hashtags.add(hashtag(p)));
                case "user_mentions" -> eachObject(p, v, () -> mentions.add(mention(p)));
                case "urls" -> eachObject(p, v, () -> links.add(link(p)));
                default -> p.skipChildren();
            }
        }
        return new Entities(hashtags, mentions, links);
    }

    private interface Item {
        void read() throws IOException, GiveUp;
    }

    private static void eachObject(final JsonParser p, final JsonToken value, final Item item)
        throws IOException, GiveUp {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        if (value != JsonToken.START_ARRAY) {
            throw GiveUp.INSTANCE;
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw GiveUp.INSTANCE;
            }
            item.read();
        }
    }

    private static String hashtag(final JsonParser p) throws IOException, GiveUp {
        String text = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            final String name = p.currentName();
            final JsonToken v = p.nextToken();
            if ("text".equals(name)) {
                text = string(p, v);
            } else {
                p.skipChildren();
            }
        }
        if (text == null) {
            throw GiveUp.INSTANCE;
        }
        return text;
    }

    private static Tweet.Mention mention(final JsonParser p) throws IOException, GiveUp {
        long idStr = 0;
        long idNum = 0;
        String name = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            final String field = p.currentName();
            final JsonToken v = p.nextToken();
            switch (field) {
                case "id_str" -> idStr = idString(p, v);
                case "id" -> idNum = idNumber(p, v);
                case "screen_name" -> name = string(p, v);
                default -> p.skipChildren();
            }
        }
        final long id = idStr != 0 ? idStr : idNum;
        if (id == 0) {
            throw GiveUp.INSTANCE; // the tree parser derives ids from names and reports missing ones
        }
        return new Tweet.Mention(id, name == null ? "" : name);
    }

    private static Tweet.Link link(final JsonParser p) throws IOException, GiveUp {
        String url = null;
        String expanded = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            final String field = p.currentName();
            final JsonToken v = p.nextToken();
            switch (field) {
                case "url" -> url = string(p, v);
                case "expanded_url" -> expanded = string(p, v);
                default -> p.skipChildren();
            }
        }
        url = url == null ? "" : url;
        expanded = expanded == null ? "" : expanded;
        if (url.isEmpty() && expanded.isEmpty()) {
            throw GiveUp.INSTANCE;
        }
        return new Tweet.Link(url.isEmpty() ? expanded : url, expanded.isEmpty() ? url : expanded);
    }

    /** A string field; null for JSON null; anything else gives up. */
    private static String string(final JsonParser p, final JsonToken value) throws IOException, GiveUp {
        if (value == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        throw GiveUp.INSTANCE;
    }

    /** A numeric id in a string field; 0 for JSON null (as absent). */
    private static long idString(final JsonParser p, final JsonToken value) throws IOException, GiveUp {
        if (value == JsonToken.VALUE_NULL) {
            return 0;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw GiveUp.INSTANCE;
        }
        try {
            final long id = Long.parseLong(p.getText());
            if (id <= 0) {
                throw GiveUp.INSTANCE;
            }
            return id;
        } catch (final NumberFormatException e) {
            throw GiveUp.INSTANCE;
        }
    }

    private static long idNumber(final JsonParser p, final JsonToken value) throws IOException, GiveUp {
        if (value == JsonToken.VALUE_NULL) {
            return 0;
        }
        if (value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
            && p.getLongValue() > 0) {
            return p.getLongValue();
        }
        throw GiveUp.INSTANCE;
    }
}
