package io.dikw.social.generate;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TweetStreamPropertiesTest
{
    @Property(tries = 40)
    void everyConfigWritesCountParsableTweetsWithExactIndices(
        @ForAll @IntRange(min = 0, max = 400) final int count,
        @ForAll @IntRange(min = 0, max = 6) final int memes,
        @ForAll @IntRange(min = 10, max = 300) final int users,
        @ForAll final long seed,
        @ForAll @DoubleRange(min = 0.0, max = 1.0) final double backgroundShare,
        @ForAll @DoubleRange(min = 0.01, max = 1000.0) final double tweetsPerSecond,
        @ForAll @LongRange(min = 1, max = 7_200) final long lifetimeSeconds)
    {
        final GeneratorConfig config = GeneratorConfig.defaults().withCount(count).withMemes(memes).withUsers(users)
            .withSeed(seed).withBackgroundShare(backgroundShare).withTweetsPerSecond(tweetsPerSecond)
            .withVocabularySize(200)
            .withMemeLifetime(java.time.Duration.ofSeconds(lifetimeSeconds), java.time.Duration.ofSeconds(lifetimeSeconds * 2));
        final GeneratedStream stream = GeneratedStream.of(config);
        final List<JsonNode> tweets = stream.parsed();
        final List<String[]> labels = stream.labelRows();
        assertThat(tweets).hasSize(count);
        assertThat(labels).hasSize(count);
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < count; i++)
        {
            final JsonNode t = tweets.get(i);
            assertThat(labels.get(i)[0]).isEqualTo(t.get("id_str").asText());
            assertThat(t.get("id").asLong()).isGreaterThan(previous);
            previous = t.get("id").asLong();
            final String text = t.get("text").asText();
            assertThat(text.length()).isBetween(1, 280);
            for (final JsonNode h : t.get("entities").get("hashtags"))
            {
                assertThat(text.substring(h.get("indices").get(0).asInt(), h.get("indices").get(1).asInt()))
                    .isEqualTo("#" + h.get("text").asText());
            }
            for (final JsonNode m : t.get("entities").get("user_mentions"))
            {
                assertThat(text.substring(m.get("indices").get(0).asInt(), m.get("indices").get(1).asInt()))
                    .isEqualTo("@" + m.get("screen_name").asText());
            }
            for (final JsonNode u : t.get("entities").get("urls"))
            {
                assertThat(text.substring(u.get("indices").get(0).asInt(), u.get("indices").get(1).asInt()))
                    .isEqualTo(u.get("url").asText());
            }
        }
        if (memes == 0)
        {
            assertThat(labels).allSatisfy(row -> assertThat(row[1]).isEqualTo("-"));
        }
    }
}
