package io.dikw.social.generate;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes pronounceable, unique, lower-case words from syllables (onset + vowel + coda).
 *
 * <p>Every word is 3 to 12 letters, contains only {@code a-z}, is not a stop word, and none of
 * its inflected forms ({@link #SUFFIXES}) is a stop word either. It never contains
 * {@code "meme"}, so a label such as {@code meme-007} cannot appear inside a tweet. The set of
 * words handed out is remembered (membership only, never iterated) so each word is unique
 * within one forge.
 */
final class WordForge
{
    /** Inflections appended to general words so that stemming has something to undo. */
    static final String[] SUFFIXES = {"s", "ing", "ed", "er", "ly"};

    private static final String[] ONSETS = {
        "b", "b", "br", "c", "ch", "cl", "d", "d", "dr", "f", "fl", "fr", "g", "gl", "gr", "h", "j",
        "k", "k", "l", "l", "m", "m", "n", "n", "p", "pl", "pr", "qu", "r", "r", "s", "s", "sh",
        "sk", "sl", "sn", "sp", "st", "str", "t", "t", "th", "tr", "v", "w", "wh", "z", "",
        "", ""};
    private static final String[] VOWELS = {
        "a", "a", "a", "e", "e", "e", "i", "i", "o", "o", "u", "ai", "ea", "ee", "oo", "ou", "ie",
        "y"};
    private static final String[] CODAS = {
        "", "", "", "", "n", "n", "r", "r", "l", "s", "t", "nd", "st", "m", "ck", "ng", "rt", "x",
        "sh", "mp", "ld", "nt"};

    /** Codas inside a word are light, so that long words stay pronounceable. */
    private static final String[] INNER_CODAS = {"", "", "", "", "", "n", "r", "l", "s", "m"};

    private static final int MIN_LENGTH = 3;
    private static final int MAX_LENGTH = 12;

    private final Set<String> used = new HashSet<>();

    /**
     * Reserves words that generated words must never equal (for example generic hashtags).
     *
     * @param word lower-case word to keep out.
     */
    void reserve(final String word)
    {
        used.add(word);
    }

    /**
     * A fresh word of 1 to {@code maxSyllables} syllables.
     *
     * @param rng random source.
     * @param minSyllables fewest syllables (at least 1).
     * @param maxSyllables most syllables.
     * @return a word never returned before by this forge.
     */
    String word(final SplittableRandom rng, final int minSyllables, final int maxSyllables)
    {
        final StringBuilder sb = new StringBuilder(MAX_LENGTH + 4);
        while (true)
        {
            sb.setLength(0);
            final int syllables = minSyllables + rng.nextInt(maxSyllables - minSyllables + 1);
            for (int s = 0; s < syllables; s++)
            {
                sb.append(ONSETS[rng.nextInt(ONSETS.length)]);
                sb.append(VOWELS[rng.nextInt(VOWELS.length)]);
                final String[] codas = s == syllables - 1 ? CODAS : INNER_CODAS;
                sb.append(codas[rng.nextInt(codas.length)]);
            }
            final String w = sb.toString();
            if (acceptable(w) && used.add(w))
            {
                return w;
            }
        }
    }

    /**
     * Whether a candidate word is a safe, non-colliding token.
     *
     * @param w candidate.
     * @return true when the word and all its inflections avoid stop words and the label prefix.
     */
    static boolean acceptable(final String w)
    {
        if (w.length() < MIN_LENGTH || w.length() > MAX_LENGTH || w.contains("meme"))
        {
            return false;
        }
        if (StopWords.contains(w))
        {
            return false;
        }
        for (final String suffix : SUFFIXES)
        {
            if (StopWords.contains(w + suffix))
            {
                return false;
            }
        }
        // Avoid three identical letters in a row, which looks machine-made.
        for (int i = 2; i < w.length(); i++)
        {
            if (w.charAt(i) == w.charAt(i - 1) && w.charAt(i) == w.charAt(i - 2))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Upper-cases the first letter.
     *
     * @param w word.
     * @return the word capitalised.
     */
    static String capitalize(final String w)
    {
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
