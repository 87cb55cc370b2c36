package io.dikw.social.tweet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dikw.social.tweet.TweetFormatException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input: every rejection has the right reason and a message naming the field. */
class TweetParserRejectionTest {
    private final TweetParser parser = new TweetParser();

    private TweetFormatException rejection(final String line) {
        final TweetFormatException e = catchThrowableOfType(TweetFormatException.class, () -> parser.parse(line));
        assertThat(e).as("expected a rejection of %s", line).isNotNull();
        return e;
    }

    private void assertRejected(final String line, final Reason reason, final String messagePart) {
        final TweetFormatException e = rejection(line);
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.getMessage()).contains(messagePart);
    }

    private static ObjectNode base() {
        return TweetParserV1Test.base();
    }

    @Test
    void reasonLabelsAreTheDeadLetterCategories() {
        assertThat(Reason.MALFORMED_JSON.label()).isEqualTo("malformed-json");
        assertThat(Reason.MISSING_FIELD.label()).isEqualTo("missing-field");
        assertThat(Reason.WRONG_TYPE.label()).isEqualTo("wrong-type");
        assertThat(Reason.NOT_A_TWEET.label()).isEqualTo("not-a-tweet");
        assertThat(Reason.OVERSIZED.label()).isEqualTo("oversized");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id_str\": \"1\", ", "{oops", "not json at all", "{\"a\":}", "{'single':'quotes'}",
        "{\"id_str\":\"1\"]"})
    void rejectsMalformedJson(final String line) {
        assertRejected(line, Reason.MALFORMED_JSON, "not valid JSON");
    }

    @Test
    void malformedJsonMessageSaysWhere() {
        assertThat(rejection("{\"a\":1,,}").getMessage()).contains("column");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void rejectsAnEmptyRecordAsMalformed(final String line) {
        assertThat(rejection(line).reason()).isEqualTo(Reason.MALFORMED_JSON);
    }

    @Test
    void rejectsTrailingContentAfterTheTweet() {
        final String one = base().toString();
        assertThat(rejection(one + one).reason()).isEqualTo(Reason.MALFORMED_JSON);
        assertThat(rejection(one + " garbage").reason()).isEqualTo(Reason.MALFORMED_JSON);
    }

    @Test
    void rejectsATopLevelArray() {
        assertRejected("[" + base() + "]", Reason.NOT_A_TWEET, "expected a JSON object, got an array");
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "\"a string\"", "true", "null", "3.5"})
    void rejectsATopLevelScalar(final String line) {
        assertRejected(line, Reason.NOT_A_TWEET, "expected a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"delete\":{\"status\":{\"id\":1,\"id_str\":\"1\",\"user_id\":3,\"user_id_str\":\"3\"},\"timestamp_ms\":\"1\"}}",
        "{\"limit\":{\"track\":12,\"timestamp_ms\":\"1\"}}",
        "{\"status_withheld\":{\"id\":1,\"user_id\":2,\"withheld_in_countries\":[\"DE\"]}}",
        "{\"scrub_geo\":{\"user_id\":1,\"up_to_status_id\":2}}",
        "{\"errors\":[{\"message\":\"Rate limit exceeded\",\"code\":88}]}"})
    void rejectsStreamNoticesAsNotATweet(final String line) {
        final TweetFormatException e = rejection(line);
        assertThat(e.reason()).isEqualTo(Reason.NOT_A_TWEET);
        assertThat(e.getMessage()).contains("notice");
    }

    @Test
    void deleteNoticeMessageNamesItsFields() {
        assertThat(rejection("{\"delete\":{\"status\":{\"id_str\":\"1\"}}}").getMessage()).contains("delete");
    }

    @Test
    void rejectsATweetWithoutId() {
        final ObjectNode json = base();
        json.remove("id_str");
        json.remove("id");
        assertRejected(json.toString(), Reason.MISSING_FIELD, "'id_str'");
    }

    @Test
    void rejectsATweetWithoutCreatedAt() {
        final ObjectNode json = base();
        json.remove("created_at");
        assertRejected(json.toString(), Reason.MISSING_FIELD, "'created_at'");
        json.putNull("created_at");
        assertRejected(json.toString(), Reason.MISSING_FIELD, "'created_at'");
    }

    @Test
    void rejectsATweetWithoutText() {
        final ObjectNode json = base();
        json.remove("text");
        assertRejected(json.toString(), Reason.MISSING_FIELD, "'text'");
    }

    @Test
    void rejectsATweetWithoutUser() {
        final ObjectNode json = base();
        json.remove("user");
        assertRejected(json.toString(), Reason.MISSING_FIELD, "'user'");
        json.putNull("user");
        assertRejected(json.toString(), Reason.MISSING_FIELD, "'user'");
    }

    @Test
    void rejectsAUserThatIsNotAnObject() {
        final ObjectNode json = base();
        json.put("user", "alice");
        assertRejected(json.toString(), Reason.WRONG_TYPE, "'user' must be an object, got a string 'alice'");
    }

    @Test
    void rejectsAUserWithoutId() {
        final ObjectNode json = base();
        ((ObjectNode) json.get("user")).remove("id_str");
        ((ObjectNode) json.get("user")).remove("id");
        assertRejected(json.toString(), Reason.MISSING_FIELD, "'user.id_str'");
    }

    @Test
    void rejectsTextThatIsANumber() {
        final ObjectNode json = base();
        json.put("text", 5);
        assertRejected(json.toString(), Reason.WRONG_TYPE, "'text' must be a string, got a number 5");
    }

    @Test
    void rejectsFullTextThatIsNotAString() {
        final ObjectNode json = base();
        json.putArray("full_text");
        assertRejected(json.toString(), Reason.WRONG_TYPE, "'full_text' must be a string, got an array");
        final ObjectNode ext = base();
        ext.putObject("extended_tweet").put("full_text", true);
        assertRejected(ext.toString(), Reason.WRONG_TYPE, "'extended_tweet.full_text'");
    }

    @Test
    void rejectsHashtagsThatAreNotAnArray() {
        final ObjectNode json = base();
        json.putObject("entities").put("hashtags", "#java");
        assertRejected(json.toString(), Reason.WRONG_TYPE, "'entities.hashtags' must be an array");
    }

    @Test
    void rejectsExtendedEntitiesOfTheWrongTypeNamingTheExtendedPath() {
        final ObjectNode json = base();
        json.putObject("extended_tweet").put("full_text", "x").putObject("entities").putObject("urls");
        assertRejected(json.toString(), Reason.WRONG_TYPE, "'extended_tweet.entities.urls' must be an array");
    }

    @Test
    void rejectsAHashtagWithoutText() {
        final ObjectNode json = base();
        json.putObject("entities").putArray("hashtags").addObject().putArray("indices");
        assertRejected(json.toString(), Reason.MISSING_FIELD, "'entities.hashtags[].text'");
    }

    @Test
    void rejectsAHashtagWhoseTextIsNotAString() {
        final ObjectNode json = base();
        json.putObject("entities").putArray("hashtags").addObject().put("text", 12);
        assertRejected(json.toString(), Reason.WRONG_TYPE, "'entities.hashtags[].text'");
    }

    @Test
    void rejectsAMentionWithNeitherIdNorName() {
        final ObjectNode json = base();
        json.putObject("entities").putArray("user_mentions").addObject().put("name", "Just A Name");
        assertRejected(json.toString(), Reason.MISSING_FIELD, "'entities.user_mentions[].id_str'");
    }

    @Test
    void rejectsAMentionWithANonNumericId() {
        final ObjectNode json = base();
        json.putObject("entities").putArray("user_mentions").addObject().put("id_str", "bob").put("screen_name", "b");
        assertRejected(json.toString(), Reason.WRONG_TYPE, "'entities.user_mentions[].id_str'");
    }

    @Test
    void rejectsAUrlWithNeitherUrlNorExpandedUrl() {
        final ObjectNode json = base();
        json.putObject("entities").putArray("urls").addObject().put("display_url", "example.com");
        assertRejected(json.toString(), Reason.MISSING_FIELD, "'entities.urls[].expanded_url'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "0", "-5", "12x", "99999999999999999999", "1.5"})
    void rejectsAnIdStrThatIsNotAPositiveNumber(final String idStr) {
        final ObjectNode json = base();
        json.put("id_str", idStr);
        final TweetFormatException e = rejection(json.toString());
        assertThat(e.reason()).isEqualTo(Reason.WRONG_TYPE);
        assertThat(e.getMessage()).contains("'id_str'").contains("not a positive numeric id");
    }

    @Test
    void rejectsAnIdOfTheWrongJsonType() {
        final ObjectNode bool = base();
        bool.put("id_str", true);
        assertRejected(bool.toString(), Reason.WRONG_TYPE, "'id_str' must be a numeric id, got a boolean true");
        final ObjectNode fraction = base();
        fraction.remove("id_str");
        fraction.put("id", 1.5);
        assertRejected(fraction.toString(), Reason.WRONG_TYPE, "'id' must be a numeric id, got a number 1.5");
        final ObjectNode negative = base();
        negative.remove("id_str");
        negative.put("id", -3L);
        assertRejected(negative.toString(), Reason.WRONG_TYPE, "'id'");
        final ObjectNode object = base();
        object.putObject("id_str");
        assertRejected(object.toString(), Reason.WRONG_TYPE, "'id_str' must be a numeric id, got an object");
    }

    @Test
    void rejectsAUserIdThatIsNotNumeric() {
        final ObjectNode json = base();
        ((ObjectNode) json.get("user")).put("id_str", "alice");
        assertRejected(json.toString(), Reason.WRONG_TYPE, "'user.id_str'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2018-13-45T00:00:00Z", "Thu Oct 10 20:19:24 +0000 2018",
        "Wed Oct 10 20:19:24 2018", "1539202764"})
    void rejectsAnUnparseableCreatedAt(final String createdAt) {
        final ObjectNode json = base();
        json.put("created_at", createdAt);
        final TweetFormatException e = rejection(json.toString());
        assertThat(e.reason()).isEqualTo(Reason.WRONG_TYPE);
        assertThat(e.getMessage()).contains("'created_at'").contains("not a timestamp");
    }

    @Test
    void rejectsACreatedAtThatIsANumber() {
        final ObjectNode json = base();
        json.put("created_at", 1539202764000L);
        assertRejected(json.toString(), Reason.WRONG_TYPE, "'created_at' must be a string");
    }

    @Test
    void rejectsARetweetedStatusWithoutUser() {
        final ObjectNode json = base();
        json.putObject("retweeted_status").put("id_str", "3");
        assertRejected(json.toString(), Reason.MISSING_FIELD, "'retweeted_status.user'");
    }

    @Test
    void rejectsARetweetedStatusThatIsNotAnObject() {
        final ObjectNode json = base();
        json.put("retweeted_status", "yes");
        assertRejected(json.toString(), Reason.WRONG_TYPE, "'retweeted_status' must be an object");
    }

    @Test
    void rejectsAQuotedStatusWithABadUserId() {
        final ObjectNode json = base();
        json.putObject("quoted_status").putObject("user").put("id_str", "x");
        assertRejected(json.toString(), Reason.WRONG_TYPE, "'quoted_status.user.id_str'");
    }

    @Test
    void rejectsABadReplyUserId() {
        final ObjectNode json = base();
        json.put("in_reply_to_user_id_str", "nobody");
        assertRejected(json.toString(), Reason.WRONG_TYPE, "'in_reply_to_user_id_str'");
    }

    // ---------------------------------------------------------------- v2

    @Test
    void rejectsV2DataThatIsAScalar() {
        assertRejected("{\"data\":17}", Reason.WRONG_TYPE, "'data' must be an object or an array, got a number 17");
        assertRejected("{\"data\":null}", Reason.WRONG_TYPE, "'data'");
    }

    @Test
    void rejectsV2DataArrayElementThatIsNotAnObject() {
        assertRejected("{\"data\":[\"x\"]}", Reason.WRONG_TYPE, "'data[0]' must be an object");
    }

    @Test
    void rejectsAV2TweetWithoutAuthorNamingItsPosition() {
        final String good = "{\"id\":\"1\",\"created_at\":\"2022-01-01T00:00:00Z\",\"text\":\"a\",\"author_id\":\"2\"}";
        final String bad = "{\"id\":\"3\",\"created_at\":\"2022-01-01T00:00:00Z\",\"text\":\"b\"}";
        assertRejected("{\"data\":[" + good + "," + bad + "]}", Reason.MISSING_FIELD, "'data[1].author_id'");
        assertRejected("{\"data\":" + bad + "}", Reason.MISSING_FIELD, "'data.author_id'");
    }

    @Test
    void rejectsAV2TweetWithMissingOrBadFields() {
        assertRejected("{\"data\":{\"created_at\":\"2022-01-01T00:00:00Z\",\"text\":\"a\",\"author_id\":\"2\"}}",
            Reason.MISSING_FIELD, "'data.id'");
        assertRejected("{\"data\":{\"id\":\"1\",\"text\":\"a\",\"author_id\":\"2\"}}",
            Reason.MISSING_FIELD, "'data.created_at'");
        assertRejected("{\"data\":{\"id\":\"1\",\"created_at\":\"2022-01-01T00:00:00Z\",\"author_id\":\"2\"}}",
            Reason.MISSING_FIELD, "'data.text'");
        assertRejected("{\"data\":{\"id\":\"1\",\"created_at\":\"2022-01-01\",\"text\":\"a\",\"author_id\":\"2\"}}",
            Reason.WRONG_TYPE, "'data.created_at'");
        assertRejected("{\"data\":{\"id\":\"1\",\"created_at\":\"2022-01-01T00:00:00Z\",\"text\":\"a\","
            + "\"author_id\":\"2\",\"entities\":{\"hashtags\":{\"tag\":\"x\"}}}}",
            Reason.WRONG_TYPE, "'data.entities.hashtags' must be an array");
        assertRejected("{\"data\":{\"id\":\"1\",\"created_at\":\"2022-01-01T00:00:00Z\",\"text\":\"a\","
            + "\"author_id\":\"2\",\"entities\":{\"mentions\":[{\"id\":\"3\"}]}}}",
            Reason.MISSING_FIELD, "'data.entities.mentions[].username'");
        assertRejected("{\"data\":{\"id\":\"1\",\"created_at\":\"2022-01-01T00:00:00Z\",\"text\":\"a\","
            + "\"author_id\":\"2\",\"referenced_tweets\":[{\"id\":\"3\"}]}}",
            Reason.MISSING_FIELD, "'data.referenced_tweets[].type'");
    }

    @Test
    void rejectsV2IncludesOfTheWrongShape() {
        final String tweet = "{\"id\":\"1\",\"created_at\":\"2022-01-01T00:00:00Z\",\"text\":\"a\",\"author_id\":\"2\"}";
        assertRejected("{\"data\":" + tweet + ",\"includes\":{\"users\":{}}}", Reason.WRONG_TYPE,
            "'includes.users' must be an array");
        assertRejected("{\"data\":" + tweet + ",\"includes\":{\"users\":[{\"username\":\"x\"}]}}",
            Reason.MISSING_FIELD, "'includes.users[].id'");
    }
}
