package io.dikw.social.protomeme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns tweet text into the terms of a phrase protomeme with Lucene: standard tokenizer, lower
 * case, English stop words (plus the retweet marker "rt", which every retweet shares and which
 * carries no meaning), Porter stemming.
 *
 * <p>One instance may be used by one thread at a time; Lucene reuses the token stream per thread.
 */
public final class PhraseAnalyzer implements AutoCloseable {
    private static final CharArraySet STOP_WORDS;

    static {
        final CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        set.add("rt");
        set.add("amp");
        STOP_WORDS = CharArraySet.unmodifiableSet(set);
    }

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(final String fieldName) {
            final Tokenizer source = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(source);
            stream = new StopFilter(stream, STOP_WORDS);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    };

    /**
     * @param text the text, with entities already blanked out
     * @return its terms in order (stems; repeats kept)
     */
    public List<String> terms(final String text) {
        final List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            final CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot analyze text: " + e.getMessage(), e);
        }
        return terms;
    }

    @Override
    public void close() {
        analyzer.close();
    }
}
