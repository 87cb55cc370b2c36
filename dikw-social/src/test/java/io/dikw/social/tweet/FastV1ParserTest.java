package io.dikw.social.tweet;

import static org.assertj.core.api.Assertions.assertThat;

import io.dikw.social.generate.GeneratorConfig;
import io.dikw.social.generate.TweetStreamGenerator;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

class FastV1ParserTest {
    private final FastV1Parser fast = new FastV1Parser();
    private final TweetParser tree = new TweetParser();

    @Test
    void acceptsEveryGeneratedTweetAndAgreesWithTheTreeParser() throws Exception {
        final StringWriter out = new StringWriter();
        new TweetStreamGenerator(GeneratorConfig.defaults().withCount(5_000).withMemes(10).withUsers(800).withSeed(2))
            .write(out, Writer.nullWriter(), n -> { });
        int lines = 0;
        for (final String line : out.toString().split("\n")) {
            final Tweet quick = fast.parse(line);
            assertThat(quick).as("line %d taken by the fast path", lines).isNotNull();
            assertThat(quick).isEqualTo(tree.parseWithTree(line).get(0));
            lines++;
        }
        assertThat(lines).isEqualTo(5_000);
    }

    @Test
    void agreesOnExtendedTweetsRepliesAndNumericIds() throws Exception {
        final String line = "{\"id\":7,\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\",\"text\":\"short\","
            + "\"extended_tweet\":{\"full_text\":\"long #Tag @bob http://t.co/x\",\"entities\":{\"hashtags\":[{\"text\":\"Tag\"}],"
            + "\"user_mentions\":[{\"id_str\":\"9\",\"screen_name\":\"bob\"}],\"urls\":[{\"url\":\"http://t.co/x\","
            + "\"expanded_url\":\"https://example.org/a\"}]}},\"user\":{\"id\":3,\"screen_name\":\"amy\"},"
            + "\"in_reply_to_user_id_str\":\"9\",\"quoted_status\":{\"text\":\"q\",\"user\":{\"id_str\":\"11\"}}}";
        assertThat(fast.parse(line)).isNotNull().isEqualTo(tree.parseWithTree(line).get(0));
    }

    @Test
    void leavesAnythingUnusualToTheTreeParser() {
        assertThat(fast.parse("{\"data\":{\"id\":\"1\"}}")).isNull();
        assertThat(fast.parse("{\"delete\":{}}")).isNull();
        assertThat(fast.parse("{\"id_str\":\"1\",\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\",\"text\":\"x\"}"))
            .as("no user").isNull();
        assertThat(fast.parse("{\"id_str\":\"1\",\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\",\"text\":5,"
            + "\"user\":{\"id_str\":\"2\"}}")).as("wrong type").isNull();
        assertThat(fast.parse("{\"id_str\":\"1\",\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\",\"text\":\"x\","
            + "\"user\":{\"id_str\":\"2\"}} trailing")).as("trailing data").isNull();
        assertThat(fast.parse("{\"id_str\":\"1\",\"created_at\":\"yesterday\",\"text\":\"x\",\"user\":{\"id_str\":\"2\"}}"))
            .as("bad date").isNull();
        assertThat(fast.parse("{\"id_str\":\"1\",\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\",\"text\":\"x\","
            + "\"user\":{\"id_str\":\"2\"},\"entities\":{\"user_mentions\":[{\"screen_name\":\"noid\"}]}}"))
            .as("mention without id").isNull();
        assertThat(fast.parse("[1,2]")).isNull();
        assertThat(fast.parse("{broken")).isNull();
    }
}
