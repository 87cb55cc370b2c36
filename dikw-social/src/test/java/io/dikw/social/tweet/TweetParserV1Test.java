package io.dikw.social.tweet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Twitter API v1.1 tweet objects. */
class TweetParserV1Test {
    /** Wed Oct 10 20:19:24 +0000 2018. */
    static final long OCT_10_2018 = 1_539_202_764_000L;

    private final TweetParser parser = new TweetParser();

    static ObjectNode base() {
        final ObjectNode t = JsonNodeFactory.instance.objectNode();
        t.put("id_str", "1050118621198921728");
        t.put("id", 1050118621198921728L);
        t.put("created_at", "Wed Oct 10 20:19:24 +0000 2018");
        t.put("text", "hello world");
        final ObjectNode user = t.putObject("user");
        user.put("id_str", "6253282");
        user.put("id", 6253282L);
        user.put("screen_name", "TwitterAPI");
        return t;
    }

    private Tweet parseOne(final ObjectNode json) throws TweetFormatException {
        final List<Tweet> tweets = parser.parse(json.toString());
        assertThat(tweets).hasSize(1);
        return tweets.get(0);
    }

    @Test
    void parsesAPlainTextTweet() throws TweetFormatException {
        final Tweet t = parseOne(base());
        assertThat(t.id()).isEqualTo(1050118621198921728L);
        assertThat(t.createdAtMillis()).isEqualTo(OCT_10_2018);
        assertThat(t.text()).isEqualTo("hello world");
        assertThat(t.userId()).isEqualTo(6253282L);
        assertThat(t.screenName()).isEqualTo("TwitterAPI");
        assertThat(t.hashtags()).isEmpty();
        assertThat(t.mentions()).isEmpty();
        assertThat(t.links()).isEmpty();
        assertThat(t.retweetedUserId()).isZero();
        assertThat(t.quotedUserId()).isZero();
        assertThat(t.inReplyToUserId()).isZero();
        assertThat(t.isRetweet()).isFalse();
    }

    @Test
    void parsesCreatedAtWithANonUtcOffset() throws TweetFormatException {
        final ObjectNode json = base();
        json.put("created_at", "Wed Oct 10 22:19:24 +0200 2018");
        assertThat(parseOne(json).createdAtMillis()).isEqualTo(OCT_10_2018);
    }

    @Test
    void parsesCreatedAtAcrossTheYear() throws TweetFormatException {
        final ObjectNode json = base();
        json.put("created_at", "Thu Jan 01 00:00:01 +0000 2015");
        assertThat(parseOne(json).createdAtMillis()).isEqualTo(1_420_070_401_000L);
    }

    @Test
    void fallsBackToTheNumericIdWhenIdStrIsMissing() throws TweetFormatException {
        final ObjectNode json = base();
        json.remove("id_str");
        json.put("id", 42L);
        ((ObjectNode) json.get("user")).remove("id_str");
        assertThat(parseOne(json).id()).isEqualTo(42L);
        assertThat(parseOne(json).userId()).isEqualTo(6253282L);
    }

    @Test
    void prefersIdStrOverTheNumericId() throws TweetFormatException {
        // v1.1's numeric id loses precision in JavaScript clients; id_str is authoritative.
        final ObjectNode json = base();
        json.put("id_str", "1050118621198921729");
        assertThat(parseOne(json).id()).isEqualTo(1050118621198921729L);
    }

    @Test
    void acceptsANullIdStrWithANumericId() throws TweetFormatException {
        final ObjectNode json = base();
        json.putNull("id_str");
        json.put("id", 7L);
        assertThat(parseOne(json).id()).isEqualTo(7L);
    }

    @Test
    void usesFullTextInExtendedMode() throws TweetFormatException {
        final ObjectNode json = base();
        json.remove("text");
        json.put("full_text", "a long text beyond 140 characters");
        assertThat(parseOne(json).text()).isEqualTo("a long text beyond 140 characters");
    }

    @Test
    void prefersFullTextOverTruncatedText() throws TweetFormatException {
        final ObjectNode json = base();
        json.put("text", "a long text…");
        json.put("full_text", "a long text beyond 140 characters");
        assertThat(parseOne(json).text()).isEqualTo("a long text beyond 140 characters");
    }

    @Test
    void prefersExtendedTweetTextAndEntitiesOverTruncatedOnes() throws TweetFormatException {
        final ObjectNode json = base();
        json.put("text", "truncated #short… https://t.co/more");
        json.put("truncated", true);
        final ObjectNode entities = json.putObject("entities");
        entities.putArray("hashtags").addObject().put("text", "short");
        entities.putArray("urls").addObject().put("url", "https://t.co/more")
            .put("expanded_url", "https://twitter.com/i/web/status/1");
        final ObjectNode ext = json.putObject("extended_tweet");
        ext.put("full_text", "the whole text #shortened #second @bob");
        final ObjectNode extEntities = ext.putObject("entities");
        final ArrayNode tags = extEntities.putArray("hashtags");
        tags.addObject().put("text", "shortened");
        tags.addObject().put("text", "second");
        extEntities.putArray("user_mentions").addObject().put("id_str", "99").put("screen_name", "bob");
        extEntities.putArray("urls");

        final Tweet t = parseOne(json);
        assertThat(t.text()).isEqualTo("the whole text #shortened #second @bob");
        assertThat(t.hashtags()).containsExactly("shortened", "second");
        assertThat(t.mentions()).containsExactly(new Tweet.Mention(99, "bob"));
        assertThat(t.links()).isEmpty();
    }

    @Test
    void readsHashtagsMentionsAndUrlsInOrder() throws TweetFormatException {
        final ObjectNode json = base();
        json.put("text", "#One @alice #Two @Bob https://t.co/x https://t.co/y");
        final ObjectNode entities = json.putObject("entities");
        final ArrayNode tags = entities.putArray("hashtags");
        tags.addObject().put("text", "One").putArray("indices").add(0).add(4);
        tags.addObject().put("text", "Two");
        final ArrayNode mentions = entities.putArray("user_mentions");
        mentions.addObject().put("id_str", "1001").put("id", 1001L).put("screen_name", "alice").put("name", "A");
        mentions.addObject().put("id_str", "1002").put("screen_name", "Bob");
        final ArrayNode urls = entities.putArray("urls");
        urls.addObject().put("url", "https://t.co/x").put("expanded_url", "https://example.com/x")
            .put("display_url", "example.com/x");
        urls.addObject().put("url", "https://t.co/y").put("expanded_url", "https://example.com/y");

        final Tweet t = parseOne(json);
        assertThat(t.hashtags()).containsExactly("One", "Two");
        assertThat(t.mentions()).containsExactly(new Tweet.Mention(1001, "alice"), new Tweet.Mention(1002, "Bob"));
        assertThat(t.links()).containsExactly(new Tweet.Link("https://t.co/x", "https://example.com/x"),
            new Tweet.Link("https://t.co/y", "https://example.com/y"));
    }

    @Test
    void mentionWithOnlyANumericIdUsesIt() throws TweetFormatException {
        final ObjectNode json = base();
        json.putObject("entities").putArray("user_mentions").addObject().put("id", 77L).put("screen_name", "x");
        assertThat(parseOne(json).mentions()).containsExactly(new Tweet.Mention(77, "x"));
    }

    @Test
    void mentionWithoutAnIdGetsAStableCaseInsensitiveIdFromItsName() throws TweetFormatException {
        final ObjectNode a = base();
        a.putObject("entities").putArray("user_mentions").addObject().put("screen_name", "Bob");
        final ObjectNode b = base();
        b.putObject("entities").putArray("user_mentions").addObject().put("screen_name", "bob");
        final ObjectNode c = base();
        c.putObject("entities").putArray("user_mentions").addObject().put("screen_name", "carol");
        final Tweet.Mention ma = parseOne(a).mentions().get(0);
        final Tweet.Mention mb = parseOne(b).mentions().get(0);
        final Tweet.Mention mc = parseOne(c).mentions().get(0);
        assertThat(ma.screenName()).isEqualTo("Bob");
        assertThat(ma.userId()).isPositive().isEqualTo(mb.userId()).isNotEqualTo(mc.userId());
        assertThat(mc.userId()).isPositive();
    }

    @Test
    void urlWithoutExpandedUrlExpandsToItself() throws TweetFormatException {
        final ObjectNode json = base();
        final ArrayNode urls = json.putObject("entities").putArray("urls");
        urls.addObject().put("url", "https://t.co/a");
        urls.addObject().put("url", "https://t.co/b").putNull("expanded_url");
        urls.addObject().put("expanded_url", "https://example.com/c");
        assertThat(parseOne(json).links()).containsExactly(new Tweet.Link("https://t.co/a", "https://t.co/a"),
            new Tweet.Link("https://t.co/b", "https://t.co/b"),
            new Tweet.Link("https://example.com/c", "https://example.com/c"));
    }

    @Test
    void nullOrMissingEntityArraysAreEmpty() throws TweetFormatException {
        final ObjectNode json = base();
        final ObjectNode entities = json.putObject("entities");
        entities.putNull("hashtags");
        entities.putArray("symbols").addObject().put("text", "AAPL");
        final Tweet t = parseOne(json);
        assertThat(t.hashtags()).isEmpty();
        assertThat(t.mentions()).isEmpty();
        assertThat(t.links()).isEmpty();
    }

    @Test
    void missingScreenNameIsEmpty() throws TweetFormatException {
        final ObjectNode json = base();
        ((ObjectNode) json.get("user")).remove("screen_name");
        assertThat(parseOne(json).screenName()).isEmpty();
    }

    @Test
    void retweetCarriesTheOriginalAuthor() throws TweetFormatException {
        final ObjectNode json = base();
        json.put("text", "RT @orig: the original text");
        final ObjectNode rt = base();
        rt.put("id_str", "5");
        ((ObjectNode) rt.get("user")).put("id_str", "3141").put("screen_name", "orig");
        json.set("retweeted_status", rt);
        final Tweet t = parseOne(json);
        assertThat(t.retweetedUserId()).isEqualTo(3141L);
        assertThat(t.isRetweet()).isTrue();
        assertThat(t.text()).isEqualTo("RT @orig: the original text");
        assertThat(t.id()).isEqualTo(1050118621198921728L);
        assertThat(t.userId()).isEqualTo(6253282L);
    }

    @Test
    void retweetAuthorFallsBackToTheNumericUserId() throws TweetFormatException {
        final ObjectNode json = base();
        json.putObject("retweeted_status").putObject("user").put("id", 2718L);
        assertThat(parseOne(json).retweetedUserId()).isEqualTo(2718L);
    }

    @Test
    void nullRetweetedStatusIsNotARetweet() throws TweetFormatException {
        final ObjectNode json = base();
        json.putNull("retweeted_status");
        json.putNull("quoted_status");
        final Tweet t = parseOne(json);
        assertThat(t.isRetweet()).isFalse();
        assertThat(t.quotedUserId()).isZero();
    }

    @Test
    void quoteCarriesTheQuotedAuthor() throws TweetFormatException {
        final ObjectNode json = base();
        json.put("is_quote_status", true);
        json.putObject("quoted_status").put("id_str", "8").putObject("user").put("id_str", "1618");
        final Tweet t = parseOne(json);
        assertThat(t.quotedUserId()).isEqualTo(1618L);
        assertThat(t.isRetweet()).isFalse();
    }

    @Test
    void replyCarriesTheUserRepliedTo() throws TweetFormatException {
        final ObjectNode json = base();
        json.put("in_reply_to_status_id_str", "1");
        json.put("in_reply_to_user_id_str", "4242");
        json.put("in_reply_to_user_id", 4242L);
        assertThat(parseOne(json).inReplyToUserId()).isEqualTo(4242L);
    }

    @Test
    void replyFallsBackToTheNumericUserIdAndNullMeansNoReply() throws TweetFormatException {
        final ObjectNode json = base();
        json.putNull("in_reply_to_user_id_str");
        json.put("in_reply_to_user_id", 55L);
        assertThat(parseOne(json).inReplyToUserId()).isEqualTo(55L);
        json.putNull("in_reply_to_user_id");
        assertThat(parseOne(json).inReplyToUserId()).isZero();
    }

    @Test
    void ignoresUnknownFieldsAndKeepsUnicodeText() throws TweetFormatException {
        final ObjectNode json = base();
        json.put("text", "café 日本 😀 \"quoted\"\nnext");
        json.put("lang", "fr");
        json.putObject("place").put("country", "FR");
        assertThat(parseOne(json).text()).isEqualTo("café 日本 😀 \"quoted\"\nnext");
    }
}
