package io.dikw.social.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Settings of the synthetic tweet stream made by {@link TweetStreamGenerator}.
 *
 * <p>Start from {@link #defaults()} and change fields with the {@code with*} copies. The compact
 * constructor validates every field and throws {@link IllegalArgumentException} naming the field
 * and its value.
 *
 * @param count number of tweets to write, {@code >= 0}.
 * @param memes number of planted memes, {@code [0, 100000]}; 0 makes a background-only stream.
 * @param users number of users, {@code [10, 10000000]}.
 * @param seed random seed; the same config always yields byte-identical output.
 * @param tweetsPerSecond mean arrival rate over the whole stream, finite and {@code > 0}.
 * @param backgroundShare expected share of tweets that belong to no meme, {@code [0, 1]}
 *     (ignored, effectively 1, when {@code memes == 0}).
 * @param start time of the stream's start, at or after the Twitter snowflake epoch
 *     (2010-11-04T01:42:54.657Z); the whole stream must end before 2080-07-10T17:30:30.208Z (41-bit snowflake time).
 * @param retweetShare expected share of tweets that are retweets, {@code [0, 1]}.
 * @param quoteShare expected share of tweets that are quote tweets, {@code [0, 1]}, and
 *     {@code retweetShare + quoteShare <= 1}.
 * @param replyShare share of original (non-retweet, non-quote) tweets that are replies, {@code [0, 1]}.
 * @param vocabularySize number of general (background) words, {@code [100, 200000]}.
 * @param minMemeLifetime shortest meme lifetime, {@code > 0}.
 * @param maxMemeLifetime longest meme lifetime, {@code >= minMemeLifetime}.
 */
public record GeneratorConfig(
    long count,
    int memes,
    int users,
    long seed,
    double tweetsPerSecond,
    double backgroundShare,
    Instant start,
    double retweetShare,
    double quoteShare,
    double replyShare,
    int vocabularySize,
    Duration minMemeLifetime,
    Duration maxMemeLifetime)
{
    /** Default number of tweets. */
    public static final long DEFAULT_COUNT = 100_000L;
    /** Default number of memes. */
    public static final int DEFAULT_MEMES = 100;
    /** Default number of users. */
    public static final int DEFAULT_USERS = 10_000;
    /** Default seed. */
    public static final long DEFAULT_SEED = 42L;
    /** Default mean arrival rate, tweets per second of stream time. */
    public static final double DEFAULT_TWEETS_PER_SECOND = 10.0;
    /** Default share of background (non-meme) tweets. */
    public static final double DEFAULT_BACKGROUND_SHARE = 0.5;
    /** Default stream start; fixed so that defaults are reproducible. */
    public static final Instant DEFAULT_START = Instant.parse("2024-03-04T12:00:00Z");
    /** Default share of retweets. */
    public static final double DEFAULT_RETWEET_SHARE = 0.30;
    /** Default share of quote tweets. */
    public static final double DEFAULT_QUOTE_SHARE = 0.04;
    /** Default share of replies among original tweets. */
    public static final double DEFAULT_REPLY_SHARE = 0.08;
    /** Default general vocabulary size. */
    public static final int DEFAULT_VOCABULARY_SIZE = 5_000;
    /** Default shortest meme lifetime. */
    public static final Duration DEFAULT_MIN_MEME_LIFETIME = Duration.ofMinutes(10);
    /** Default longest meme lifetime. */
    public static final Duration DEFAULT_MAX_MEME_LIFETIME = Duration.ofMinutes(60);

    /** Twitter's snowflake epoch: ids encode milliseconds since this instant. */
    public static final Instant SNOWFLAKE_EPOCH = Instant.ofEpochMilli(1_288_834_974_657L);
    /** Last instant a 41-bit snowflake timestamp can encode. */
    public static final Instant SNOWFLAKE_LIMIT = Instant.ofEpochMilli(1_288_834_974_657L + (1L << 41) - 1);

    private static final int MAX_MEMES = 100_000;
    private static final int MIN_USERS = 10;
    private static final int MAX_USERS = 10_000_000;
    private static final int MIN_VOCABULARY = 100;
    private static final int MAX_VOCABULARY = 200_000;

    /** Validates every field. */
    public GeneratorConfig
    {
        if (count < 0)
        {
            throw invalid("count", count, "must be >= 0");
        }
        if (memes < 0 || memes > MAX_MEMES)
        {
            throw invalid("memes", memes, "must be in [0, " + MAX_MEMES + "]");
        }
        if (users < MIN_USERS || users > MAX_USERS)
        {
            throw invalid("users", users, "must be in [" + MIN_USERS + ", " + MAX_USERS + "]");
        }
        if (!(tweetsPerSecond > 0.0) || Double.isInfinite(tweetsPerSecond))
        {
            throw invalid("tweetsPerSecond", tweetsPerSecond, "must be finite and > 0");
        }
        requireShare("backgroundShare", backgroundShare);
        requireShare("retweetShare", retweetShare);
        requireShare("quoteShare", quoteShare);
        requireShare("replyShare", replyShare);
        if (retweetShare + quoteShare > 1.0)
        {
            throw new IllegalArgumentException(
                "retweetShare + quoteShare must be <= 1, was retweetShare=" + retweetShare + " quoteShare=" + quoteShare);
        }
        if (vocabularySize < MIN_VOCABULARY || vocabularySize > MAX_VOCABULARY)
        {
            throw invalid("vocabularySize", vocabularySize, "must be in [" + MIN_VOCABULARY + ", " + MAX_VOCABULARY + "]");
        }
        Objects.requireNonNull(start, "start must not be null");
        Objects.requireNonNull(minMemeLifetime, "minMemeLifetime must not be null");
        Objects.requireNonNull(maxMemeLifetime, "maxMemeLifetime must not be null");
        if (minMemeLifetime.isNegative() || minMemeLifetime.isZero())
        {
            throw invalid("minMemeLifetime", minMemeLifetime, "must be > 0");
        }
        if (maxMemeLifetime.compareTo(minMemeLifetime) < 0)
        {
            throw new IllegalArgumentException("maxMemeLifetime must be >= minMemeLifetime, was maxMemeLifetime="
                + maxMemeLifetime + " minMemeLifetime=" + minMemeLifetime);
        }
        if (start.isBefore(SNOWFLAKE_EPOCH))
        {
            throw invalid("start", start, "must be at or after " + SNOWFLAKE_EPOCH + " (snowflake id epoch)");
        }
        if (!start.isBefore(SNOWFLAKE_LIMIT))
        {
            throw invalid("start", start, "must be before " + SNOWFLAKE_LIMIT + " (snowflake id range)");
        }
        // The last arrival lands at start + count / tweetsPerSecond; keep a margin for rounding.
        final double endMillis = start.toEpochMilli() + 1000.0 * (count / tweetsPerSecond) * 1.01;
        if (endMillis >= SNOWFLAKE_LIMIT.toEpochMilli())
        {
            throw new IllegalArgumentException("count / tweetsPerSecond must end the stream before " + SNOWFLAKE_LIMIT
                + " (snowflake id range), was count=" + count + " tweetsPerSecond=" + tweetsPerSecond + " start=" + start);
        }
    }

    /**
     * The default configuration: 100,000 tweets, 100 memes, 10,000 users, seed 42, 10 tweets/s,
     * 50% background, 30% retweets, 4% quotes, 8% replies, 5,000 general words, meme lifetimes
     * 10–60 minutes, starting 2024-03-04T12:00:00Z.
     *
     * @return the defaults.
     */
    public static GeneratorConfig defaults()
    {
        return new GeneratorConfig(DEFAULT_COUNT, DEFAULT_MEMES, DEFAULT_USERS, DEFAULT_SEED, DEFAULT_TWEETS_PER_SECOND,
            DEFAULT_BACKGROUND_SHARE, DEFAULT_START, DEFAULT_RETWEET_SHARE, DEFAULT_QUOTE_SHARE, DEFAULT_REPLY_SHARE,
            DEFAULT_VOCABULARY_SIZE, DEFAULT_MIN_MEME_LIFETIME, DEFAULT_MAX_MEME_LIFETIME);
    }

    /**
     * Nominal stream length, {@code count / tweetsPerSecond} (the last tweet lands close to it).
     *
     * @return the nominal duration.
     */
    public Duration duration()
    {
        return Duration.ofNanos(Math.round(1e9 * (count / tweetsPerSecond)));
    }

    /**
     * Copy with another tweet count.
     *
     * @param value the tweet count.
     * @return the copy.
     */
    public GeneratorConfig withCount(final long value)
    {
        return new GeneratorConfig(value, memes, users, seed, tweetsPerSecond, backgroundShare, start, retweetShare,
            quoteShare, replyShare, vocabularySize, minMemeLifetime, maxMemeLifetime);
    }

    /**
     * Copy with another meme count.
     *
     * @param value the meme count.
     * @return the copy.
     */
    public GeneratorConfig withMemes(final int value)
    {
        return new GeneratorConfig(count, value, users, seed, tweetsPerSecond, backgroundShare, start, retweetShare,
            quoteShare, replyShare, vocabularySize, minMemeLifetime, maxMemeLifetime);
    }

    /**
     * Copy with another user count.
     *
     * @param value the user count.
     * @return the copy.
     */
    public GeneratorConfig withUsers(final int value)
    {
        return new GeneratorConfig(count, memes, value, seed, tweetsPerSecond, backgroundShare, start, retweetShare,
            quoteShare, replyShare, vocabularySize, minMemeLifetime, maxMemeLifetime);
    }

    /**
     * Copy with another seed.
     *
     * @param value the seed.
     * @return the copy.
     */
    public GeneratorConfig withSeed(final long value)
    {
        return new GeneratorConfig(count, memes, users, value, tweetsPerSecond, backgroundShare, start, retweetShare,
            quoteShare, replyShare, vocabularySize, minMemeLifetime, maxMemeLifetime);
    }

    /**
     * Copy with another arrival rate.
     *
     * @param value tweets per second.
     * @return the copy.
     */
    public GeneratorConfig withTweetsPerSecond(final double value)
    {
        return new GeneratorConfig(count, memes, users, seed, value, backgroundShare, start, retweetShare,
            quoteShare, replyShare, vocabularySize, minMemeLifetime, maxMemeLifetime);
    }

    /**
     * Copy with another background share.
     *
     * @param value the share in [0, 1].
     * @return the copy.
     */
    public GeneratorConfig withBackgroundShare(final double value)
    {
        return new GeneratorConfig(count, memes, users, seed, tweetsPerSecond, value, start, retweetShare,
            quoteShare, replyShare, vocabularySize, minMemeLifetime, maxMemeLifetime);
    }

    /**
     * Copy with another start time.
     *
     * @param value the start.
     * @return the copy.
     */
    public GeneratorConfig withStart(final Instant value)
    {
        return new GeneratorConfig(count, memes, users, seed, tweetsPerSecond, backgroundShare, value, retweetShare,
            quoteShare, replyShare, vocabularySize, minMemeLifetime, maxMemeLifetime);
    }

    /**
     * Copy with another retweet share.
     *
     * @param value the share in [0, 1].
     * @return the copy.
     */
    public GeneratorConfig withRetweetShare(final double value)
    {
        return new GeneratorConfig(count, memes, users, seed, tweetsPerSecond, backgroundShare, start, value,
            quoteShare, replyShare, vocabularySize, minMemeLifetime, maxMemeLifetime);
    }

    /**
     * Copy with another quote share.
     *
     * @param value the share in [0, 1].
     * @return the copy.
     */
    public GeneratorConfig withQuoteShare(final double value)
    {
        return new GeneratorConfig(count, memes, users, seed, tweetsPerSecond, backgroundShare, start, retweetShare,
            value, replyShare, vocabularySize, minMemeLifetime, maxMemeLifetime);
    }

    /**
     * Copy with another reply share.
     *
     * @param value the share in [0, 1].
     * @return the copy.
     */
    public GeneratorConfig withReplyShare(final double value)
    {
        return new GeneratorConfig(count, memes, users, seed, tweetsPerSecond, backgroundShare, start, retweetShare,
            quoteShare, value, vocabularySize, minMemeLifetime, maxMemeLifetime);
    }

    /**
     * Copy with another general vocabulary size.
     *
     * @param value number of general words.
     * @return the copy.
     */
    public GeneratorConfig withVocabularySize(final int value)
    {
        return new GeneratorConfig(count, memes, users, seed, tweetsPerSecond, backgroundShare, start, retweetShare,
            quoteShare, replyShare, value, minMemeLifetime, maxMemeLifetime);
    }

    /**
     * Copy with other meme lifetimes.
     *
     * @param min shortest lifetime.
     * @param max longest lifetime.
     * @return the copy.
     */
    public GeneratorConfig withMemeLifetime(final Duration min, final Duration max)
    {
        return new GeneratorConfig(count, memes, users, seed, tweetsPerSecond, backgroundShare, start, retweetShare,
            quoteShare, replyShare, vocabularySize, min, max);
    }

    private static void requireShare(final String field, final double value)
    {
        if (!(value >= 0.0 && value <= 1.0))
        {
            throw invalid(field, value, "must be in [0, 1]");
        }
    }

    private static IllegalArgumentException invalid(final String field, final Object value, final String rule)
    {
        return new IllegalArgumentException(field + " " + rule + ", was " + value);
    }
}
