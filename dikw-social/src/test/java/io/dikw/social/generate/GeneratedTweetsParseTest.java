package io.dikw.social.generate;

import io.dikw.social.tweet.Tweet;
import io.dikw.social.tweet.TweetFormatException;
import io.dikw.social.tweet.TweetParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract with the pipeline's reader: every generated line is a usable v1.1 tweet. */
class GeneratedTweetsParseTest
{
    @Test
    void shouldParseEveryGeneratedLineWithTheTweetParser() throws TweetFormatException
    {
        final GeneratedStream stream = GeneratedStream.of(
            GeneratorConfig.defaults().withCount(5_000).withMemes(10).withUsers(1_000).withSeed(3));
        final TweetParser parser = new TweetParser();
        final List<String> lines = stream.tweetLines();
        final List<String[]> labels = stream.labelRows();
        for (int i = 0; i < lines.size(); i++)
        {
            final List<Tweet> parsed = parser.parse(lines.get(i));
            assertThat(parsed).hasSize(1);
            assertThat(Long.toString(parsed.get(0).id())).isEqualTo(labels.get(i)[0]);
        }
    }
}
