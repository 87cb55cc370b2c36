package io.dikw.social.generate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class GeneratorConfigTest
{
    private static final GeneratorConfig D = GeneratorConfig.defaults();

    @Test
    void shouldProvideDocumentedDefaults()
    {
        assertThat(D.count()).isEqualTo(100_000);
        assertThat(D.memes()).isEqualTo(100);
        assertThat(D.users()).isEqualTo(10_000);
        assertThat(D.tweetsPerSecond()).isEqualTo(10.0);
        assertThat(D.backgroundShare()).isEqualTo(0.5);
        assertThat(D.retweetShare()).isEqualTo(0.30);
        assertThat(D.minMemeLifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(D.maxMemeLifetime()).isEqualTo(Duration.ofMinutes(60));
        assertThat(D.duration()).isEqualTo(Duration.ofSeconds(10_000));
    }

    @Test
    void shouldCopyWithOneFieldChanged()
    {
        final GeneratorConfig c = D.withCount(5).withMemes(2).withUsers(20).withSeed(9).withTweetsPerSecond(2.5)
            .withBackgroundShare(0.1).withStart(Instant.parse("2020-01-01T00:00:00Z")).withRetweetShare(0.2)
            .withQuoteShare(0.1).withReplyShare(0.0).withVocabularySize(100)
            .withMemeLifetime(Duration.ofMinutes(1), Duration.ofMinutes(2));
        assertThat(c).isEqualTo(new GeneratorConfig(5, 2, 20, 9, 2.5, 0.1, Instant.parse("2020-01-01T00:00:00Z"),
            0.2, 0.1, 0.0, 100, Duration.ofMinutes(1), Duration.ofMinutes(2)));
    }

    static Stream<Arguments> invalidConfigs()
    {
        return Stream.of(
            Arguments.of("count", "-1", (Supplier<GeneratorConfig>) () -> D.withCount(-1)),
            Arguments.of("memes", "-3", (Supplier<GeneratorConfig>) () -> D.withMemes(-3)),
            Arguments.of("memes", "100001", (Supplier<GeneratorConfig>) () -> D.withMemes(100_001)),
            Arguments.of("users", "9", (Supplier<GeneratorConfig>) () -> D.withUsers(9)),
            Arguments.of("tweetsPerSecond", "0.0", (Supplier<GeneratorConfig>) () -> D.withTweetsPerSecond(0)),
            Arguments.of("tweetsPerSecond", "NaN", (Supplier<GeneratorConfig>) () -> D.withTweetsPerSecond(Double.NaN)),
            Arguments.of("tweetsPerSecond", "Infinity",
                (Supplier<GeneratorConfig>) () -> D.withTweetsPerSecond(Double.POSITIVE_INFINITY)),
            Arguments.of("backgroundShare", "1.5", (Supplier<GeneratorConfig>) () -> D.withBackgroundShare(1.5)),
            Arguments.of("backgroundShare", "-0.1", (Supplier<GeneratorConfig>) () -> D.withBackgroundShare(-0.1)),
            Arguments.of("retweetShare", "2.0", (Supplier<GeneratorConfig>) () -> D.withRetweetShare(2.0)),
            Arguments.of("quoteShare", "NaN", (Supplier<GeneratorConfig>) () -> D.withQuoteShare(Double.NaN)),
            Arguments.of("replyShare", "-1.0", (Supplier<GeneratorConfig>) () -> D.withReplyShare(-1)),
            Arguments.of("retweetShare + quoteShare", "quoteShare=0.8",
                (Supplier<GeneratorConfig>) () -> D.withQuoteShare(0.8)),
            Arguments.of("vocabularySize", "99", (Supplier<GeneratorConfig>) () -> D.withVocabularySize(99)),
            Arguments.of("minMemeLifetime", "PT0S",
                (Supplier<GeneratorConfig>) () -> D.withMemeLifetime(Duration.ZERO, Duration.ofMinutes(1))),
            Arguments.of("maxMemeLifetime", "PT1M",
                (Supplier<GeneratorConfig>) () -> D.withMemeLifetime(Duration.ofMinutes(2), Duration.ofMinutes(1))),
            Arguments.of("start", "2009-01-01T00:00:00Z",
                (Supplier<GeneratorConfig>) () -> D.withStart(Instant.parse("2009-01-01T00:00:00Z"))),
            Arguments.of("start", "2081-01-01T00:00:00Z",
                (Supplier<GeneratorConfig>) () -> D.withStart(Instant.parse("2081-01-01T00:00:00Z"))),
            Arguments.of("count=10000000000", "tweetsPerSecond=0.5",
                (Supplier<GeneratorConfig>) () -> D.withTweetsPerSecond(0.5).withCount(10_000_000_000L)));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("invalidConfigs")
    void shouldRejectInvalidFieldNamingFieldAndValue(
        final String field, final String value, final Supplier<GeneratorConfig> config)
    {
        assertThatIllegalArgumentException().isThrownBy(config::get)
            .withMessageContaining(field)
            .withMessageContaining(value);
    }

    @Test
    void shouldRejectNullStart()
    {
        assertThatNullPointerException().isThrownBy(() -> D.withStart(null)).withMessageContaining("start");
    }

    @Test
    void shouldAcceptEdgeValues()
    {
        assertThat(D.withCount(0).withMemes(0).withUsers(10).withBackgroundShare(0.0).withQuoteShare(0.0)
            .withRetweetShare(1.0).withReplyShare(1.0)).isNotNull();
    }
}
