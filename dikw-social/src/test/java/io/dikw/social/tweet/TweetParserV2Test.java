package io.dikw.social.tweet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Twitter API v2 responses: {@code data} plus {@code includes}. */
class TweetParserV2Test {
    private final TweetParser parser = new TweetParser();

    @Test
    void parsesASingleDataObjectWithIncludes() throws TweetFormatException {
        final String json = """
            {"data":{"id":"1460323737035677698","created_at":"2021-11-15T19:08:05.000Z",
              "text":"Introducing #TwitterAPI v2 @TwitterDev https://t.co/abc","author_id":"2244994945",
              "lang":"en",
              "entities":{"hashtags":[{"start":12,"end":23,"tag":"TwitterAPI"}],
                          "mentions":[{"start":27,"end":38,"username":"TwitterDev","id":"2244994945"}],
                          "urls":[{"start":39,"end":62,"url":"https://t.co/abc",
                                   "expanded_url":"https://developer.twitter.com/en/docs","display_url":"x"}]}},
             "includes":{"users":[{"id":"2244994945","name":"Twitter Dev","username":"TwitterDev"}]}}
            """.replace("\n", "");
        final List<Tweet> tweets = parser.parse(json);
        assertThat(tweets).hasSize(1);
        final Tweet t = tweets.get(0);
        assertThat(t.id()).isEqualTo(1460323737035677698L);
        assertThat(t.createdAtMillis()).isEqualTo(Instant.parse("2021-11-15T19:08:05Z").toEpochMilli());
        assertThat(t.text()).isEqualTo("Introducing #TwitterAPI v2 @TwitterDev https://t.co/abc");
        assertThat(t.userId()).isEqualTo(2244994945L);
        assertThat(t.screenName()).isEqualTo("TwitterDev");
        assertThat(t.hashtags()).containsExactly("TwitterAPI");
        assertThat(t.mentions()).containsExactly(new Tweet.Mention(2244994945L, "TwitterDev"));
        assertThat(t.links()).containsExactly(
            new Tweet.Link("https://t.co/abc", "https://developer.twitter.com/en/docs"));
        assertThat(t.retweetedUserId()).isZero();
        assertThat(t.quotedUserId()).isZero();
        assertThat(t.inReplyToUserId()).isZero();
    }

    @Test
    void parsesADataArrayInOrder() throws TweetFormatException {
        final String json = "{\"data\":["
            + "{\"id\":\"11\",\"created_at\":\"2022-01-01T00:00:00Z\",\"text\":\"first\",\"author_id\":\"1\"},"
            + "{\"id\":\"12\",\"created_at\":\"2022-01-01T00:00:01.500Z\",\"text\":\"second\",\"author_id\":\"2\"}],"
            + "\"meta\":{\"result_count\":2}}";
        final List<Tweet> tweets = parser.parse(json);
        assertThat(tweets).extracting(Tweet::id).containsExactly(11L, 12L);
        assertThat(tweets).extracting(Tweet::text).containsExactly("first", "second");
        assertThat(tweets.get(1).createdAtMillis() - tweets.get(0).createdAtMillis()).isEqualTo(1500);
        // no includes.users: the author's screen name is unknown
        assertThat(tweets).extracting(Tweet::screenName).containsExactly("", "");
    }

    @Test
    void parsesIsoTimestampsWithAnOffset() throws TweetFormatException {
        final String json = "{\"data\":{\"id\":\"1\",\"created_at\":\"2022-03-01T14:00:00+02:00\","
            + "\"text\":\"t\",\"author_id\":\"5\"}}";
        assertThat(parser.parse(json).get(0).createdAtMillis())
            .isEqualTo(Instant.parse("2022-03-01T12:00:00Z").toEpochMilli());
    }

    @Test
    void resolvesMentionIdsFromIncludedUsersIgnoringCase() throws TweetFormatException {
        final String json = "{\"data\":{\"id\":\"1\",\"created_at\":\"2022-03-01T12:00:00.000Z\","
            + "\"text\":\"hi @bob and @Carol and @dave\",\"author_id\":\"5\","
            + "\"entities\":{\"mentions\":[{\"username\":\"bob\"},{\"username\":\"Carol\"},{\"username\":\"dave\"}]}},"
            + "\"includes\":{\"users\":[{\"id\":\"5\",\"username\":\"alice\"},{\"id\":\"20\",\"username\":\"Bob\"},"
            + "{\"id\":\"30\",\"username\":\"carol\"}]}}";
        final Tweet t = parser.parse(json).get(0);
        assertThat(t.screenName()).isEqualTo("alice");
        assertThat(t.mentions()).hasSize(3);
        assertThat(t.mentions().get(0)).isEqualTo(new Tweet.Mention(20, "bob"));
        assertThat(t.mentions().get(1)).isEqualTo(new Tweet.Mention(30, "Carol"));
        // not included: a stable positive id derived from the name
        assertThat(t.mentions().get(2).screenName()).isEqualTo("dave");
        assertThat(t.mentions().get(2).userId()).isPositive().isNotIn(5L, 20L, 30L);
    }

    @Test
    void mentionIdGivenInTheEntityWins() throws TweetFormatException {
        final String json = "{\"data\":{\"id\":\"1\",\"created_at\":\"2022-03-01T12:00:00Z\",\"text\":\"@bob\","
            + "\"author_id\":\"5\",\"entities\":{\"mentions\":[{\"username\":\"bob\",\"id\":\"77\"}]}},"
            + "\"includes\":{\"users\":[{\"id\":\"20\",\"username\":\"bob\"}]}}";
        assertThat(parser.parse(json).get(0).mentions()).containsExactly(new Tweet.Mention(77, "bob"));
    }

    @Test
    void retweetTakesTheOriginalAuthorFromIncludedTweets() throws TweetFormatException {
        final String json = "{\"data\":{\"id\":\"100\",\"created_at\":\"2022-03-01T12:00:00Z\","
            + "\"text\":\"RT @orig: words\",\"author_id\":\"5\","
            + "\"entities\":{\"mentions\":[{\"username\":\"orig\",\"id\":\"9\"}]},"
            + "\"referenced_tweets\":[{\"type\":\"retweeted\",\"id\":\"90\"}]},"
            + "\"includes\":{\"tweets\":[{\"id\":\"90\",\"author_id\":\"31\",\"text\":\"words\"}]}}";
        final Tweet t = parser.parse(json).get(0);
        assertThat(t.retweetedUserId()).isEqualTo(31L);
        assertThat(t.isRetweet()).isTrue();
        assertThat(t.quotedUserId()).isZero();
    }

    @Test
    void retweetWithoutIncludedTweetsFallsBackToTheFirstMention() throws TweetFormatException {
        final String json = "{\"data\":{\"id\":\"100\",\"created_at\":\"2022-03-01T12:00:00Z\","
            + "\"text\":\"RT @orig: words\",\"author_id\":\"5\","
            + "\"entities\":{\"mentions\":[{\"username\":\"orig\",\"id\":\"9\"}]},"
            + "\"referenced_tweets\":[{\"type\":\"retweeted\",\"id\":\"90\"}]}}";
        assertThat(parser.parse(json).get(0).retweetedUserId()).isEqualTo(9L);
    }

    @Test
    void retweetWithoutIncludesOrMentionsStillCountsAsARetweet() throws TweetFormatException {
        final String json = "{\"data\":{\"id\":\"100\",\"created_at\":\"2022-03-01T12:00:00Z\","
            + "\"text\":\"RT words\",\"author_id\":\"5\","
            + "\"referenced_tweets\":[{\"type\":\"retweeted\",\"id\":\"90\"}]}}";
        assertThat(parser.parse(json).get(0).retweetedUserId()).isPositive();
    }

    @Test
    void quoteAndReplyAreRead() throws TweetFormatException {
        final String json = "{\"data\":{\"id\":\"100\",\"created_at\":\"2022-03-01T12:00:00Z\","
            + "\"text\":\"look at this\",\"author_id\":\"5\",\"in_reply_to_user_id\":\"44\","
            + "\"referenced_tweets\":[{\"type\":\"quoted\",\"id\":\"91\"},{\"type\":\"replied_to\",\"id\":\"92\"}]},"
            + "\"includes\":{\"tweets\":[{\"id\":\"91\",\"author_id\":\"33\"},{\"id\":\"92\",\"author_id\":\"44\"}]}}";
        final Tweet t = parser.parse(json).get(0);
        assertThat(t.quotedUserId()).isEqualTo(33L);
        assertThat(t.inReplyToUserId()).isEqualTo(44L);
        assertThat(t.retweetedUserId()).isZero();
        assertThat(t.isRetweet()).isFalse();
    }

    @Test
    void urlWithoutExpandedUrlExpandsToItself() throws TweetFormatException {
        final String json = "{\"data\":{\"id\":\"1\",\"created_at\":\"2022-03-01T12:00:00Z\",\"text\":\"x\","
            + "\"author_id\":\"5\",\"entities\":{\"urls\":[{\"url\":\"https://t.co/q\"}]}}}";
        assertThat(parser.parse(json).get(0).links()).containsExactly(
            new Tweet.Link("https://t.co/q", "https://t.co/q"));
    }

    @Test
    void acceptsNumericIdsInV2() throws TweetFormatException {
        final String json = "{\"data\":{\"id\":123,\"created_at\":\"2022-03-01T12:00:00Z\",\"text\":\"x\","
            + "\"author_id\":456}}";
        final Tweet t = parser.parse(json).get(0);
        assertThat(t.id()).isEqualTo(123L);
        assertThat(t.userId()).isEqualTo(456L);
    }
}
