package io.dikw.social.generate;

import java.util.SplittableRandom;

/**
 * A fixed-size ring of the most recent tweets of one meme (or of the background), from which
 * retweets, quotes and replies pick their target. Older tweets fall out, so memory stays bounded
 * however long the stream runs.
 */
final class RecentTweets
{
    private final SynthTweet[] ring;
    private int next;
    private int size;

    /**
     * Creates an empty ring.
     *
     * @param capacity how many recent tweets to keep.
     */
    RecentTweets(final int capacity)
    {
        ring = new SynthTweet[capacity];
    }

    /**
     * Adds a tweet, evicting the oldest when full.
     *
     * @param tweet the tweet.
     */
    void add(final SynthTweet tweet)
    {
        ring[next] = tweet;
        next = (next + 1) % ring.length;
        if (size < ring.length)
        {
            size++;
        }
    }

    /**
     * Whether the ring is empty.
     *
     * @return true when nothing was added yet.
     */
    boolean isEmpty()
    {
        return size == 0;
    }

    /**
     * Picks a tweet with probability proportional to its virality times a recency factor
     * (the newest weighs twice the oldest).
     *
     * @param rng random source.
     * @return a tweet, or null when empty.
     */
    SynthTweet pick(final SplittableRandom rng)
    {
        if (size == 0)
        {
            return null;
        }
        final SynthTweet[] r = ring;
        final int cap = r.length;
        final int newest = next - 1 + cap;
        double total = 0.0;
        for (int i = 0; i < size; i++)
        {
            total += weight(r[i], (newest - i) % cap);
        }
        double x = rng.nextDouble() * total;
        for (int i = 0; i < size; i++)
        {
            x -= weight(r[i], (newest - i) % cap);
            if (x < 0.0)
            {
                return r[i];
            }
        }
        return r[newest % cap];
    }

    private double weight(final SynthTweet t, final int age)
    {
        return t.virality * (2.0 - (double) age / ring.length);
    }
}
