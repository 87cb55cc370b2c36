package io.dikw.social.storm;

import io.dikw.core.io.DeadLetters;
import io.dikw.social.parallel.Routing;
import io.dikw.social.protomeme.PhraseAnalyzer;
import io.dikw.social.protomeme.Protomeme;
import io.dikw.social.protomeme.ProtomemeExtractor;
import io.dikw.social.protomeme.TimeStep;
import io.dikw.social.protomeme.TimeStepper;
import io.dikw.social.protomeme.Vocabulary;
import io.dikw.social.tweet.Tweet;
import io.dikw.social.tweet.TweetFormatException;
import io.dikw.social.tweet.TweetParser;
import io.dikw.social.tweet.TweetReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.base.BaseRichBolt;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Tuple;
import org.apache.storm.tuple.Values;

/**
 * Parses tweets, cuts the stream into time steps and sends each step's protomemes, numbered in
 * stream order, to the clustering bolt that owns their marker ({@link Routing}), in chunks of up
 * to {@value #CHUNK} ({@link WorkChunk}). Every
 * {@code batch × workers} protomemes, and at the end of every step, it sends a barrier to every
 * clustering bolt and the batch's {@link BatchMeta} to the coordinator. Protomemes and barriers
 * share one direct stream, so each bolt sees them in order.
 *
 * <p>One task (the step boundaries and the numbering are global). Bad records are counted, kept
 * in {@code dead-letters.jsonl} in the output directory, and skipped.
 */
public final class ProtomemeBolt extends BaseRichBolt {
    /** Protomemes and barriers to the clustering bolts (a direct stream). */
    public static final String WORK_STREAM = "work";
    /** Batch metadata to the coordinator. */
    public static final String META_STREAM = "meta";
    /** A work tuple carrying a {@link WorkChunk} of protomemes. */
    public static final int PROTOMEMES = 0;
    /** A work tuple closing a batch. */
    public static final int BARRIER = 1;
    private static final long serialVersionUID = 1L;
    /** Most protomemes in one work tuple. */
    static final int CHUNK = 512;

    private transient SocialTopologyConfig config;
    private transient OutputCollector collector;
    private transient List<Integer> workerTasks;
    /** Per worker: the seqs and protomemes not sent yet. */
    private transient long[][] pendingSeqs;
    private transient List<List<Protomeme>> pending;
    private transient TweetParser parser;
    private transient PhraseAnalyzer analyzer;
    private transient Vocabulary vocabulary;
    private transient TimeStepper stepper;
    private transient DeadLetters deadLetters;
    private transient long seq;
    private transient long batch;
    private transient int inBatch;
    private transient long tweets;
    private transient long linesSeen;
    private transient long expectedLines = -1;

    @Override
    public void prepare(final Map<String, Object> conf, final TopologyContext context, final OutputCollector out) {
        this.config = SocialTopologyConfig.fromStormConf(conf);
        this.collector = out;
        final List<Integer> tasks = new ArrayList<>(context.getComponentTasks(SocialTopology.CLUSTER));
        Collections.sort(tasks);
        this.workerTasks = tasks;
        this.pendingSeqs = new long[tasks.size()][CHUNK];
        this.pending = new ArrayList<>();
        for (int w = 0; w < tasks.size(); w++) {
            pending.add(new ArrayList<>(CHUNK));
        }
        this.parser = new TweetParser();
        this.analyzer = new PhraseAnalyzer();
        this.vocabulary = new Vocabulary().journaling();
        try {
            Files.createDirectories(Path.of(config.outDir()));
        } catch (final IOException e) {
            throw new IllegalStateException("cannot create output directory " + config.outDir() + ": " + e, e);
        }
        final Path deadLetterFile = Path.of(config.outDir(), "dead-letters.jsonl");
        try {
            Files.deleteIfExists(deadLetterFile);
        } catch (final IOException e) {
            throw new IllegalStateException("cannot reset " + deadLetterFile + ": " + e, e);
        }
        this.deadLetters = DeadLetters.toFile(deadLetterFile);
        this.stepper = new TimeStepper(config.params().step().toMillis(),
            new ProtomemeExtractor(analyzer, vocabulary, config.excludedHashtagSet()), this::emitStep);
    }

    @Override
    public void execute(final Tuple tuple) {
        if (TweetSpout.EOF_STREAM.equals(tuple.getSourceStreamId())) {
            expectedLines = tuple.getLong(0);
        } else {
            final LineChunk chunk = (LineChunk) tuple.getValue(0);
            for (int i = 0; i < chunk.lines().size(); i++) {
                linesSeen++;
                parse(chunk.firstLine() + i, chunk.lines().get(i), chunk.oversized()[i]);
            }
        }
        if (expectedLines >= 0 && linesSeen == expectedLines) {
            stepper.finish();
            closeBatch(null, -1, true); // an empty last batch announces the end
            expectedLines = -2; // done
        }
    }

    private void parse(final long lineNumber, final String line, final boolean oversized) {
        if (oversized) {
            deadLetters.reject(config.input(), lineNumber, TweetFormatException.Reason.OVERSIZED.label(),
                "record longer than " + TweetReader.MAX_RECORD_CHARS + " characters", line);
            return;
        }
        if (line.isBlank()) {
            return;
        }
        try {
            for (final Tweet tweet : parser.parse(line)) {
                tweets++;
                stepper.add(tweet);
            }
        } catch (final TweetFormatException e) {
            deadLetters.reject(config.input(), lineNumber, e.reason().label(), e.getMessage(), line);
        }
    }

    private void emitStep(final TimeStep step, final long nextStep) {
        final int batchLimit = config.batchPerWorker() * workerTasks.size();
        for (final Protomeme pm : step.protomemes()) {
            final int worker = Routing.workerOf(pm.marker(), workerTasks.size());
            final List<Protomeme> chunk = pending.get(worker);
            pendingSeqs[worker][chunk.size()] = seq++;
            chunk.add(pm);
            if (chunk.size() == CHUNK) {
                flush(worker);
            }
            if (++inBatch == batchLimit) {
                closeBatch(null, -1, false);
            }
        }
        closeBatch(step, nextStep, false);
    }

    private void flush(final int worker) {
        final List<Protomeme> chunk = pending.get(worker);
        if (chunk.isEmpty()) {
            return;
        }
        final WorkChunk work = new WorkChunk(Arrays.copyOf(pendingSeqs[worker], chunk.size()), chunk);
        collector.emitDirect(workerTasks.get(worker), WORK_STREAM, new Values(PROTOMEMES, -1L, work));
        pending.set(worker, new ArrayList<>(CHUNK));
    }

    private void closeBatch(final TimeStep step, final long nextStep, final boolean end) {
        for (int w = 0; w < workerTasks.size(); w++) {
            flush(w);
        }
        for (final int task : workerTasks) {
            collector.emitDirect(task, WORK_STREAM, new Values(BARRIER, batch, null));
        }
        final Vocabulary.Journal names = step == null ? new Vocabulary.Journal() : vocabulary.drainJournal();
        final BatchMeta meta = new BatchMeta(batch, step != null, step == null ? -1 : step.index(),
            step == null ? 0 : step.startMillis(), step == null ? new long[0] : step.tweetIds(), nextStep,
            names.words(), names.users(), end, tweets, deadLetters.count(), stepper.lateTweets(), linesSeen,
            deadLetters.countsByReason());
        collector.emit(META_STREAM, new Values(batch, meta));
        batch++;
        inBatch = 0;
        if (step != null) {
            vocabulary.forgetBefore(step.index() - config.params().windowSteps() + 1);
        }
    }

    @Override
    public void declareOutputFields(final OutputFieldsDeclarer declarer) {
        declarer.declareStream(WORK_STREAM, true, new Fields("kind", "batch", "payload"));
        declarer.declareStream(META_STREAM, new Fields("batch", "meta"));
    }

    @Override
    public void cleanup() {
        try {
            deadLetters.close();
        } catch (final IOException ignored) {
            // shutting down
        }
        analyzer.close();
    }
}
