package io.dikw.graph.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dikw.graph.wire.EdgeInsertion;
import io.dikw.graph.wire.StingerBatch;
import io.dikw.graph.wire.VertexUpdate;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TemplateTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "graph");

    private static final String TWEET = "{\"created_at\":\"Mon Mar 04 12:00:00 +0000 2024\",\"text\":\"RT @bob hi #a #b #c\","
        + "\"user\":{\"screen_name\":\"alice\"},\"in_reply_to_screen_name\":\"dave\","
        + "\"retweeted_status\":{\"user\":{\"screen_name\":\"bob\"}},"
        + "\"entities\":{\"user_mentions\":[{\"screen_name\":\"bob\"},{\"screen_name\":\"carol\"}],"
        + "\"hashtags\":[{\"text\":\"a\"},{\"text\":\"b\"},{\"text\":\"c\"}]}}";

    @Test
    void tweetTemplateYieldsMentionsRetweetsRepliesAndHashtagCoUse() throws Exception {
        final RecordTemplate t = RecordTemplate.load(EXAMPLES.resolve("tweets.template.json"));
        final StingerBatch b = new StingerBatch();
        final int n = t.extract(TWEET, b);
        final long time = 1709553600000L;
        assertThat(b.insertions).containsExactlyInAnyOrder(
            EdgeInsertion.named("alice", "bob", "mentioned", 1, time),
            EdgeInsertion.named("alice", "carol", "mentioned", 1, time),
            EdgeInsertion.named("alice", "bob", "retweeted", 1, time),
            EdgeInsertion.named("alice", "dave", "replied", 1, time),
            EdgeInsertion.named("a", "b", "co-used", 1, time),
            EdgeInsertion.named("a", "c", "co-used", 1, time),
            EdgeInsertion.named("b", "c", "co-used", 1, time));
        assertThat(b.vertexUpdates).contains(new VertexUpdate(0, "alice", -1, "user", false, 0, 1),
            new VertexUpdate(0, "c", -1, "hashtag", false, 0, 0));
        assertThat(n).isEqualTo(b.insertions.size() + b.vertexUpdates.size());
    }

    @Test
    void plainTweetYieldsItsAuthorsVertexUpdateOnly() throws Exception {
        final RecordTemplate t = RecordTemplate.load(EXAMPLES.resolve("tweets.template.json"));
        final StingerBatch b = new StingerBatch();
        t.extract("{\"created_at\":\"Mon Mar 04 12:00:00 +0000 2024\",\"user\":{\"screen_name\":\"zed\"},"
            + "\"entities\":{\"hashtags\":[],\"user_mentions\":[]},\"in_reply_to_screen_name\":null}", b);
        assertThat(b.insertions).isEmpty();
        assertThat(b.vertexUpdates).containsExactly(new VertexUpdate(0, "zed", -1, "user", false, 0, 1));
    }

    @Test
    void badRecordsSayWhatIsWrongAndAddNothing() throws Exception {
        final RecordTemplate t = RecordTemplate.load(EXAMPLES.resolve("tweets.template.json"));
        final StingerBatch b = new StingerBatch();
        assertThatThrownBy(() -> t.extract("{\"user\":", b)).extracting(e -> ((TemplateException) e).reason())
            .isEqualTo("malformed-json");
        assertThatThrownBy(() -> t.extract("{\"lang\":\"en\"}", b)).extracting(e -> ((TemplateException) e).reason())
            .isEqualTo("no-match");
        assertThatThrownBy(() -> t.extract("{\"created_at\":\"yesterday\",\"user\":{\"screen_name\":\"x\"}}", b))
            .hasMessageContaining("$time_ttr at created_at needs a Twitter time");
        assertThatThrownBy(() -> t.extract("{\"user\":{\"screen_name\":{\"a\":1}}}", b))
            .hasMessageContaining("user.screen_name holds OBJECT");
        assertThat(b.size()).isZero();
    }

    @Test
    void csvTemplateReadsColumnsConstantsAndQuotes() throws Exception {
        final RecordTemplate t = RecordTemplate.load(EXAMPLES.resolve("calls.template.csv"));
        final StingerBatch b = new StingerBatch();
        t.extract("carol,\"dave, jr.\",1700000300,12", b);
        assertThat(b.insertions).containsExactly(EdgeInsertion.named("carol", "dave, jr.", "called", 12, 1700000300));
        assertThatThrownBy(() -> t.extract("a,b", b)).extracting(e -> ((TemplateException) e).reason())
            .isEqualTo("no-match");
        assertThatThrownBy(() -> t.extract("a,b", b)).hasMessageContaining("the record has 2 columns")
            .hasMessageContaining("need at least 4");
        assertThatThrownBy(() -> t.extract(" ,dave,1700000300,12", b)).hasMessageContaining("gives no update")
            .hasMessageContaining("column 1 ($source_str1) is empty");
        assertThatThrownBy(() -> t.extract("a,b,notatime,1", b)).extracting(e -> ((TemplateException) e).reason())
            .isEqualTo("bad-field");
        assertThatThrownBy(() -> t.extract("a,\"b,1,1", b)).extracting(e -> ((TemplateException) e).reason())
            .isEqualTo("malformed-csv");
    }

    @Test
    void numericIdsAndSeveralTemplateObjects() {
        final RecordTemplate t = JsonTemplate.parse("{\"from\":\"$source1\",\"to\":\"$destination1\",\"w\":\"$weight1\"}\n"
            + "{\"from\":\"$source2\",\"via\":\"$destination2\",\"k\":\"$type2=3\"}");
        final StingerBatch b = new StingerBatch();
        t.extract("{\"from\":1,\"to\":2,\"w\":5,\"via\":\"7\"}", b);
        assertThat(b.insertions).containsExactly(EdgeInsertion.numbered(1, 2, 0, 5, 0), EdgeInsertion.numbered(1, 7, 3, 1, 0));
    }

    @Test
    void badTemplatesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> JsonTemplate.parse("{\"a\":\"$sorce_str1\"}")).hasMessageContaining("unknown keyword '$sorce_str'");
        assertThatThrownBy(() -> JsonTemplate.parse("[1]")).hasMessageContaining("must be an object");
        assertThatThrownBy(() -> JsonTemplate.parse("{\"a\":\"$type_str=x\"}")).hasMessageContaining("no keyword taken from the record");
        assertThatThrownBy(() -> CsvTemplate.parse("a,b")).hasMessageContaining("line 1");
    }

    @Test
    void aGroupWithoutASourceIsRefusedWhenTheTemplateLoads() {
        assertThatThrownBy(() -> JsonTemplate.parse("{\"a\":\"$source_str1\", \"b\":\"$destination_str2\"}"))
            .isInstanceOf(TemplateException.class).hasMessageContaining("template object #1: group 2 has "
                + "$destination_str2 but no $source_str2 or $source2");
        assertThatThrownBy(() -> CsvTemplate.parse("$source_str1,$destination_str1\n$destination1,$weight1"))
            .hasMessageContaining("line 2: group 1 has $destination1 $weight1 but no $source_str1");
        assertThatThrownBy(() -> JsonTemplate.parse("{\"a\":\"$source_str1\", \"_c\":\"$type_str3=x\"}"))
            .hasMessageContaining("group 3 has $type_str3=x but no");
        // a source alone gives vertex updates: that is a template
        assertThat(JsonTemplate.parse("{\"a\":\"$source_str1\", \"_c\":\"$source_type1=user\"}")).isNotNull();
    }

    @Test
    void anEdgeWeightBeyond32BitsIsABadFieldOfTheRecord() throws Exception {
        final RecordTemplate t = RecordTemplate.load(EXAMPLES.resolve("calls.template.csv"));
        final StingerBatch b = new StingerBatch();
        assertThatThrownBy(() -> t.extract("gina,hal,1700000600,99999999999", b))
            .extracting(e -> ((TemplateException) e).reason()).isEqualTo("bad-field");
        assertThatThrownBy(() -> t.extract("gina,hal,1700000600,99999999999", b))
            .hasMessageContaining("$weight at column 4 is 99999999999, beyond the 32-bit range");
        assertThat(b.size()).isZero();
        assertThat(t.extract("gina,hal,1700000600,2147483647", b)).isEqualTo(1);
    }

    @Test
    void aValueThatMixesKeywordsWithOtherWordsIsRefused() {
        assertThatThrownBy(() -> JsonTemplate.parse("{\"u\":{\"n\":\"source_str1 $destination_str1\"}}"))
            .isInstanceOf(TemplateException.class)
            .hasMessageContaining("the value 'source_str1 $destination_str1' at u.n mixes $keywords with other words");
    }

    @Property(tries = 300)
    void jsonTemplateNeverFailsOtherThanWithATemplateException(@ForAll @StringLength(max = 200) final String junk,
        @ForAll @Size(max = 4) final java.util.List<@StringLength(max = 8) String> names) throws Exception {
        final RecordTemplate t = RecordTemplate.load(EXAMPLES.resolve("tweets.template.json"));
        final String record = "{\"user\":{\"screen_name\":" + quote(names.isEmpty() ? junk : names.get(0))
            + "},\"entities\":{\"hashtags\":[" + String.join(",", names.stream().map(n -> "{\"text\":" + quote(n) + "}")
            .toList()) + "]},\"created_at\":" + quote(junk) + "}";
        for (final String r : new String[] {junk, record, record.substring(0, record.length() / 2)}) {
            final StingerBatch b = new StingerBatch();
            try {
                final int n = t.extract(r, b);
                assertThat(n).isPositive().isEqualTo(b.size());
            } catch (final TemplateException e) {
                assertThat(e.reason()).isIn("malformed-json", "bad-field", "no-match");
                assertThat(b.size()).isZero();
            }
        }
    }

    @Property(tries = 300)
    void csvTemplateNeverFailsOtherThanWithATemplateException(@ForAll @StringLength(max = 100) final String junk)
        throws Exception {
        final RecordTemplate t = RecordTemplate.load(EXAMPLES.resolve("calls.template.csv"));
        final StingerBatch b = new StingerBatch();
        try {
            assertThat(t.extract(junk, b)).isEqualTo(b.size());
        } catch (final TemplateException e) {
            assertThat(e.reason()).isIn("malformed-csv", "bad-field", "no-match");
        }
    }

    private static String quote(final String s) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
    }
}
