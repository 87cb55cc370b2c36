package io.dikw.social.protomeme;

import io.dikw.core.vector.LongHash;
import io.dikw.core.vector.SparseVector;
import io.dikw.social.tweet.Tweet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongArrayList;

/**
 * Collects the tweets of one time step and turns them into protomemes: one per hashtag, mention,
 * URL and phrase marker, each joining every tweet of the step that carries that marker.
 *
 * <p>A tweet's phrase is its text with hashtags, mentions and URLs blanked out, analyzed by a
 * {@link PhraseAnalyzer}; a tweet whose phrase has no terms has no phrase protomeme. Diffusion
 * sets are computed when the step is complete, from who mentioned and retweeted whom in it.
 * Not thread-safe: one extractor per stream.
 */
public final class ProtomemeExtractor {
    private final PhraseAnalyzer analyzer;
    private final Vocabulary vocabulary;
    private final Set<String> excludedHashtags;
    private final Map<String, Accumulator> byMarker = new LinkedHashMap<>();
    private final Long2ObjectHashMap<LongArrayList> neighbours = new Long2ObjectHashMap<>();
    private final LongArrayList stepTweets = new LongArrayList();
    private long step;

    /**
     * @param analyzer turns phrases into terms
     * @param vocabulary receives display names of words and users
     */
    public ProtomemeExtractor(final PhraseAnalyzer analyzer, final Vocabulary vocabulary) {
        this(analyzer, vocabulary, Set.of());
    }

    /**
     * An extractor that builds no protomeme for some hashtags: when the ground truth of an
     * evaluation is defined by hashtags, those must not be given to the clusterer (they are still
     * blanked out of phrases).
     *
     * @param analyzer turns phrases into terms
     * @param vocabulary receives display names of words and users
     * @param excludedHashtags hashtags without '#', any case, that yield no protomeme
     */
    public ProtomemeExtractor(final PhraseAnalyzer analyzer, final Vocabulary vocabulary,
        final Set<String> excludedHashtags) {
        this.analyzer = analyzer;
        this.vocabulary = vocabulary;
        this.excludedHashtags = excludedHashtags.stream().map(h -> h.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Adds a tweet to the current step.
     *
     * @param tweet the tweet
     * @param stepIndex the step it belongs to (recorded for display-name expiry)
     */
    public void add(final Tweet tweet, final long stepIndex) {
        this.step = stepIndex;
        stepTweets.addLong(tweet.id());
        vocabulary.recordUser(tweet.userId(), tweet.screenName(), stepIndex);
        final List<String> terms = analyzer.terms(phraseText(tweet));
        final long[] wordKeys = new long[terms.size()];
        for (int i = 0; i < wordKeys.length; i++) {
            wordKeys[i] = LongHash.of(terms.get(i));
            vocabulary.recordWord(wordKeys[i], terms.get(i), stepIndex);
        }
        final List<String> seen = new ArrayList<>(4);
        for (final String tag : tweet.hashtags()) {
            final String lower = tag.toLowerCase(Locale.ROOT);
            if (!excludedHashtags.contains(lower)) {
                join(ProtomemeType.HASHTAG, "#" + lower, tweet, wordKeys, seen);
            }
        }
        for (final Tweet.Mention m : tweet.mentions()) {
            final String marker = m.screenName().isEmpty() ? "@" + m.userId()
                : "@" + m.screenName().toLowerCase(Locale.ROOT);
            join(ProtomemeType.MENTION, marker, tweet, wordKeys, seen);
            vocabulary.recordUser(m.userId(), m.screenName(), stepIndex);
            link(tweet.userId(), m.userId());
        }
        for (final Tweet.Link l : tweet.links()) {
            join(ProtomemeType.URL, l.expandedUrl(), tweet, wordKeys, seen);
        }
        if (!terms.isEmpty()) {
            join(ProtomemeType.PHRASE, String.join(" ", terms), tweet, wordKeys, seen);
        }
        if (tweet.isRetweet()) {
            link(tweet.userId(), tweet.retweetedUserId());
        }
    }

    /** The text of the tweet with every entity blanked out, longest entity first. */
    private static String phraseText(final Tweet tweet) {
        final List<String> entities = new ArrayList<>();
        for (final String tag : tweet.hashtags()) {
            entities.add("#" + tag);
        }
        for (final Tweet.Mention m : tweet.mentions()) {
            if (!m.screenName().isEmpty()) {
                entities.add("@" + m.screenName());
            }
        }
        for (final Tweet.Link l : tweet.links()) {
            entities.add(l.url());
        }
        if (entities.isEmpty()) {
            return tweet.text();
        }
        entities.sort(Comparator.comparingInt(String::length).reversed());
        String text = tweet.text();
        for (final String e : entities) {
            if (!e.isEmpty()) {
                text = blankIgnoringCase(text, e);
            }
        }
        return text;
    }

    /** Replaces every occurrence of {@code entity} in {@code text}, in any letter case, by a space. */
    static String blankIgnoringCase(final String text, final String entity) {
        final int n = entity.length();
        StringBuilder sb = null;
        int copied = 0;
        for (int i = 0; i + n <= text.length(); i++) {
            if (text.regionMatches(true, i, entity, 0, n)) {
                if (sb == null) {
                    sb = new StringBuilder(text.length());
                }
                sb.append(text, copied, i).append(' ');
                i += n - 1;
                copied = i + 1;
            }
        }
        if (sb == null) {
            return text;
        }
        return sb.append(text, copied, text.length()).toString();
    }

    private void join(final ProtomemeType type, final String marker, final Tweet tweet, final long[] wordKeys,
        final List<String> seenInTweet) {
        if (seenInTweet.contains(marker)) {
            return; // a tweet joins a protomeme once, however often it repeats the marker
        }
        seenInTweet.add(marker);
        byMarker.computeIfAbsent(marker, k -> new Accumulator(type, k)).add(tweet, wordKeys);
    }

    private void link(final long a, final long b) {
        if (a == b || a == 0 || b == 0) {
            return;
        }
        neighbours.computeIfAbsent(a, k -> new LongArrayList()).addLong(b);
        neighbours.computeIfAbsent(b, k -> new LongArrayList()).addLong(a);
    }

    /** @return the number of tweets added since the last {@link #finishStep} */
    public int pendingTweets() {
        return stepTweets.size();
    }

    /**
     * Builds the protomemes of the step and starts a new, empty one.
     *
     * @param index the step's number
     * @param startMillis the step's start time
     * @return the step with its protomemes in order of first appearance
     */
    public TimeStep finishStep(final long index, final long startMillis) {
        final List<Protomeme> protomemes = new ArrayList<>(byMarker.size());
        final LongArrayList diffusion = new LongArrayList();
        for (final Accumulator acc : byMarker.values()) {
            diffusion.clear();
            for (int i = 0, n = acc.authors.size(); i < n; i++) {
                final long author = acc.authors.getLong(i);
                diffusion.addLong(author);
                final LongArrayList near = neighbours.get(author);
                if (near != null) {
                    for (int j = 0, m = near.size(); j < m; j++) {
                        diffusion.addLong(near.getLong(j));
                    }
                }
            }
            protomemes.add(acc.build(index, diffusion));
        }
        final TimeStep built = new TimeStep(index, startMillis, stepTweets.toLongArray(), protomemes);
        byMarker.clear();
        neighbours.clear();
        stepTweets.clear();
        return built;
    }

    /** Gathers the tweets sharing one marker within a step. */
    private static final class Accumulator {
        private final ProtomemeType type;
        private final String marker;
        private final LongArrayList tweetIds = new LongArrayList(2, 0);
        private final LongArrayList authors = new LongArrayList(2, 0);
        private final LongArrayList words = new LongArrayList(16, 0);
        private long earliest = Long.MAX_VALUE;
        private long latest = Long.MIN_VALUE;

        private Accumulator(final ProtomemeType type, final String marker) {
            this.type = type;
            this.marker = marker;
        }

        private void add(final Tweet tweet, final long[] wordKeys) {
            tweetIds.addLong(tweet.id());
            authors.addLong(tweet.userId());
            for (final long w : wordKeys) {
                words.addLong(w);
            }
            earliest = Math.min(earliest, tweet.createdAtMillis());
            latest = Math.max(latest, tweet.createdAtMillis());
        }

        private Protomeme build(final long step, final LongArrayList diffusion) {
            return new Protomeme(type, marker, step,
                SparseVector.setOf(tweetIds.toLongArray()),
                SparseVector.countsOf(authors.toLongArray()),
                SparseVector.fromOccurrences(diffusion.toLongArray(), diffusion.size(), true),
                SparseVector.countsOf(words.toLongArray()),
                earliest, latest);
        }
    }

    /** @return markers collected in the current step, for tests and diagnostics */
    Map<String, ProtomemeType> pendingMarkers() {
        final Map<String, ProtomemeType> m = new HashMap<>();
        byMarker.forEach((k, v) -> m.put(k, v.type));
        return m;
    }
}
