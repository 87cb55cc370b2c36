package io.dikw.social.generate;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the text and entities of single tweets and picks the users involved, following the
 * model described on {@link TweetStreamGenerator}. Holds one reusable {@link TextBuilder}; not
 * thread-safe.
 */
final class TweetComposer
{
    private static final String SHORT_URL_PREFIX = "https://t.co/";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String[] EMOJI = {"\u2764", "\u2728", "\u2615", "\u2600", "\u2714", "\u263A", "\u26A1"};
    /** Room kept free at the end of a body for hashtags, mentions and URLs. */
    private static final int TAIL_RESERVE = 90;

    private final World world;
    private final SplittableRandom rng;
    private final TextBuilder tb = new TextBuilder();

    /**
     * Creates a composer.
     *
     * @param world the fixed world.
     * @param rng the content random source.
     */
    TweetComposer(final World world, final SplittableRandom rng)
    {
        this.world = world;
        this.rng = rng;
    }

    /**
     * A heavy-tailed (Pareto, shape 1.3) virality weight.
     *
     * @return weight in [1, 10000].
     */
    double virality()
    {
        return Math.min(10_000.0, StrictMath.pow(1.0 - rng.nextDouble(), -1.0 / 1.3));
    }

    /**
     * An original tweet (optionally a reply) of a meme, or of the background when {@code meme} is null.
     *
     * @param id tweet id.
     * @param timeMillis creation time.
     * @param meme the meme, or null for background.
     * @param author author index.
     * @param replyTo tweet replied to, or null.
     * @return the tweet.
     */
    SynthTweet original(final long id, final long timeMillis, final Meme meme, final int author, final SynthTweet replyTo)
    {
        tb.reset();
        if (replyTo != null)
        {
            tb.mention(replyTo.author, world.screenNames[replyTo.author]);
        }
        if (meme != null)
        {
            final double tagChance = replyTo == null ? meme.hashtagRate : meme.hashtagRate * 0.5;
            final boolean tagged = rng.nextDouble() < tagChance;
            final boolean inline = tagged && rng.nextDouble() < 0.25;
            final int mentions = mentionCount(0.25, 0.07);
            body(meme, 4, 16, inline ? meme.hashtags[meme.hashtagSampler.sample(rng)] : null, author, mentions);
            tail(meme, author, tagged && !inline, rng.nextDouble() < meme.urlRate);
        }
        else
        {
            final int mentions = mentionCount(0.15, 0.03);
            body(null, 3, 20, null, author, mentions);
            tail(null, author, false, false);
        }
        return new SynthTweet(id, timeMillis, author, tb.text(), tb,
            replyTo == null ? 0L : replyTo.id, replyTo == null ? -1 : replyTo.author,
            null, null, meme == null ? -1 : meme.index, virality());
    }

    /**
     * A quote tweet: a short comment in the meme's words, then the quoted tweet's permalink.
     *
     * @param id tweet id.
     * @param timeMillis creation time.
     * @param meme the meme, or null for background.
     * @param author author index.
     * @param quoted the quoted tweet.
     * @return the tweet.
     */
    SynthTweet quote(final long id, final long timeMillis, final Meme meme, final int author, final SynthTweet quoted)
    {
        tb.reset();
        body(meme, 2, 12, null, author, mentionCount(0.08, 0.0));
        if (meme != null && rng.nextDouble() < meme.hashtagRate * 0.5 && tb.fits(30))
        {
            tb.hashtag(meme.hashtags[meme.hashtagSampler.sample(rng)]);
        }
        final String permalink = "https://twitter.com/" + world.screenNames[quoted.author] + "/status/" + quoted.id;
        tb.url(shortUrl(), permalink);
        return new SynthTweet(id, timeMillis, author, tb.text(), tb, 0L, -1, null,
            quoted.withoutQuotedObject(), meme == null ? -1 : meme.index, virality());
    }

    /**
     * A retweet: {@code RT @author: text}, entities carried over.
     *
     * @param id tweet id.
     * @param timeMillis creation time.
     * @param retweeter retweeting user.
     * @param original the retweeted tweet (never itself a retweet).
     * @return the tweet.
     */
    SynthTweet retweet(final long id, final long timeMillis, final int retweeter, final SynthTweet original)
    {
        tb.retweetOf(original, world.screenNames);
        return new SynthTweet(id, timeMillis, retweeter, tb.text(), tb, 0L, -1, original, null, original.meme, 0.0);
    }

    /**
     * An author for an original meme tweet: a community member, the active ones more often.
     *
     * @param meme the meme.
     * @return user index.
     */
    int memeAuthor(final Meme meme)
    {
        return meme.community[meme.activity.sample(rng)];
    }

    /**
     * An author for a background tweet, the active users more often.
     *
     * @return user index.
     */
    int backgroundAuthor()
    {
        return world.activityOrder[world.userActivity.sample(rng)];
    }

    /**
     * Someone who would see and pass on {@code author}'s tweet: one of the author's followers,
     * preferably inside the meme's community; else a community member (or, for the background,
     * an active user).
     *
     * @param author the original author.
     * @param meme the meme, or null for background.
     * @return a user index different from {@code author}.
     */
    int audienceOf(final int author, final Meme meme)
    {
        final FollowerGraph g = world.graph;
        final int followers = g.followerCount(author);
        if (followers > 0)
        {
            for (int attempt = 0; attempt < 4; attempt++)
            {
                final int f = g.follower(author, rng.nextInt(followers));
                if (meme == null || meme.isMember(f) || rng.nextDouble() < 0.15)
                {
                    return f;
                }
            }
        }
        for (int attempt = 0; attempt < 16; attempt++)
        {
            final int u = meme == null ? backgroundAuthor() : memeAuthor(meme);
            if (u != author)
            {
                return u;
            }
        }
        return (author + 1) % world.userIds.length;
    }

    /**
     * Someone {@code author} would mention: a followee (inside the community for a meme), else
     * a community member or a random active user.
     */
    private int mentionTarget(final int author, final Meme meme)
    {
        final FollowerGraph g = world.graph;
        final int followees = g.followeeCount(author);
        if (followees > 0)
        {
            for (int attempt = 0; attempt < 4; attempt++)
            {
                final int f = g.followee(author, rng.nextInt(followees));
                if (meme == null || meme.isMember(f))
                {
                    return f;
                }
            }
        }
        for (int attempt = 0; attempt < 16; attempt++)
        {
            final int u = meme == null ? backgroundAuthor() : memeAuthor(meme);
            if (u != author)
            {
                return u;
            }
        }
        return (author + 1) % world.userIds.length;
    }

    private int mentionCount(final double one, final double two)
    {
        final double r = rng.nextDouble();
        return r < two ? 2 : r < one + two ? 1 : 0;
    }

    /**
     * Words: stop words sprinkled in, meme words with probability {@code meme.focus}, general
     * words otherwise; sentence case and light punctuation; optional inline hashtag and mentions.
     */
    private void body(final Meme meme, final int minWords, final int maxWords, final String inlineHashtag,
        final int author, final int mentions)
    {
        final int n = minWords + rng.nextInt(maxWords - minWords + 1);
        final int hashtagAt = inlineHashtag == null ? -1 : rng.nextInt(n);
        int mentionsLeft = mentions;
        for (int i = 0; i < n; i++)
        {
            if (i == hashtagAt && tb.fits(inlineHashtag.length() + 1 + TAIL_RESERVE))
            {
                tb.hashtag(inlineHashtag);
                continue;
            }
            if (mentionsLeft > 0 && i > 0 && rng.nextDouble() < 0.12)
            {
                addMention(author, meme);
                mentionsLeft--;
                continue;
            }
            final boolean stop = rng.nextDouble() < 0.38;
            String token = stop ? StopWords.WORDS.get(world.stopSampler.sample(rng)) : contentWord(meme);
            if (tb.atSentenceStart())
            {
                token = WordForge.capitalize(token);
            }
            else if ("i".equals(token))
            {
                token = "I";
            }
            else if (rng.nextDouble() < 0.015)
            {
                token = token.toUpperCase(Locale.ROOT);
            }
            if (!tb.fits(token.length() + 1 + TAIL_RESERVE))
            {
                break;
            }
            tb.word(token);
            final double p = stop ? 1.0 : rng.nextDouble();
            if (i < n - 1)
            {
                if (p < 0.05)
                {
                    tb.punct(",");
                }
                else if (p < 0.10)
                {
                    tb.punct(".");
                }
                else if (p < 0.115)
                {
                    tb.punct("!");
                }
                else if (p < 0.125)
                {
                    tb.punct("?");
                }
            }
            else if (p < 0.35)
            {
                tb.punct(p < 0.2 ? "." : p < 0.3 ? "!" : "?");
            }
        }
        while (mentionsLeft-- > 0)
        {
            addMention(author, meme);
        }
    }

    private String contentWord(final Meme meme)
    {
        if (meme != null && rng.nextDouble() < meme.focus)
        {
            return inflect(meme.vocabulary[meme.vocabularySampler.sample(rng)], 0.08);
        }
        return inflect(world.words[world.wordSampler.sample(rng)], 0.15);
    }

    private String inflect(final String word, final double chance)
    {
        if (rng.nextDouble() >= chance)
        {
            return word;
        }
        final double r = rng.nextDouble();
        return word + (r < 0.5 ? "s" : r < 0.8 ? "ing" : "ed");
    }

    private void addMention(final int author, final Meme meme)
    {
        final int target = mentionTarget(author, meme);
        final String name = world.screenNames[target];
        if (target != author && !tb.mentions(target) && tb.fits(name.length() + 1))
        {
            tb.mention(target, name);
        }
    }

    /** Hashtags, URL and emoji at the end, in a random order of URL versus hashtags. */
    private void tail(final Meme meme, final int author, final boolean memeHashtag, final boolean memeUrl)
    {
        final boolean urlFirst = rng.nextDouble() < 0.5;
        String url = null;
        if (memeUrl)
        {
            url = meme.urls[rng.nextInt(meme.urls.length)];
        }
        else if (rng.nextDouble() < (meme == null ? 0.10 : 0.03))
        {
            url = world.backgroundUrls[world.backgroundUrlSampler.sample(rng)];
        }
        if (url != null && urlFirst)
        {
            addUrl(url);
        }
        if (memeHashtag)
        {
            addHashtag(meme.hashtags[meme.hashtagSampler.sample(rng)]);
            if (meme.hashtags.length > 1 && rng.nextDouble() < 0.25)
            {
                addHashtag(meme.hashtags[rng.nextInt(meme.hashtags.length)]);
            }
        }
        if (rng.nextDouble() < 0.06)
        {
            addHashtag(World.GENERIC_HASHTAGS[world.genericHashtagSampler.sample(rng)]);
        }
        if (meme == null && rng.nextDouble() < 0.08)
        {
            addHashtag(world.backgroundHashtags[world.backgroundHashtagSampler.sample(rng)]);
        }
        if (url != null && !urlFirst)
        {
            addUrl(url);
        }
        if (rng.nextDouble() < 0.06 && tb.fits(1))
        {
            tb.word(EMOJI[rng.nextInt(EMOJI.length)]);
        }
    }

    private void addHashtag(final String tag)
    {
        if (!tb.hasHashtag(tag) && tb.fits(tag.length() + 1))
        {
            tb.hashtag(tag);
        }
    }

    private void addUrl(final String expanded)
    {
        final String shortUrl = shortUrl();
        if (tb.fits(shortUrl.length()))
        {
            tb.url(shortUrl, expanded);
        }
    }

    /**
     * A fresh t.co-style short URL (23 characters, like Twitter's wrapped links).
     *
     * @return the short URL.
     */
    String shortUrl()
    {
        final StringBuilder sb = new StringBuilder(23).append(SHORT_URL_PREFIX);
        for (int i = 0; i < 10; i++)
        {
            sb.append(BASE62.charAt(rng.nextInt(BASE62.length())));
        }
        return sb.toString();
    }
}
