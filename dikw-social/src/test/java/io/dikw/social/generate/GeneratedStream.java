package io.dikw.social.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A stream generated into memory, for tests. */
final class GeneratedStream
{
    static final ObjectMapper MAPPER = new ObjectMapper();

    final String tweets;
    final String labels;
    final GenerationStats stats;
    final List<MemeSpec> memes;

    private GeneratedStream(final String tweets, final String labels, final GenerationStats stats, final List<MemeSpec> memes)
    {
        this.tweets = tweets;
        this.labels = labels;
        this.stats = stats;
        this.memes = memes;
    }

    static GeneratedStream of(final GeneratorConfig config)
    {
        final TweetStreamGenerator generator = new TweetStreamGenerator(config);
        final StringWriter tweets = new StringWriter();
        final StringWriter labels = new StringWriter();
        try
        {
            final GenerationStats stats = generator.write(tweets, labels, n -> { });
            return new GeneratedStream(tweets.toString(), labels.toString(), stats, generator.memes());
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    List<String> tweetLines()
    {
        return lines(tweets);
    }

    List<String[]> labelRows()
    {
        final List<String[]> rows = new ArrayList<>();
        for (final String line : lines(labels))
        {
            rows.add(line.split("\t", -1));
        }
        return rows;
    }

    List<JsonNode> parsed()
    {
        final List<JsonNode> nodes = new ArrayList<>();
        for (final String line : tweetLines())
        {
            try
            {
                nodes.add(MAPPER.readTree(line));
            }
            catch (final IOException e)
            {
                throw new UncheckedIOException("not JSON: " + line, e);
            }
        }
        return nodes;
    }

    private static List<String> lines(final String text)
    {
        final List<String> out = new ArrayList<>();
        int from = 0;
        while (from < text.length())
        {
            final int nl = text.indexOf('\n', from);
            if (nl < 0)
            {
                throw new AssertionError("last line has no newline");
            }
            out.add(text.substring(from, nl));
            from = nl + 1;
        }
        return out;
    }
}
