package io.dikw.social.generate;

import java.time.Instant;
import java.util.List;

/**
 * Ground truth about one planted meme, for tests, evaluation reports and benchmarks.
 *
 * @param name the label written to the labels file, e.g. {@code meme-007}.
 * @param hashtags the meme's own hashtags without {@code #}, most used first.
 * @param urls the meme's expanded URLs.
 * @param vocabulary the meme's own words, most used first.
 * @param communitySize number of users in the meme's community.
 * @param start start of the meme's lifetime.
 * @param peak time of peak intensity.
 * @param end end of the meme's lifetime.
 * @param expectedTweets expected number of tweets labelled with this meme.
 */
public record MemeSpec(
    String name,
    List<String> hashtags,
    List<String> urls,
    List<String> vocabulary,
    int communitySize,
    Instant start,
    Instant peak,
    Instant end,
    double expectedTweets)
{
}
