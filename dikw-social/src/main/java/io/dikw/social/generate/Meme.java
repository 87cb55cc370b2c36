package io.dikw.social.generate;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One planted meme: its markers (hashtags, URLs), vocabulary, community of users and intensity
 * curve over stream time. Immutable once built.
 *
 * <p>The intensity is a scaled Beta density over the meme's lifetime {@code [start, start+life)}:
 * {@code rate(t) = mass * x^(a-1) (1-x)^(b-1) / (B(a,b) life)} with {@code x = (t-start)/life},
 * so it rises from zero, peaks at {@code x = (a-1)/(a+b-2)} and fades with a longer tail; its
 * integral is {@code mass}, the expected number of tweets of the meme.
 */
final class Meme
{
    final int index;
    final String name;
    final String[] hashtags;
    final ZipfSampler hashtagSampler;
    final String[] vocabulary;
    final ZipfSampler vocabularySampler;
    final String[] urls;
    /** Members in activity order (most active first). */
    final int[] community;
    /** Members sorted ascending, for membership tests. */
    final int[] communitySorted;
    final ZipfSampler activity;
    /** Probability that a content word is a meme word rather than a general word. */
    final double focus;
    /** Probability that an original meme tweet carries at least one meme hashtag. */
    final double hashtagRate;
    /** Probability that an original meme tweet links one of the meme's URLs. */
    final double urlRate;
    final double startSeconds;
    final double lifeSeconds;
    final double mass;
    private final double shapeA;
    private final double shapeB;
    private final double norm;

    Meme(
        final int index,
        final String name,
        final String[] hashtags,
        final String[] vocabulary,
        final String[] urls,
        final int[] community,
        final double focus,
        final double hashtagRate,
        final double urlRate,
        final double startSeconds,
        final double lifeSeconds,
        final double mass,
        final double shapeA,
        final double shapeB)
    {
        this.index = index;
        this.name = name;
        this.hashtags = hashtags;
        this.hashtagSampler = new ZipfSampler(hashtags.length, 1.5, 0.0);
        this.vocabulary = vocabulary;
        this.vocabularySampler = new ZipfSampler(vocabulary.length, 1.0, 1.0);
        this.urls = urls;
        this.community = community;
        this.communitySorted = community.clone();
        Arrays.sort(communitySorted);
        this.activity = new ZipfSampler(community.length, 0.8, 1.0);
        this.focus = focus;
        this.hashtagRate = hashtagRate;
        this.urlRate = urlRate;
        this.startSeconds = startSeconds;
        this.lifeSeconds = lifeSeconds;
        this.mass = mass;
        this.shapeA = shapeA;
        this.shapeB = shapeB;
        this.norm = betaIntegral(shapeA, shapeB) * lifeSeconds;
    }

    /**
     * End of the lifetime in stream seconds.
     *
     * @return start + life.
     */
    double endSeconds()
    {
        return startSeconds + lifeSeconds;
    }

    /**
     * Expected tweets per second of this meme at stream time {@code t}.
     *
     * @param t seconds since stream start.
     * @return the rate, 0 outside the lifetime.
     */
    double rate(final double t)
    {
        final double x = (t - startSeconds) / lifeSeconds;
        if (!(x > 0.0 && x < 1.0))
        {
            return 0.0;
        }
        return mass * StrictMath.pow(x, shapeA - 1.0) * StrictMath.pow(1.0 - x, shapeB - 1.0) / norm;
    }

    /**
     * Time of peak intensity in stream seconds.
     *
     * @return the mode of the curve.
     */
    double peakSeconds()
    {
        return startSeconds + lifeSeconds * (shapeA - 1.0) / (shapeA + shapeB - 2.0);
    }

    /**
     * Whether a user belongs to the community.
     *
     * @param user user index.
     * @return true for members.
     */
    boolean isMember(final int user)
    {
        return Arrays.binarySearch(communitySorted, user) >= 0;
    }

    /**
     * Public description of this meme.
     *
     * @param startMillis stream start in epoch milliseconds.
     * @return the spec.
     */
    MemeSpec spec(final long startMillis)
    {
        return new MemeSpec(
            name,
            List.of(hashtags),
            List.of(urls),
            List.of(vocabulary),
            community.length,
            Instant.ofEpochMilli(startMillis + Math.round(startSeconds * 1000.0)),
            Instant.ofEpochMilli(startMillis + Math.round(peakSeconds() * 1000.0)),
            Instant.ofEpochMilli(startMillis + Math.round(endSeconds() * 1000.0)),
            mass);
    }

    /** Integral of x^(a-1)(1-x)^(b-1) over [0,1] by the midpoint rule (a, b > 1, smooth). */
    private static double betaIntegral(final double a, final double b)
    {
        final int steps = 4096;
        double sum = 0.0;
        for (int i = 0; i < steps; i++)
        {
            final double x = (i + 0.5) / steps;
            sum += StrictMath.pow(x, a - 1.0) * StrictMath.pow(1.0 - x, b - 1.0);
        }
        return sum / steps;
    }
}
