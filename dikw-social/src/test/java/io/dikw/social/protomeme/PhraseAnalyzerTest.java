package io.dikw.social.protomeme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PhraseAnalyzerTest {
    private final PhraseAnalyzer analyzer = new PhraseAnalyzer();

    @AfterEach
    void close() {
        analyzer.close();
    }

    @Test
    void stemsWithPorter() {
        assertThat(analyzer.terms("running")).containsExactly("run");
        assertThat(analyzer.terms("cats jumped connections")).containsExactly("cat", "jump", "connect");
        assertThat(analyzer.terms("happiness")).containsExactly("happi");
    }

    @Test
    void lowerCasesBeforeStemming() {
        assertThat(analyzer.terms("RUNNING Cats")).containsExactly("run", "cat");
    }

    @Test
    void removesEnglishStopWords() {
        assertThat(analyzer.terms("the cat and the dog is on a mat")).containsExactly("cat", "dog", "mat");
    }

    @Test
    void removesTheRetweetMarkerInAnyCase() {
        assertThat(analyzer.terms("RT : cats rt Rt")).containsExactly("cat");
    }

    @Test
    void removesTheHtmlAmpersandEntity() {
        assertThat(analyzer.terms("cats &amp; dogs")).containsExactly("cat", "dog");
    }

    @Test
    void keepsRepeatsAndOrder() {
        assertThat(analyzer.terms("dogs cats dogs")).containsExactly("dog", "cat", "dog");
    }

    @Test
    void dropsPunctuationAndKeepsNumbers() {
        assertThat(analyzer.terms("wow!!! 2024, ... cats?")).containsExactly("wow", "2024", "cat");
    }

    @Test
    void textWithoutTermsGivesNoTerms() {
        assertThat(analyzer.terms("")).isEmpty();
        assertThat(analyzer.terms("   ")).isEmpty();
        assertThat(analyzer.terms("the and of RT !!")).isEmpty();
    }

    @Test
    void canBeReusedForManyTexts() {
        for (int i = 0; i < 100; i++) {
            assertThat(analyzer.terms("running " + i)).containsExactly("run", String.valueOf(i));
        }
    }
}
