package io.dikw.social.generate;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Real English stop words sprinkled into synthetic tweets, most frequent first.
 *
 * <p>The list is a superset of Lucene's {@code EnglishAnalyzer} default stop set, so a phrase
 * protomeme built with stop-word removal loses them all, and one built without it does not.
 * Generated words are checked against {@link #contains(String)} so none collides with these.
 */
final class StopWords
{
    /** Stop words ordered roughly by English frequency (the order drives a Zipf draw). */
    static final List<String> WORDS = List.of(
        "the", "to", "and", "a", "of", "in", "is", "i", "you", "it", "for", "on", "that", "this",
        "with", "my", "be", "are", "at", "so", "me", "was", "we", "all", "not", "but", "have",
        "just", "your", "if", "they", "like", "can", "do", "get", "what", "no", "up", "out",
        "now", "from", "will", "about", "how", "one", "an", "or", "by", "when", "he", "she",
        "as", "there", "more", "who", "our", "been", "has", "them", "their", "would", "some",
        "then", "into", "these", "than", "very", "only", "here", "were", "had", "did", "could",
        "should", "because", "over", "after", "again", "also", "its", "him", "her", "his",
        "which", "why", "where", "those", "such", "any", "each", "both", "being", "am", "off",
        "down", "own", "same", "too", "other", "most", "few", "until", "while", "through",
        "before", "during", "under", "further", "once", "does", "doing", "having", "yours",
        "ours", "theirs", "himself", "herself", "itself", "themselves", "myself", "yourself",
        "whom", "against", "between", "above", "below", "nor", "us");

    /** Fragments that stop lists carry for contractions; never sprinkled, but never generated either. */
    private static final List<String> FRAGMENTS = List.of("s", "t", "d", "ll", "m", "re", "ve", "don", "didn", "doesn",
        "isn", "wasn", "aren", "won", "shan", "mustn", "couldn", "wouldn", "shouldn", "hasn", "haven", "hadn", "ain", "ma");

    private static final Set<String> SET;

    static
    {
        final Set<String> all = new HashSet<>(WORDS);
        all.addAll(FRAGMENTS);
        SET = Collections.unmodifiableSet(all);
    }

    /** Lucene 9 {@code EnglishAnalyzer.ENGLISH_STOP_WORDS_SET}, kept here to prove the superset in tests. */
    static final List<String> LUCENE_ENGLISH = Arrays.asList(
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is",
        "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there",
        "these", "they", "this", "to", "was", "will", "with");

    private StopWords()
    {
    }

    /**
     * Whether a lower-case token is a stop word or a contraction fragment found on stop lists.
     *
     * @param word lower-case token.
     * @return true when the token is on the list.
     */
    static boolean contains(final String word)
    {
        return SET.contains(word);
    }
}
