package io.dikw.social.generate;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes {@link SynthTweet}s as Twitter API v1.1 JSON objects with a Jackson streaming
 * {@link JsonGenerator}, one object per line, fields always in the same order.
 */
final class TweetJsonWriter
{
    /** Twitter v1.1 {@code created_at} format, e.g. {@code Mon Mar 04 12:00:00 +0000 2024}. */
    static final DateTimeFormatter CREATED_AT =
        DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final World world;
    private final JsonGenerator json;
    private long cachedSecond = Long.MIN_VALUE;
    private String cachedCreatedAt;

    /**
     * Creates a writer.
     *
     * @param world users for the {@code user} objects and mention entities.
     * @param json the generator; the caller owns it.
     */
    TweetJsonWriter(final World world, final JsonGenerator json)
    {
        this.world = world;
        this.json = json;
    }

    /**
     * Writes one tweet and a newline.
     *
     * @param tweet the tweet.
     * @throws IOException when the underlying writer fails.
     */
    void writeLine(final SynthTweet tweet) throws IOException
    {
        writeTweet(tweet);
        json.writeRaw('\n');
    }

    private void writeTweet(final SynthTweet t) throws IOException
    {
        final JsonGenerator g = json;
        g.writeStartObject();
        g.writeStringField("created_at", createdAt(t.timeMillis));
        g.writeNumberField("id", t.id);
        g.writeStringField("id_str", Long.toString(t.id));
        g.writeStringField("text", t.text);
        g.writeBooleanField("truncated", false);
        if (t.replyToUser >= 0)
        {
            g.writeNumberField("in_reply_to_status_id", t.replyToStatus);
            g.writeStringField("in_reply_to_status_id_str", Long.toString(t.replyToStatus));
            g.writeNumberField("in_reply_to_user_id", world.userIds[t.replyToUser]);
            g.writeStringField("in_reply_to_user_id_str", world.userIdStrings[t.replyToUser]);
            g.writeStringField("in_reply_to_screen_name", world.screenNames[t.replyToUser]);
        }
        else
        {
            g.writeNullField("in_reply_to_status_id");
            g.writeNullField("in_reply_to_status_id_str");
            g.writeNullField("in_reply_to_user_id");
            g.writeNullField("in_reply_to_user_id_str");
            g.writeNullField("in_reply_to_screen_name");
        }
        writeUser(t.author);
        g.writeBooleanField("is_quote_status", t.quotedId != 0L);
        if (t.quotedId != 0L)
        {
            g.writeNumberField("quoted_status_id", t.quotedId);
            g.writeStringField("quoted_status_id_str", Long.toString(t.quotedId));
            if (t.quoted != null)
            {
                g.writeFieldName("quoted_status");
                writeTweet(t.quoted);
            }
        }
        if (t.retweeted != null)
        {
            g.writeFieldName("retweeted_status");
            writeTweet(t.retweeted);
        }
        writeEntities(t);
        g.writeStringField("lang", "en");
        g.writeEndObject();
    }

    private void writeUser(final int u) throws IOException
    {
        final JsonGenerator g = json;
        g.writeObjectFieldStart("user");
        g.writeNumberField("id", world.userIds[u]);
        g.writeStringField("id_str", world.userIdStrings[u]);
        g.writeStringField("name", world.names[u]);
        g.writeStringField("screen_name", world.screenNames[u]);
        g.writeNumberField("followers_count", world.followersCount[u]);
        g.writeEndObject();
    }

    private void writeEntities(final SynthTweet t) throws IOException
    {
        final JsonGenerator g = json;
        g.writeObjectFieldStart("entities");
        g.writeArrayFieldStart("hashtags");
        for (int i = 0; i < t.hashtags.length; i++)
        {
            g.writeStartObject();
            g.writeStringField("text", t.hashtags[i]);
            writeIndices(t.hashtagStarts[i], t.hashtagStarts[i] + 1 + t.hashtags[i].length());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("user_mentions");
        for (int i = 0; i < t.mentions.length; i++)
        {
            final int u = t.mentions[i];
            g.writeStartObject();
            g.writeStringField("screen_name", world.screenNames[u]);
            g.writeStringField("name", world.names[u]);
            g.writeNumberField("id", world.userIds[u]);
            g.writeStringField("id_str", world.userIdStrings[u]);
            writeIndices(t.mentionStarts[i], t.mentionStarts[i] + 1 + world.screenNames[u].length());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("urls");
        for (int i = 0; i < t.shortUrls.length; i++)
        {
            g.writeStartObject();
            g.writeStringField("url", t.shortUrls[i]);
            g.writeStringField("expanded_url", t.expandedUrls[i]);
            g.writeStringField("display_url", displayUrl(t.expandedUrls[i]));
            writeIndices(t.urlStarts[i], t.urlStarts[i] + t.shortUrls[i].length());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void writeIndices(final int start, final int end) throws IOException
    {
        final JsonGenerator g = json;
        g.writeArrayFieldStart("indices");
        g.writeNumber(start);
        g.writeNumber(end);
        g.writeEndArray();
    }

    private String createdAt(final long millis)
    {
        final long second = Math.floorDiv(millis, 1000L);
        if (second != cachedSecond)
        {
            cachedSecond = second;
            cachedCreatedAt = CREATED_AT.format(Instant.ofEpochSecond(second));
        }
        return cachedCreatedAt;
    }

    /** Twitter's display form: scheme dropped, long paths cut with an ellipsis. */
    private static String displayUrl(final String expanded)
    {
        final String bare = expanded.startsWith("https://") ? expanded.substring(8) : expanded;
        return bare.length() <= 26 ? bare : bare.substring(0, 25) + "\u2026";
    }
}
