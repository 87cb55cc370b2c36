package io.dikw.social.generate;

import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class WordForgeTest
{
    @Test
    void shouldMakeUniqueWordLikeTokensThatAreNeverStopWords()
    {
        final WordForge forge = new WordForge();
        final SplittableRandom rng = new SplittableRandom(1);
        final Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++)
        {
            final String w = forge.word(rng, 1, 3);
            assertThat(w).matches("[a-z]{3,12}").doesNotContain("meme");
            assertThat(StopWords.contains(w)).as(w).isFalse();
            for (final String suffix : WordForge.SUFFIXES)
            {
                assertThat(StopWords.contains(w + suffix)).as(w + suffix).isFalse();
            }
            assertThat(seen.add(w)).as("duplicate " + w).isTrue();
        }
    }

    @Test
    void shouldNeverReturnReservedWords()
    {
        final WordForge forge = new WordForge();
        final SplittableRandom rng = new SplittableRandom(2);
        final Set<String> first = new HashSet<>();
        for (int i = 0; i < 2_000; i++)
        {
            first.add(forge.word(rng, 1, 1));
        }
        final WordForge other = new WordForge();
        first.forEach(other::reserve);
        final SplittableRandom again = new SplittableRandom(2);
        for (int i = 0; i < 2_000; i++)
        {
            assertThat(first).doesNotContain(other.word(again, 1, 1));
        }
    }

    @Test
    void shouldRejectStopWordsAndLabelLookalikes()
    {
        assertThat(WordForge.acceptable("the")).isFalse();
        assertThat(WordForge.acceptable("thi")).isFalse(); // "this" is a stop word
        assertThat(WordForge.acceptable("blememe")).isFalse();
        assertThat(WordForge.acceptable("ab")).isFalse();
        assertThat(WordForge.acceptable("glorb")).isTrue();
    }

    @Test
    void shouldCoverLuceneEnglishStopWords()
    {
        for (final Object word : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)
        {
            assertThat(StopWords.contains(new String((char[]) word))).as(new String((char[]) word)).isTrue();
        }
        assertThat(StopWords.WORDS).containsAll(StopWords.LUCENE_ENGLISH);
    }
}
