package io.dikw.social.protomeme;

import static org.assertj.core.api.Assertions.assertThat;

import io.dikw.core.vector.LongHash;
import io.dikw.core.vector.SparseVector;
import io.dikw.social.tweet.Tweet;
import io.dikw.social.tweet.Tweet.Link;
import io.dikw.social.tweet.Tweet.Mention;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProtomemeExtractorTest {
    private static final long ALICE = 10;
    private static final long BOB = 20;
    private static final long CAROL = 30;
    private static final long DAVE = 40;

    private PhraseAnalyzer analyzer;
    private Vocabulary vocabulary;
    private ProtomemeExtractor extractor;

    @BeforeEach
    void setUp() {
        analyzer = new PhraseAnalyzer();
        vocabulary = new Vocabulary();
        extractor = new ProtomemeExtractor(analyzer, vocabulary);
    }

    @AfterEach
    void tearDown() {
        analyzer.close();
    }

    private static Tweet tweet(final long id, final long time, final long user, final String name, final String text,
        final List<String> tags, final List<Mention> mentions, final List<Link> links, final long retweeted) {
        return new Tweet(id, time, text, user, name, tags, mentions, links, retweeted, 0, 0);
    }

    /** t1: alice, a hashtag, a mention of Bob and a link; phrase "run fast". */
    private static final Tweet T1 = tweet(1, 1_000, ALICE, "alice", "Running fast #Java @Bob https://t.co/a",
        List.of("Java"), List.of(new Mention(BOB, "Bob")), List.of(new Link("https://t.co/a", "https://example.com/a")),
        0);
    /** t2: bob retweets alice, repeating the hashtag in two spellings; same phrase. */
    private static final Tweet T2 = tweet(2, 3_000, BOB, "bob", "RT @alice: Running fast #java #JAVA",
        List.of("java", "JAVA"), List.of(new Mention(ALICE, "alice")), List.of(), ALICE);
    /** t3: carol, only entities, so no phrase. */
    private static final Tweet T3 = tweet(3, 2_000, CAROL, "carol", "#java @Bob", List.of("java"),
        List.of(new Mention(BOB, "Bob")), List.of(), 0);
    /** t4: dave, no entities, unrelated words, earliest of all. */
    private static final Tweet T4 = tweet(4, 500, DAVE, "dave", "Cats jumping", List.of(), List.of(), List.of(), 0);

    private TimeStep stepOf(final Tweet... tweets) {
        for (final Tweet t : tweets) {
            extractor.add(t, 7);
        }
        return extractor.finishStep(7, 100);
    }

    private static Map<String, Protomeme> byMarker(final TimeStep step) {
        final Map<String, Protomeme> m = new HashMap<>();
        for (final Protomeme p : step.protomemes()) {
            assertThat(m.put(p.marker(), p)).as("duplicate marker %s", p.marker()).isNull();
        }
        return m;
    }

    private static SparseVector set(final long... keys) {
        return SparseVector.setOf(keys);
    }

    private static SparseVector words(final String... stems) {
        final long[] keys = new long[stems.length];
        for (int i = 0; i < stems.length; i++) {
            keys[i] = LongHash.of(stems[i]);
        }
        return SparseVector.countsOf(keys);
    }

    @Test
    void buildsOneProtomemePerMarkerInOrderOfFirstAppearance() {
        final TimeStep step = stepOf(T1, T2, T3, T4);
        assertThat(step.index()).isEqualTo(7);
        assertThat(step.startMillis()).isEqualTo(100);
        assertThat(step.tweetIds()).containsExactly(1, 2, 3, 4);
        assertThat(step.tweetCount()).isEqualTo(4);
        assertThat(step.protomemes()).extracting(Protomeme::marker)
            .containsExactly("#java", "@bob", "https://example.com/a", "run fast", "@alice", "cat jump");
        assertThat(step.protomemes()).extracting(Protomeme::type).containsExactly(ProtomemeType.HASHTAG,
            ProtomemeType.MENTION, ProtomemeType.URL, ProtomemeType.PHRASE, ProtomemeType.MENTION,
            ProtomemeType.PHRASE);
        assertThat(step.protomemes()).extracting(Protomeme::step).containsOnly(7L);
    }

    @Test
    void hashtagProtomemeJoinsEveryTweetCarryingTheTagOnce() {
        final Protomeme java = byMarker(stepOf(T1, T2, T3, T4)).get("#java");
        assertThat(java.tweetIds()).isEqualTo(set(1, 2, 3));
        assertThat(java.tweetCount()).isEqualTo(3);
        // t2 repeats the tag (#java #JAVA) but counts once
        assertThat(java.users()).isEqualTo(SparseVector.countsOf(new long[] {ALICE, BOB, CAROL}));
        assertThat(java.words()).isEqualTo(words("run", "fast", "run", "fast"));
        assertThat(java.earliestMillis()).isEqualTo(1_000);
        assertThat(java.latestMillis()).isEqualTo(3_000);
    }

    @Test
    void mentionProtomemeUsesTheLowerCaseScreenName() {
        final Map<String, Protomeme> p = byMarker(stepOf(T1, T2, T3, T4));
        final Protomeme bob = p.get("@bob");
        assertThat(bob.type()).isEqualTo(ProtomemeType.MENTION);
        assertThat(bob.tweetIds()).isEqualTo(set(1, 3));
        assertThat(bob.users()).isEqualTo(SparseVector.countsOf(new long[] {ALICE, CAROL}));
        assertThat(bob.words()).isEqualTo(words("run", "fast"));
        assertThat(bob.earliestMillis()).isEqualTo(1_000);
        assertThat(bob.latestMillis()).isEqualTo(2_000);
        assertThat(p.get("@alice").tweetIds()).isEqualTo(set(2));
    }

    @Test
    void mentionWithoutScreenNameUsesTheUserId() {
        final Tweet t = tweet(1, 0, ALICE, "alice", "hi", List.of(), List.of(new Mention(555, "")), List.of(), 0);
        assertThat(stepOf(t).protomemes()).extracting(Protomeme::marker).containsExactly("@555", "hi");
    }

    @Test
    void urlProtomemeUsesTheExpandedUrl() {
        final Protomeme url = byMarker(stepOf(T1, T2, T3, T4)).get("https://example.com/a");
        assertThat(url.type()).isEqualTo(ProtomemeType.URL);
        assertThat(url.tweetIds()).isEqualTo(set(1));
        assertThat(url.users()).isEqualTo(SparseVector.countsOf(new long[] {ALICE}));
        assertThat(url.words()).isEqualTo(words("run", "fast"));
    }

    @Test
    void tweetsWithTheSameExpandedUrlShareAProtomemeWhateverTheShortLink() {
        final Tweet a = tweet(1, 0, ALICE, "alice", "see https://t.co/a", List.of(), List.of(),
            List.of(new Link("https://t.co/a", "https://example.com/x")), 0);
        final Tweet b = tweet(2, 0, BOB, "bob", "look https://t.co/b", List.of(), List.of(),
            List.of(new Link("https://t.co/b", "https://example.com/x")), 0);
        final Protomeme url = byMarker(stepOf(a, b)).get("https://example.com/x");
        assertThat(url.tweetIds()).isEqualTo(set(1, 2));
    }

    @Test
    void phraseProtomemeJoinsTweetsWithTheSameStems() {
        final Map<String, Protomeme> p = byMarker(stepOf(T1, T2, T3, T4));
        final Protomeme phrase = p.get("run fast");
        assertThat(phrase.type()).isEqualTo(ProtomemeType.PHRASE);
        assertThat(phrase.tweetIds()).isEqualTo(set(1, 2));
        assertThat(phrase.users()).isEqualTo(SparseVector.countsOf(new long[] {ALICE, BOB}));
        assertThat(phrase.words()).isEqualTo(words("run", "fast", "run", "fast"));
        assertThat(p.get("cat jump").tweetIds()).isEqualTo(set(4));
        assertThat(p.get("cat jump").words()).isEqualTo(words("cat", "jump"));
    }

    @Test
    void tweetWithoutTermsHasNoPhraseProtomeme() {
        final TimeStep step = stepOf(T3);
        assertThat(step.protomemes()).extracting(Protomeme::marker).containsExactly("#java", "@bob");
        assertThat(step.protomemes()).extracting(Protomeme::type).doesNotContain(ProtomemeType.PHRASE);
        assertThat(step.protomemes()).allSatisfy(p -> assertThat(p.words().isEmpty()).isTrue());
    }

    @Test
    void tweetOfOnlyStopWordsHasNoProtomemeAtAll() {
        final Tweet t = tweet(9, 0, ALICE, "alice", "RT the and of", List.of(), List.of(), List.of(), 0);
        final TimeStep step = stepOf(t);
        assertThat(step.protomemes()).isEmpty();
        assertThat(step.tweetIds()).containsExactly(9);
    }

    @Test
    void entityTextNeverAppearsInPhraseTerms() {
        final Tweet t = tweet(1, 0, ALICE, "alice",
            "#javascript and #java by @bobby and @bob at https://t.co/zz plus words",
            List.of("java", "javascript"), List.of(new Mention(BOB, "bob"), new Mention(CAROL, "bobby")),
            List.of(new Link("https://t.co/zz", "https://example.com/zz")), 0);
        final Set<String> phrases = new HashSet<>();
        final TimeStep step = stepOf(t);
        for (final Protomeme p : step.protomemes()) {
            if (p.type() == ProtomemeType.PHRASE) {
                phrases.add(p.marker());
            }
        }
        assertThat(phrases).containsExactly("plu word");
        final Protomeme java = byMarker(step).get("#java");
        assertThat(java.words()).isEqualTo(words("plu", "word"));
        for (final String leaked : List.of("java", "javascript", "script", "bob", "bobbi", "t.co", "zz", "http")) {
            assertThat(vocabulary.word(LongHash.of(leaked))).as(leaked).isEqualTo(Long.toHexString(LongHash.of(leaked)));
        }
    }

    @Test
    void mentionTypedInAnotherCaseIsStillBlanked() {
        final Tweet t = tweet(1, 0, ALICE, "alice", "hello @BOB", List.of(), List.of(new Mention(BOB, "Bob")),
            List.of(), 0);
        assertThat(stepOf(t).protomemes()).extracting(Protomeme::marker).containsExactly("@bob", "hello");
    }

    @Test
    void diffusionHoldsAuthorsAndWhoTheyMentionOrRetweetAndWhoMentionsOrRetweetsThem() {
        // links in the step: alice-bob (t1 mention, t2 mention and retweet), carol-bob (t3 mention)
        final Map<String, Protomeme> p = byMarker(stepOf(T1, T2, T3, T4));
        assertThat(p.get("#java").diffusion()).isEqualTo(set(ALICE, BOB, CAROL));
        assertThat(p.get("@bob").diffusion()).isEqualTo(set(ALICE, BOB, CAROL));
        assertThat(p.get("https://example.com/a").diffusion()).isEqualTo(set(ALICE, BOB));
        // bob wrote t2, and carol mentioned bob in t3
        assertThat(p.get("run fast").diffusion()).isEqualTo(set(ALICE, BOB, CAROL));
        // bob's only tweet; bob is linked to alice and to carol, who mentioned him later in the step
        assertThat(p.get("@alice").diffusion()).isEqualTo(set(ALICE, BOB, CAROL));
        assertThat(p.get("cat jump").diffusion()).isEqualTo(set(DAVE));
    }

    @Test
    void retweetLinksTheRetweeterAndTheOriginalAuthorEvenWithoutAMention() {
        final Tweet original = tweet(1, 0, ALICE, "alice", "cats", List.of(), List.of(), List.of(), 0);
        final Tweet retweet = tweet(2, 0, BOB, "bob", "cats", List.of(), List.of(), List.of(), ALICE);
        final Tweet other = tweet(3, 0, DAVE, "dave", "dogs", List.of(), List.of(), List.of(), 0);
        final Map<String, Protomeme> p = byMarker(stepOf(original, retweet, other));
        assertThat(p.get("cat").diffusion()).isEqualTo(set(ALICE, BOB));
        assertThat(p.get("dog").diffusion()).isEqualTo(set(DAVE));
    }

    @Test
    void selfMentionAddsNoOneElse() {
        final Tweet t = tweet(1, 0, ALICE, "alice", "me @alice", List.of(), List.of(new Mention(ALICE, "alice")),
            List.of(), 0);
        assertThat(byMarker(stepOf(t)).get("@alice").diffusion()).isEqualTo(set(ALICE));
    }

    @Test
    void diffusionIsBinaryAndUsersCountTweetsPerAuthor() {
        final Tweet a = tweet(1, 10, ALICE, "alice", "#x one", List.of("x"), List.of(), List.of(), 0);
        final Tweet b = tweet(2, 20, ALICE, "alice", "#x two @bob", List.of("x"), List.of(new Mention(BOB, "bob")),
            List.of(), 0);
        final Tweet c = tweet(3, 30, ALICE, "alice", "#x three @bob", List.of("x"),
            List.of(new Mention(BOB, "bob")), List.of(), 0);
        final Protomeme x = byMarker(stepOf(a, b, c)).get("#x");
        assertThat(x.users()).isEqualTo(SparseVector.of(new long[] {ALICE}, new long[] {3}));
        assertThat(x.diffusion()).isEqualTo(set(ALICE, BOB));
        assertThat(x.words()).isEqualTo(words("on", "two", "three"));
        assertThat(x.earliestMillis()).isEqualTo(10);
        assertThat(x.latestMillis()).isEqualTo(30);
    }

    @Test
    void aTweetRepeatingAMentionOrUrlJoinsItOnce() {
        final Tweet t = tweet(1, 0, ALICE, "alice", "@bob @bob https://t.co/a https://t.co/a words",
            List.of(), List.of(new Mention(BOB, "bob"), new Mention(BOB, "bob")),
            List.of(new Link("https://t.co/a", "https://e.com"), new Link("https://t.co/a", "https://e.com")), 0);
        final Map<String, Protomeme> p = byMarker(stepOf(t));
        assertThat(p.get("@bob").users()).isEqualTo(SparseVector.countsOf(new long[] {ALICE}));
        assertThat(p.get("@bob").words()).isEqualTo(words("word"));
        assertThat(p.get("https://e.com").users()).isEqualTo(SparseVector.countsOf(new long[] {ALICE}));
    }

    @Test
    void finishStepResetsMarkersTweetsAndLinks() {
        extractor.add(T1, 1);
        extractor.add(T2, 1);
        assertThat(extractor.pendingTweets()).isEqualTo(2);
        assertThat(extractor.pendingMarkers()).containsEntry("#java", ProtomemeType.HASHTAG)
            .containsEntry("run fast", ProtomemeType.PHRASE);
        final TimeStep first = extractor.finishStep(1, 0);
        assertThat(first.protomemes()).isNotEmpty();
        assertThat(extractor.pendingTweets()).isZero();
        assertThat(extractor.pendingMarkers()).isEmpty();

        final TimeStep empty = extractor.finishStep(2, 60_000);
        assertThat(empty.protomemes()).isEmpty();
        assertThat(empty.tweetIds()).isEmpty();

        // alice was linked to bob in step 1 only: her next hashtag spreads through her alone
        final Tweet later = tweet(5, 70_000, ALICE, "alice", "#java again", List.of("java"), List.of(), List.of(), 0);
        extractor.add(later, 3);
        final TimeStep third = extractor.finishStep(3, 120_000);
        assertThat(third.tweetIds()).containsExactly(5);
        final Protomeme java = byMarker(third).get("#java");
        assertThat(java.tweetIds()).isEqualTo(set(5));
        assertThat(java.diffusion()).isEqualTo(set(ALICE));
        assertThat(java.step()).isEqualTo(3);
        assertThat(java.earliestMillis()).isEqualTo(70_000);
    }

    @Test
    void protomemeVectorsAreConsistent() {
        for (final Protomeme p : stepOf(T1, T2, T3, T4).protomemes()) {
            assertThat(p.users().total()).as(p.marker()).isEqualTo(p.tweetCount());
            for (int i = 0; i < p.users().size(); i++) {
                assertThat(p.diffusion().get(p.users().keyAt(i))).as(p.marker()).isEqualTo(1);
            }
            assertThat(p.earliestMillis()).isLessThanOrEqualTo(p.latestMillis());
        }
    }

    @Test
    void vocabularyLearnsStemsAndScreenNames() {
        stepOf(T1, T2, T3, T4);
        assertThat(vocabulary.word(LongHash.of("run"))).isEqualTo("run");
        assertThat(vocabulary.word(LongHash.of("jump"))).isEqualTo("jump");
        assertThat(vocabulary.user(ALICE)).isEqualTo("alice");
        assertThat(vocabulary.user(DAVE)).isEqualTo("dave");
        assertThat(vocabulary.user(BOB)).isEqualToIgnoringCase("bob");
    }

    @Test
    void excludedHashtagsYieldNoProtomemeButAreStillBlankedFromPhrases() {
        final ProtomemeExtractor excluding = new ProtomemeExtractor(analyzer, vocabulary, Set.of("Truth"));
        final Tweet t = tweet(1, 0, ALICE, "alice", "#TRUTH #other cats", List.of("TRUTH", "other"), List.of(),
            List.of(), 0);
        excluding.add(t, 0);
        final TimeStep step = excluding.finishStep(0, 0);
        assertThat(step.protomemes()).extracting(Protomeme::marker).containsExactly("#other", "cat");
        assertThat(step.tweetIds()).containsExactly(1);
    }

    @Test
    void markersOfAllTypesStayApartEvenWithTheSameText() {
        final Tweet t = tweet(1, 0, ALICE, "alice", "#news @news news", List.of("news"),
            List.of(new Mention(BOB, "news")), List.of(), 0);
        final List<String> markers = new ArrayList<>();
        stepOf(t).protomemes().forEach(p -> markers.add(p.type() + " " + p.marker()));
        assertThat(markers).containsExactly("HASHTAG #news", "MENTION @news", "PHRASE new");
    }
}
