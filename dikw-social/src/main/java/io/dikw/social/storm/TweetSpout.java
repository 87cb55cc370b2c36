package io.dikw.social.storm;

import io.dikw.core.io.BoundedLineReader;
import io.dikw.core.io.InputFiles;
import io.dikw.social.tweet.TweetFormatException;
import io.dikw.social.tweet.TweetParser;
import io.dikw.social.tweet.TweetReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.storm.spout.SpoutOutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.base.BaseRichSpout;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Values;
import io.dikw.core.pubsub.SyncSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a file (or standard input) of tweet JSON lines into the topology: as fast as the
 * topology takes them, at a fixed rate, or following the tweets' own timestamps sped up by a
 * factor. Lines go out raw (parsing happens in {@link ProtomemeBolt}, which keeps bad records), in
 * chunks of up to {@value #LINES_PER_CALL} ({@link LineChunk}; a paced replay sends what is due
 * before it waits);
 * after the last line one tuple on {@link #EOF_STREAM} says how many lines there were.
 */
public final class TweetSpout extends BaseRichSpout {
    /** Stream announcing the end of the input. */
    public static final String EOF_STREAM = "eof";
    private static final long serialVersionUID = 1L;
    private static final int LINES_PER_CALL = 256;
    /** Input lines allowed ahead of what the coordinator has settled: bounds the memory in flight. */
    static final long MAX_IN_FLIGHT = 100_000;
    /** Held back this long without progress, the spout lets a line through (a step may need it to end). */
    private static final long STALL_NANOS = 2_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(TweetSpout.class);

    private transient SocialTopologyConfig config;
    private transient SpoutOutputCollector collector;
    private transient BoundedLineReader lines;
    private transient TweetParser parser;
    private transient long startNanos;
    private transient long firstTweetMillis;
    private transient long emitted;
    private transient boolean finished;
    private transient SyncSubscriber progress;
    private transient long settledLines;
    private transient long heldSince;

    @Override
    public void open(final Map<String, Object> conf, final TopologyContext context, final SpoutOutputCollector out) {
        this.config = SocialTopologyConfig.fromStormConf(conf);
        this.collector = out;
        this.parser = new TweetParser();
        this.firstTweetMillis = Long.MIN_VALUE;
        this.progress = SyncSubscriber.subscribe(config.brokerUrl(), config.progressTopic(), LOG::warn);
        try {
            this.lines = new BoundedLineReader(InputFiles.open(Path.of(config.input())), TweetReader.MAX_RECORD_CHARS);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot open tweets " + config.input() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void nextTuple() {
        if (finished) {
            LockSupport.parkNanos(1_000_000);
            return;
        }
        if (startNanos == 0) {
            startNanos = System.nanoTime();
        }
        if (tooFarAhead()) {
            LockSupport.parkNanos(1_000_000);
            return;
        }
        final List<String> chunk = new ArrayList<>(LINES_PER_CALL);
        final boolean[] oversized = new boolean[LINES_PER_CALL];
        final long firstLine = lines.lineNumber() + 1;
        try {
            for (int i = 0; i < LINES_PER_CALL; i++) {
                final String line = lines.readLine();
                if (line == null) {
                    emit(firstLine, chunk, oversized);
                    finished = true;
                    collector.emit(EOF_STREAM, new Values(lines.lineNumber()));
                    lines.close();
                    return;
                }
                final long wait = nanosUntilDue(line);
                if (wait > 0) {
                    // what is due goes out now, not after the wait
                    emit(firstLine, chunk, oversized);
                    LockSupport.parkNanos(wait);
                    chunk.add(line);
                    oversized[0] = lines.lastLineOversized();
                    emit(lines.lineNumber(), chunk, oversized);
                    emitted++;
                    return;
                }
                oversized[chunk.size()] = lines.lastLineOversized();
                chunk.add(line);
                emitted++;
            }
            emit(firstLine, chunk, oversized);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read tweets " + config.input() + " at line " + lines.lineNumber()
                + ": " + e.getMessage(), e);
        }
    }

    private void emit(final long firstLine, final List<String> chunk, final boolean[] oversized) {
        if (!chunk.isEmpty()) {
            collector.emit(new Values(new LineChunk(firstLine, List.copyOf(chunk), Arrays.copyOf(oversized, chunk.size()))));
            chunk.clear();
        }
    }

    /** True while more than {@link #MAX_IN_FLIGHT} lines are unsettled, unless progress stalled. */
    private boolean tooFarAhead() {
        SyncSubscriber.Received r;
        while ((r = progress.poll(java.time.Duration.ZERO)) != null) {
            if (r.sequence() > settledLines) {
                settledLines = r.sequence();
                heldSince = 0;
            }
        }
        if (lines.lineNumber() - settledLines <= MAX_IN_FLIGHT) {
            heldSince = 0;
            return false;
        }
        final long now = System.nanoTime();
        if (heldSince == 0) {
            heldSince = now;
        }
        return now - heldSince < STALL_NANOS;
    }

    /** @return how long until the line is due under the configured replay mode (0 or less: now) */
    private long nanosUntilDue(final String line) {
        final long dueNanos;
        switch (config.replay()) {
            case RATE -> dueNanos = startNanos + (long) (emitted * 1e9 / config.replayValue());
            case SPEEDUP -> {
                final long at = timestamp(line);
                if (at == Long.MIN_VALUE) {
                    return 0;
                }
                if (firstTweetMillis == Long.MIN_VALUE) {
                    firstTweetMillis = at;
                }
                dueNanos = startNanos + (long) ((at - firstTweetMillis) * 1e6 / config.replayValue());
            }
            default -> {
                return 0;
            }
        }
        return dueNanos - System.nanoTime();
    }

    private long timestamp(final String line) {
        try {
            final List<io.dikw.social.tweet.Tweet> tweets = parser.parse(line);
            return tweets.isEmpty() ? Long.MIN_VALUE : tweets.get(0).createdAtMillis();
        } catch (final TweetFormatException e) {
            return Long.MIN_VALUE; // the protomeme bolt reports it
        }
    }

    @Override
    public void declareOutputFields(final OutputFieldsDeclarer declarer) {
        declarer.declare(new Fields("lines"));
        declarer.declareStream(EOF_STREAM, new Fields("lines"));
    }

    @Override
    public void close() {
        if (progress != null) {
            progress.close();
        }
        try {
            if (lines != null) {
                lines.close();
            }
        } catch (final IOException ignored) {
            // closing on shutdown
        }
    }
}
