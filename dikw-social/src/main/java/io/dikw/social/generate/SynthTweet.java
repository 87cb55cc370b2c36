package io.dikw.social.generate;

/**
 * One generated tweet held in memory only while it may still be retweeted, quoted or replied to
 * (see the bounded {@link RecentTweets} buffers). Entity offsets are UTF-16 indices into
 * {@link #text}; all generated characters are in the Basic Multilingual Plane, so they equal the
 * code-point offsets Twitter uses.
 */
final class SynthTweet
{
    final long id;
    final long timeMillis;
    final int author;
    final String text;
    final String[] hashtags;
    final int[] hashtagStarts;
    final int[] mentions;
    final int[] mentionStarts;
    final String[] shortUrls;
    final String[] expandedUrls;
    final int[] urlStarts;
    /** Status replied to, 0 when none. */
    final long replyToStatus;
    /** User replied to, -1 when none. */
    final int replyToUser;
    /** Retweeted original, or null. */
    final SynthTweet retweeted;
    /** Quoted tweet (without its own quoted tweet), or null. */
    final SynthTweet quoted;
    /** Id of the tweet this one quotes, 0 when none (kept when {@link #quoted} is stripped). */
    final long quotedId;
    /** Meme index, -1 for background. */
    final int meme;
    /** Relative chance of being picked for a retweet, quote or reply (heavy-tailed). */
    final double virality;

    SynthTweet(
        final long id,
        final long timeMillis,
        final int author,
        final String text,
        final TextBuilder entities,
        final long replyToStatus,
        final int replyToUser,
        final SynthTweet retweeted,
        final SynthTweet quoted,
        final int meme,
        final double virality)
    {
        this(id, timeMillis, author, text,
            entities.hashtagTexts(), entities.hashtagStarts(),
            entities.mentionUsers(), entities.mentionStarts(),
            entities.shortUrls(), entities.expandedUrls(), entities.urlStarts(),
            replyToStatus, replyToUser, retweeted, quoted, quoted == null ? 0L : quoted.id, meme, virality);
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private SynthTweet(
        final long id,
        final long timeMillis,
        final int author,
        final String text,
        final String[] hashtags,
        final int[] hashtagStarts,
        final int[] mentions,
        final int[] mentionStarts,
        final String[] shortUrls,
        final String[] expandedUrls,
        final int[] urlStarts,
        final long replyToStatus,
        final int replyToUser,
        final SynthTweet retweeted,
        final SynthTweet quoted,
        final long quotedId,
        final int meme,
        final double virality)
    {
        this.id = id;
        this.timeMillis = timeMillis;
        this.author = author;
        this.text = text;
        this.hashtags = hashtags;
        this.hashtagStarts = hashtagStarts;
        this.mentions = mentions;
        this.mentionStarts = mentionStarts;
        this.shortUrls = shortUrls;
        this.expandedUrls = expandedUrls;
        this.urlStarts = urlStarts;
        this.replyToStatus = replyToStatus;
        this.replyToUser = replyToUser;
        this.retweeted = retweeted;
        this.quoted = quoted;
        this.quotedId = quotedId;
        this.meme = meme;
        this.virality = virality;
    }

    /**
     * This tweet as it is embedded in a quote: same fields, but without its own quoted tweet
     * object, so chains of quotes never pin more than one level in memory.
     *
     * @return this, or a copy without {@link #quoted}.
     */
    SynthTweet withoutQuotedObject()
    {
        if (quoted == null)
        {
            return this;
        }
        return new SynthTweet(id, timeMillis, author, text, hashtags, hashtagStarts, mentions, mentionStarts,
            shortUrls, expandedUrls, urlStarts, replyToStatus, replyToUser, null, null, quotedId, meme, virality);
    }
}
