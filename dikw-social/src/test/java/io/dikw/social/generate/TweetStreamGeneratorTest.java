package io.dikw.social.generate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TweetStreamGeneratorTest
{
    private static final GeneratorConfig SMALL =
        GeneratorConfig.defaults().withCount(4_000).withMemes(12).withUsers(800).withSeed(7);
    private static final GeneratorConfig MEDIUM =
        GeneratorConfig.defaults().withCount(20_000).withMemes(30).withUsers(3_000).withSeed(11);

    private static GeneratedStream small;
    private static GeneratedStream medium;

    @BeforeAll
    static void generate()
    {
        small = GeneratedStream.of(SMALL);
        medium = GeneratedStream.of(MEDIUM);
    }

    @Test
    void shouldWriteByteIdenticalOutputForTheSameSeed()
    {
        final GeneratedStream again = GeneratedStream.of(SMALL);
        assertThat(again.tweets).isEqualTo(small.tweets);
        assertThat(again.labels).isEqualTo(small.labels);
        assertThat(again.memes).isEqualTo(small.memes);
    }

    @Test
    void shouldWriteTheSameStreamWhenOneGeneratorWritesTwice() throws IOException
    {
        final TweetStreamGenerator generator = new TweetStreamGenerator(SMALL.withCount(500));
        final java.io.StringWriter first = new java.io.StringWriter();
        final java.io.StringWriter second = new java.io.StringWriter();
        generator.write(first, Writer.nullWriter(), n -> { });
        generator.write(second, Writer.nullWriter(), n -> { });
        assertThat(second.toString()).isEqualTo(first.toString());
    }

    @Test
    void shouldWriteDifferentOutputForADifferentSeed()
    {
        final GeneratedStream other = GeneratedStream.of(SMALL.withSeed(8));
        assertThat(other.tweets).isNotEqualTo(small.tweets);
        assertThat(other.labels).isNotEqualTo(small.labels);
    }

    @Test
    void shouldWriteExactlyCountTweetsAndLabels()
    {
        assertThat(small.tweetLines()).hasSize(4_000);
        assertThat(small.labelRows()).hasSize(4_000);
        assertThat(small.stats.tweets()).isEqualTo(4_000);
        assertThat(medium.tweetLines()).hasSize(20_000);
    }

    @Test
    void shouldWriteNothingForZeroTweets()
    {
        final GeneratedStream none = GeneratedStream.of(SMALL.withCount(0));
        assertThat(none.tweets).isEmpty();
        assertThat(none.labels).isEmpty();
    }

    @Test
    void shouldLineUpLabelsWithTweetsById()
    {
        final List<JsonNode> tweets = small.parsed();
        final List<String[]> labels = small.labelRows();
        final Set<String> names = new HashSet<>();
        small.memes.forEach(m -> names.add(m.name()));
        for (int i = 0; i < tweets.size(); i++)
        {
            assertThat(labels.get(i)).hasSize(2);
            assertThat(labels.get(i)[0]).isEqualTo(tweets.get(i).get("id_str").asText());
            assertThat(labels.get(i)[1]).satisfiesAnyOf(
                l -> assertThat(l).isEqualTo(TweetStreamGenerator.BACKGROUND_LABEL),
                l -> assertThat(names).contains(l));
        }
    }

    @Test
    void shouldWriteV11FieldsOnEveryLine()
    {
        for (final JsonNode t : small.parsed())
        {
            assertV11(t);
            if (t.has("retweeted_status"))
            {
                assertV11(t.get("retweeted_status"));
            }
            if (t.has("quoted_status"))
            {
                assertV11(t.get("quoted_status"));
            }
        }
    }

    @Test
    void shouldPointEveryEntityIndexAtItsText()
    {
        for (final JsonNode t : medium.parsed())
        {
            assertIndices(t);
            if (t.has("retweeted_status"))
            {
                assertIndices(t.get("retweeted_status"));
                if (t.get("retweeted_status").has("quoted_status"))
                {
                    assertIndices(t.get("retweeted_status").get("quoted_status"));
                }
            }
            if (t.has("quoted_status"))
            {
                assertIndices(t.get("quoted_status"));
            }
        }
    }

    @Test
    void shouldHitRetweetQuoteAndBackgroundSharesWithinTolerance()
    {
        final List<JsonNode> tweets = medium.parsed();
        final List<String[]> labels = medium.labelRows();
        long retweets = 0;
        long quotes = 0;
        long background = 0;
        for (int i = 0; i < tweets.size(); i++)
        {
            retweets += tweets.get(i).has("retweeted_status") ? 1 : 0;
            quotes += tweets.get(i).has("quoted_status") ? 1 : 0;
            background += "-".equals(labels.get(i)[1]) ? 1 : 0;
        }
        final double n = tweets.size();
        assertThat(retweets / n).isCloseTo(0.30, within(0.02));
        assertThat(quotes / n).isCloseTo(0.04, within(0.01));
        assertThat(background / n).isCloseTo(0.50, within(0.03));
        assertThat(medium.stats.retweets()).isEqualTo(retweets);
        assertThat(medium.stats.quotes()).isEqualTo(quotes);
        assertThat(medium.stats.background()).isEqualTo(background);
    }

    @Test
    void shouldFollowOtherSharesWhenConfigured()
    {
        final GeneratedStream mostlyMemes = GeneratedStream.of(
            MEDIUM.withCount(8_000).withBackgroundShare(0.2).withRetweetShare(0.1).withQuoteShare(0.0));
        final double n = 8_000;
        assertThat(mostlyMemes.stats.background() / n).isCloseTo(0.2, within(0.03));
        assertThat(mostlyMemes.stats.retweets() / n).isCloseTo(0.1, within(0.02));
        assertThat(mostlyMemes.stats.quotes()).isZero();
    }

    @Test
    void shouldWriteOnlyBackgroundWithoutMemes()
    {
        final GeneratedStream plain = GeneratedStream.of(SMALL.withMemes(0).withCount(1_000));
        assertThat(plain.labelRows()).allSatisfy(row -> assertThat(row[1]).isEqualTo("-"));
        assertThat(plain.memes).isEmpty();
    }

    @Test
    void shouldWriteOnlyMemesWithZeroBackgroundShare()
    {
        final GeneratedStream memesOnly = GeneratedStream.of(SMALL.withBackgroundShare(0.0).withCount(2_000));
        assertThat(memesOnly.labelRows()).hasSize(2_000).noneSatisfy(row -> assertThat(row[1]).isEqualTo("-"));
    }

    @Test
    void shouldKeepTimestampsNonDecreasingAndIdsIncreasing()
    {
        long previousId = Long.MIN_VALUE;
        Instant previous = Instant.MIN;
        final Instant start = MEDIUM.start();
        Instant last = start;
        for (final JsonNode t : medium.parsed())
        {
            final long id = t.get("id").asLong();
            final Instant at = createdAt(t);
            assertThat(id).isGreaterThan(previousId);
            assertThat(at).isAfterOrEqualTo(previous).isAfterOrEqualTo(start);
            // Snowflake ids encode the creation time.
            final long idMillis = (id >> 22) + GeneratorConfig.SNOWFLAKE_EPOCH.toEpochMilli();
            assertThat(idMillis / 1000).isEqualTo(at.getEpochSecond());
            previousId = id;
            previous = at;
            last = at;
        }
        // 20,000 tweets at 10/s last about 2,000 s.
        assertThat(Duration.between(start, last).toSeconds()).isBetween(1_900L, 2_001L);
        assertThat(medium.stats.last()).isEqualTo(last);
    }

    @Test
    void shouldRetweetEarlierTweetsOfTheSameMeme()
    {
        final List<JsonNode> tweets = medium.parsed();
        final List<String[]> labels = medium.labelRows();
        final Map<String, String> labelById = new HashMap<>();
        labels.forEach(row -> labelById.put(row[0], row[1]));
        int checked = 0;
        for (int i = 0; i < tweets.size(); i++)
        {
            final JsonNode t = tweets.get(i);
            if (!t.has("retweeted_status"))
            {
                continue;
            }
            final JsonNode original = t.get("retweeted_status");
            assertThat(original.has("retweeted_status")).isFalse();
            assertThat(original.get("id").asLong()).isLessThan(t.get("id").asLong());
            assertThat(labelById.get(original.get("id_str").asText())).isEqualTo(labels.get(i)[1]);
            assertThat(t.get("user").get("id_str").asText()).isNotEqualTo(original.get("user").get("id_str").asText());
            final String prefix = "RT @" + original.get("user").get("screen_name").asText() + ": ";
            assertThat(t.get("text").asText()).startsWith(prefix);
            final String full = prefix + original.get("text").asText();
            if (full.length() <= 280)
            {
                assertThat(t.get("text").asText()).isEqualTo(full);
            }
            else
            {
                assertThat(t.get("text").asText()).hasSize(280).endsWith("\u2026");
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(5_000);
    }

    @Test
    void shouldReplyToEarlierTweetsAndQuoteThem()
    {
        final Map<String, JsonNode> byId = new HashMap<>();
        int replies = 0;
        for (final JsonNode t : medium.parsed())
        {
            byId.put(t.get("id_str").asText(), t);
            if (!t.get("in_reply_to_user_id_str").isNull())
            {
                final JsonNode target = byId.get(t.get("in_reply_to_status_id_str").asText());
                assertThat(target).isNotNull();
                assertThat(target.get("user").get("id_str").asText()).isEqualTo(t.get("in_reply_to_user_id_str").asText());
                assertThat(t.get("text").asText()).startsWith("@" + target.get("user").get("screen_name").asText() + " ");
                replies++;
            }
            if (t.has("quoted_status"))
            {
                assertThat(t.get("is_quote_status").asBoolean()).isTrue();
                assertThat(t.get("quoted_status_id_str").asText()).isEqualTo(t.get("quoted_status").get("id_str").asText());
                assertThat(byId).containsKey(t.get("quoted_status_id_str").asText());
            }
        }
        assertThat(replies).isEqualTo(medium.stats.replies()).isGreaterThan(500);
    }

    @Test
    void shouldKeepMemesInsideTheirLifetimesAndCommunities()
    {
        final List<JsonNode> tweets = medium.parsed();
        final List<String[]> labels = medium.labelRows();
        final Map<String, MemeSpec> specs = new HashMap<>();
        medium.memes.forEach(m -> specs.put(m.name(), m));
        final Map<String, Set<String>> authors = new HashMap<>();
        final Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < tweets.size(); i++)
        {
            final String label = labels.get(i)[1];
            if ("-".equals(label))
            {
                continue;
            }
            final MemeSpec spec = specs.get(label);
            final Instant at = createdAt(tweets.get(i));
            assertThat(at).isBetween(spec.start().minusSeconds(2), spec.end().plusSeconds(2));
            counts.merge(label, 1, Integer::sum);
            final JsonNode t = tweets.get(i);
            if (!t.has("retweeted_status") && !t.has("quoted_status"))
            {
                authors.computeIfAbsent(label, k -> new HashSet<>()).add(t.get("user").get("id_str").asText());
            }
        }
        for (final MemeSpec spec : medium.memes)
        {
            assertThat(authors.getOrDefault(spec.name(), Set.of())).hasSizeLessThanOrEqualTo(spec.communitySize());
            final double expected = spec.expectedTweets();
            final int actual = counts.getOrDefault(spec.name(), 0);
            assertThat((double) actual).as(spec.name()).isCloseTo(expected, within(5 * Math.sqrt(expected) + 5));
        }
    }

    @Test
    void shouldUseMemeMarkersMostlyInsideTheirMeme()
    {
        final List<JsonNode> tweets = medium.parsed();
        final List<String[]> labels = medium.labelRows();
        final Map<String, String> memeOfHashtag = new HashMap<>();
        for (final MemeSpec spec : medium.memes)
        {
            assertThat(spec.hashtags()).hasSizeBetween(1, 3);
            assertThat(spec.urls()).hasSizeBetween(1, 3);
            assertThat(spec.vocabulary()).hasSizeBetween(30, 80);
            for (final String tag : spec.hashtags())
            {
                assertThat(memeOfHashtag.put(tag, spec.name())).as("hashtag shared: " + tag).isNull();
                assertThat(World.GENERIC_HASHTAGS).doesNotContain(tag);
            }
        }
        int tagged = 0;
        int memeTweets = 0;
        for (int i = 0; i < tweets.size(); i++)
        {
            final String label = labels.get(i)[1];
            boolean hasOwn = false;
            for (final JsonNode h : tweets.get(i).get("entities").get("hashtags"))
            {
                final String owner = memeOfHashtag.get(h.get("text").asText());
                if (owner != null)
                {
                    assertThat(owner).isEqualTo(label);
                    hasOwn = true;
                }
            }
            if (!"-".equals(label))
            {
                memeTweets++;
                tagged += hasOwn ? 1 : 0;
            }
        }
        // Most, but not all, meme tweets carry a meme hashtag.
        assertThat((double) tagged / memeTweets).isBetween(0.5, 0.95);
    }

    @Test
    void shouldNeverPutTheLabelInTheTweet()
    {
        final List<String> lines = medium.tweetLines();
        final List<String[]> labels = medium.labelRows();
        for (int i = 0; i < lines.size(); i++)
        {
            assertThat(lines.get(i)).doesNotContain("meme-");
        }
        assertThat(labels).anySatisfy(row -> assertThat(row[1]).startsWith("meme-"));
    }

    @Test
    void shouldMixStopWordsIntoTexts()
    {
        long tokens = 0;
        long stops = 0;
        for (final JsonNode t : small.parsed())
        {
            for (final String token : t.get("text").asText().toLowerCase(java.util.Locale.ROOT).split("[^a-z]+"))
            {
                if (!token.isEmpty())
                {
                    tokens++;
                    stops += StopWords.contains(token) ? 1 : 0;
                }
            }
        }
        assertThat((double) stops / tokens).isBetween(0.15, 0.5);
    }

    @Test
    void shouldReportProgress() throws IOException
    {
        final List<Long> reports = new ArrayList<>();
        new TweetStreamGenerator(SMALL.withCount(25_000)).write(Writer.nullWriter(), Writer.nullWriter(), reports::add);
        assertThat(reports).containsExactly(10_000L, 20_000L, 25_000L);
    }

    @Test
    void shouldStreamTwoHundredThousandTweetsToANullWriter() throws IOException
    {
        final AtomicLong seen = new AtomicLong();
        final GenerationStats stats = new TweetStreamGenerator(GeneratorConfig.defaults().withCount(200_000))
            .write(Writer.nullWriter(), Writer.nullWriter(), seen::set);
        assertThat(stats.tweets()).isEqualTo(200_000);
        assertThat(seen.get()).isEqualTo(200_000);
    }

    private static Instant createdAt(final JsonNode t)
    {
        return ZonedDateTime.parse(t.get("created_at").asText(), TweetJsonWriter.CREATED_AT).toInstant();
    }

    private static void assertV11(final JsonNode t)
    {
        assertThat(t.get("created_at").asText()).matches("[A-Z][a-z]{2} [A-Z][a-z]{2} \\d{2} \\d{2}:\\d{2}:\\d{2} \\+0000 \\d{4}");
        assertThat(t.get("id").isIntegralNumber()).isTrue();
        assertThat(t.get("id_str").asText()).isEqualTo(Long.toString(t.get("id").asLong()));
        assertThat(t.get("text").asText()).isNotBlank().hasSizeLessThanOrEqualTo(280);
        assertThat(t.get("lang").asText()).isEqualTo("en");
        assertThat(t.has("in_reply_to_user_id_str")).isTrue();
        final JsonNode user = t.get("user");
        assertThat(user.get("id_str").asText()).isEqualTo(Long.toString(user.get("id").asLong()));
        assertThat(user.get("screen_name").asText()).matches("[A-Za-z0-9_]{1,15}");
        assertThat(user.get("name").asText()).isNotBlank();
        assertThat(user.get("followers_count").asInt()).isNotNegative();
        final JsonNode entities = t.get("entities");
        assertThat(entities.get("hashtags").isArray()).isTrue();
        assertThat(entities.get("user_mentions").isArray()).isTrue();
        assertThat(entities.get("urls").isArray()).isTrue();
        for (final JsonNode u : entities.get("urls"))
        {
            assertThat(u.get("url").asText()).matches("https://t\\.co/[A-Za-z0-9]{10}");
            assertThat(u.get("expanded_url").asText()).startsWith("https://");
        }
        for (final JsonNode m : entities.get("user_mentions"))
        {
            assertThat(m.get("id_str").asText()).isEqualTo(Long.toString(m.get("id").asLong()));
        }
    }

    private static void assertIndices(final JsonNode t)
    {
        final String text = t.get("text").asText();
        final JsonNode entities = t.get("entities");
        for (final JsonNode h : entities.get("hashtags"))
        {
            assertThat(slice(text, h)).isEqualTo("#" + h.get("text").asText());
        }
        for (final JsonNode m : entities.get("user_mentions"))
        {
            assertThat(slice(text, m)).isEqualTo("@" + m.get("screen_name").asText());
        }
        for (final JsonNode u : entities.get("urls"))
        {
            assertThat(slice(text, u)).isEqualTo(u.get("url").asText());
        }
    }

    private static String slice(final String text, final JsonNode entity)
    {
        final int start = entity.get("indices").get(0).asInt();
        final int end = entity.get("indices").get(1).asInt();
        return text.substring(start, end);
    }
}
