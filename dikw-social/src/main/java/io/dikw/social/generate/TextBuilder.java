package io.dikw.social.generate;

import java.util.Arrays;

/**
 * Builds a tweet's text while recording hashtag, mention and URL entities with their offsets.
 * Reused across tweets ({@link #reset()}) to avoid garbage in the hot loop.
 */
final class TextBuilder
{
    /** Longest tweet text in characters. */
    static final int MAX_LENGTH = 280;

    private final StringBuilder sb = new StringBuilder(MAX_LENGTH + 32);
    private String[] hashtags = new String[4];
    private int[] hashtagStarts = new int[4];
    private int hashtagCount;
    private int[] mentionUsers = new int[4];
    private int[] mentionStarts = new int[4];
    private int mentionCount;
    private String[] shortUrls = new String[2];
    private String[] expandedUrls = new String[2];
    private int[] urlStarts = new int[2];
    private int urlCount;

    /** Clears text and entities. */
    void reset()
    {
        sb.setLength(0);
        hashtagCount = 0;
        mentionCount = 0;
        urlCount = 0;
    }

    /**
     * Current text length.
     *
     * @return characters so far.
     */
    int length()
    {
        return sb.length();
    }

    /**
     * Whether {@code extra} more characters (plus a separating space) still fit.
     *
     * @param extra characters of the next token.
     * @return true when the text would stay within {@link #MAX_LENGTH}.
     */
    boolean fits(final int extra)
    {
        return sb.length() + (sb.length() == 0 ? 0 : 1) + extra <= MAX_LENGTH;
    }

    /**
     * Whether the text ends in a sentence end (or is empty), so the next word is capitalised.
     *
     * @return true at a sentence start.
     */
    boolean atSentenceStart()
    {
        if (sb.length() == 0)
        {
            return true;
        }
        final char c = sb.charAt(sb.length() - 1);
        return c == '.' || c == '!' || c == '?';
    }

    /**
     * Appends a plain token, preceded by a space unless at the start.
     *
     * @param token the token.
     */
    void word(final String token)
    {
        space();
        sb.append(token);
    }

    /**
     * Appends punctuation directly after the previous token.
     *
     * @param punct punctuation characters.
     */
    void punct(final String punct)
    {
        sb.append(punct);
    }

    /**
     * Appends {@code #tag} and records it.
     *
     * @param tag hashtag text without {@code #}.
     */
    void hashtag(final String tag)
    {
        space();
        addHashtag(tag, sb.length());
        sb.append('#').append(tag);
    }

    /**
     * Appends {@code @screenName} and records the mentioned user.
     *
     * @param user user index.
     * @param screenName the user's screen name.
     */
    void mention(final int user, final String screenName)
    {
        space();
        addMention(user, sb.length());
        sb.append('@').append(screenName);
    }

    /**
     * Appends a short URL and records it with its expansion.
     *
     * @param shortUrl the t.co-like URL that appears in the text.
     * @param expandedUrl the URL it stands for.
     */
    void url(final String shortUrl, final String expandedUrl)
    {
        space();
        addUrl(shortUrl, expandedUrl, sb.length());
        sb.append(shortUrl);
    }

    /**
     * Replaces the content with the retweet text {@code RT @author: <original text>}, cut to
     * {@link #MAX_LENGTH} with a trailing ellipsis when longer, and carries over the original's
     * entities shifted by the prefix; entities that no longer fit whole are dropped.
     *
     * @param original the retweeted tweet.
     * @param screenNames screen names by user index.
     */
    void retweetOf(final SynthTweet original, final String[] screenNames)
    {
        reset();
        sb.append("RT ");
        addMention(original.author, sb.length());
        sb.append('@').append(screenNames[original.author]);
        sb.append(": ");
        final int shift = sb.length();
        sb.append(original.text);
        int limit = sb.length();
        if (limit > MAX_LENGTH)
        {
            limit = MAX_LENGTH - 1;
            sb.setLength(limit);
            sb.append('\u2026');
        }
        for (int i = 0; i < original.mentions.length; i++)
        {
            final int start = shift + original.mentionStarts[i];
            if (start + 1 + screenNames[original.mentions[i]].length() <= limit)
            {
                addMention(original.mentions[i], start);
            }
        }
        for (int i = 0; i < original.hashtags.length; i++)
        {
            final int start = shift + original.hashtagStarts[i];
            if (start + 1 + original.hashtags[i].length() <= limit)
            {
                addHashtag(original.hashtags[i], start);
            }
        }
        for (int i = 0; i < original.shortUrls.length; i++)
        {
            final int start = shift + original.urlStarts[i];
            if (start + original.shortUrls[i].length() <= limit)
            {
                addUrl(original.shortUrls[i], original.expandedUrls[i], start);
            }
        }
    }

    /**
     * Whether a user is already mentioned.
     *
     * @param user user index.
     * @return true when mentioned.
     */
    boolean mentions(final int user)
    {
        for (int i = 0; i < mentionCount; i++)
        {
            if (mentionUsers[i] == user)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a hashtag is already present.
     *
     * @param tag hashtag text.
     * @return true when present.
     */
    boolean hasHashtag(final String tag)
    {
        for (int i = 0; i < hashtagCount; i++)
        {
            if (hashtags[i].equals(tag))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * The text built so far.
     *
     * @return the text.
     */
    String text()
    {
        return sb.toString();
    }

    String[] hashtagTexts()
    {
        return Arrays.copyOf(hashtags, hashtagCount);
    }

    int[] hashtagStarts()
    {
        return Arrays.copyOf(hashtagStarts, hashtagCount);
    }

    int[] mentionUsers()
    {
        return Arrays.copyOf(mentionUsers, mentionCount);
    }

    int[] mentionStarts()
    {
        return Arrays.copyOf(mentionStarts, mentionCount);
    }

    String[] shortUrls()
    {
        return Arrays.copyOf(shortUrls, urlCount);
    }

    String[] expandedUrls()
    {
        return Arrays.copyOf(expandedUrls, urlCount);
    }

    int[] urlStarts()
    {
        return Arrays.copyOf(urlStarts, urlCount);
    }

    private void addHashtag(final String tag, final int start)
    {
        if (hashtagCount == hashtags.length)
        {
            hashtags = Arrays.copyOf(hashtags, hashtagCount * 2);
            hashtagStarts = Arrays.copyOf(hashtagStarts, hashtagCount * 2);
        }
        hashtags[hashtagCount] = tag;
        hashtagStarts[hashtagCount] = start;
        hashtagCount++;
    }

    private void addMention(final int user, final int start)
    {
        if (mentionCount == mentionUsers.length)
        {
            mentionUsers = Arrays.copyOf(mentionUsers, mentionCount * 2);
            mentionStarts = Arrays.copyOf(mentionStarts, mentionCount * 2);
        }
        mentionUsers[mentionCount] = user;
        mentionStarts[mentionCount] = start;
        mentionCount++;
    }

    private void addUrl(final String shortUrl, final String expandedUrl, final int start)
    {
        if (urlCount == shortUrls.length)
        {
            shortUrls = Arrays.copyOf(shortUrls, urlCount * 2);
            expandedUrls = Arrays.copyOf(expandedUrls, urlCount * 2);
            urlStarts = Arrays.copyOf(urlStarts, urlCount * 2);
        }
        shortUrls[urlCount] = shortUrl;
        expandedUrls[urlCount] = expandedUrl;
        urlStarts[urlCount] = start;
        urlCount++;
    }

    private void space()
    {
        if (sb.length() > 0)
        {
            sb.append(' ');
        }
    }
}
