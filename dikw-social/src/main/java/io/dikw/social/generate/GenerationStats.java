package io.dikw.social.generate;

import java.time.Instant;

/**
 * What one {@link TweetStreamGenerator#write} produced.
 *
 * @param tweets tweets written.
 * @param background tweets labelled {@code -}.
 * @param retweets tweets carrying {@code retweeted_status}.
 * @param quotes tweets carrying {@code quoted_status}.
 * @param replies tweets with {@code in_reply_to_user_id_str}.
 * @param first {@code created_at} of the first tweet (the config's start when none).
 * @param last {@code created_at} of the last tweet (the config's start when none).
 */
public record GenerationStats(
    long tweets,
    long background,
    long retweets,
    long quotes,
    long replies,
    Instant first,
    Instant last)
{
}
