package io.dikw.social.tweet;

import static org.assertj.core.api.Assertions.assertThat;

import io.dikw.core.io.DeadLetters;
import io.dikw.core.io.DeadLetters.Rejection;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TweetReaderTest {

    private static String fixture(final String name) throws IOException {
        try (InputStream in = TweetReaderTest.class.getResourceAsStream("/tweets/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String v1(final long id, final String text) {
        return "{\"id_str\":\"" + id + "\",\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\",\"text\":\"" + text
            + "\",\"user\":{\"id_str\":\"9\"}}";
    }

    private static List<Tweet> readAll(final TweetReader reader) throws IOException {
        final List<Tweet> tweets = new ArrayList<>();
        Tweet t;
        while ((t = reader.next()) != null) {
            tweets.add(t);
        }
        return tweets;
    }

    @Test
    void readsGoodTweetsInOrderAndKeepsEveryBadLineWithItsLineAndReason() throws IOException {
        // lines 1-10 from the fixture, 11: a valid tweet over 1 MiB, 12: a good tweet ending in CRLF, no final newline
        final String oversized = v1(99, "x".repeat(TweetReader.MAX_RECORD_CHARS));
        final String input = fixture("mixed.jsonl") + oversized + "\n" + v1(8, "eighth") + "\r\n";
        final DeadLetters dead = DeadLetters.inMemory(100);
        final List<Tweet> tweets;
        final TweetReader reader = new TweetReader(new StringReader(input), "mixed.jsonl", dead);
        tweets = readAll(reader);

        assertThat(tweets).extracting(Tweet::id).containsExactly(1L, 2L, 4L, 5L, 7L, 8L);
        assertThat(tweets.get(0).hashtags()).containsExactly("good");
        assertThat(tweets.get(1).text()).isEqualTo("second, in extended mode");
        assertThat(tweets.get(2).screenName()).isEqualTo("carol");
        assertThat(tweets.get(5).text()).isEqualTo("eighth");
        assertThat(reader.tweetsRead()).isEqualTo(6);
        assertThat(reader.rejected()).isEqualTo(5);
        assertThat(reader.lineNumber()).isEqualTo(12);

        final List<Rejection> kept = dead.kept();
        assertThat(kept).extracting(Rejection::source).containsOnly("mixed.jsonl");
        assertThat(kept).extracting(Rejection::line).containsExactly(3L, 5L, 7L, 9L, 11L);
        assertThat(kept).extracting(Rejection::reason)
            .containsExactly("malformed-json", "not-a-tweet", "missing-field", "wrong-type", "oversized");
        assertThat(kept.get(0).record()).isEqualTo("{oops");
        assertThat(kept.get(0).detail()).contains("not valid JSON");
        assertThat(kept.get(1).record()).startsWith("{\"delete\"");
        assertThat(kept.get(2).detail()).contains("'user'");
        assertThat(kept.get(3).detail()).contains("'text'");
        assertThat(kept.get(4).detail()).contains(String.valueOf(TweetReader.MAX_RECORD_CHARS));
        assertThat(kept.get(4).record()).startsWith("{\"id_str\":\"99\"")
            .hasSizeLessThan(DeadLetters.MAX_RECORD_CHARS + 100)
            .endsWith("[truncated: " + TweetReader.MAX_RECORD_CHARS + " chars in total]");
        assertThat(dead.count()).isEqualTo(5);
        assertThat(dead.countsByReason()).containsExactly(Map.entry("malformed-json", 1L),
            Map.entry("missing-field", 1L), Map.entry("not-a-tweet", 1L), Map.entry("oversized", 1L),
            Map.entry("wrong-type", 1L));

        // nothing silently dropped: good lines + rejected lines + blank lines = all lines
        final long goodLines = 5; // lines 1, 4, 8 (two v2 tweets), 10, 12
        final long blankLines = 2; // lines 2 and 6
        assertThat(goodLines + reader.rejected() + blankLines).isEqualTo(reader.lineNumber());
    }

    @Test
    void keepsReturningNullAtTheEnd() throws IOException {
        final TweetReader reader = new TweetReader(new StringReader(v1(1, "a")), "s", DeadLetters.inMemory(1));
        assertThat(reader.next()).isNotNull();
        assertThat(reader.next()).isNull();
        assertThat(reader.next()).isNull();
        assertThat(reader.tweetsRead()).isEqualTo(1);
    }

    @Test
    void emptyInputHasNoTweetsAndNoRejections() throws IOException {
        final DeadLetters dead = DeadLetters.inMemory(1);
        final TweetReader reader = new TweetReader(new StringReader(""), "s", dead);
        assertThat(reader.next()).isNull();
        assertThat(reader.tweetsRead()).isZero();
        assertThat(reader.rejected()).isZero();
        assertThat(dead.count()).isZero();
    }

    @Test
    void blankLinesAreSkippedWithoutComplaint() throws IOException {
        final DeadLetters dead = DeadLetters.inMemory(10);
        final TweetReader reader = new TweetReader(new StringReader("\n\r\n \t \n" + v1(1, "a") + "\n\n"), "s", dead);
        assertThat(readAll(reader)).hasSize(1);
        assertThat(reader.rejected()).isZero();
        assertThat(dead.count()).isZero();
        assertThat(reader.lineNumber()).isEqualTo(5);
    }

    @Test
    void anAllBadStreamRejectsEveryLineAndGoesOn() throws IOException {
        final DeadLetters dead = DeadLetters.inMemory(2);
        final StringBuilder input = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            input.append("{bad ").append(i).append('\n');
        }
        final TweetReader reader = new TweetReader(new StringReader(input.toString()), "s", dead);
        assertThat(reader.next()).isNull();
        assertThat(reader.rejected()).isEqualTo(50);
        assertThat(dead.count()).isEqualTo(50);
        assertThat(dead.kept()).hasSize(2);
        assertThat(dead.kept().get(1).line()).isEqualTo(2);
    }

    @Test
    void aLineJustUnderTheLimitIsParsed() throws IOException {
        final String prefix = v1(1, "");
        final String line = v1(1, "y".repeat(TweetReader.MAX_RECORD_CHARS - prefix.length()));
        assertThat(line).hasSize(TweetReader.MAX_RECORD_CHARS);
        final DeadLetters dead = DeadLetters.inMemory(1);
        final TweetReader reader = new TweetReader(new StringReader(line + "\n" + v1(2, "b")), "s", dead);
        assertThat(readAll(reader)).extracting(Tweet::id).containsExactly(1L, 2L);
        assertThat(dead.count()).isZero();
    }

    @Test
    void closeClosesTheInput() throws IOException {
        final boolean[] closed = {false};
        final Reader in = new StringReader("") {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        new TweetReader(in, "s", DeadLetters.inMemory(0)).close();
        assertThat(closed[0]).isTrue();
    }

    @Test
    void anEmptyV2DataArrayIsAccountedFor() throws IOException {
        final DeadLetters dead = DeadLetters.inMemory(1);
        final TweetReader reader = new TweetReader(new StringReader("{\"data\":[]}\n"), "s", dead);
        assertThat(reader.next()).isNull();
        assertThat(reader.rejected()).isEqualTo(1);
        assertThat(dead.kept()).extracting(Rejection::reason).containsExactly("not-a-tweet");
    }
}
