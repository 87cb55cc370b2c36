package io.dikw.graph.client;

import io.dikw.core.io.BoundedLineReader;
import io.dikw.core.io.DeadLetters;
import io.dikw.graph.template.RecordTemplate;
import io.dikw.graph.template.TemplateException;
import io.dikw.graph.wire.StingerBatch;
import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * The stream process: reads records one per line, turns them into updates with a template, and
 * sends a batch each time {@code batchSize} updates have gathered. A record the template cannot
 * use (malformed, a bad field, no match, too long) is counted and dead-lettered with its line
 * number and reason; the stream goes on.
 */
public final class RecordStreamer {
    /** Longest record read whole, in chars (1 MiB); longer ones are dead-lettered as {@code too-long}. */
    public static final int MAX_RECORD_CHARS = 1 << 20;

    private final RecordTemplate template;
    private final int batchSize;
    private final boolean undirected;

    /**
     * What a stream run did.
     *
     * @param records  records read
     * @param updates  updates sent
     * @param batches  batches sent
     * @param rejected records dead-lettered
     */
    public record Summary(long records, long updates, long batches, long rejected) {
    }

    /**
     * @param template   turns records into updates
     * @param batchSize  updates per batch (at least 1)
     * @param undirected send batches with make_undirected set
     */
    public RecordStreamer(final RecordTemplate template, final int batchSize, final boolean undirected) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + " must be >= 1");
        }
        this.template = Objects.requireNonNull(template, "template");
        this.batchSize = batchSize;
        this.undirected = undirected;
    }

    /**
     * @param source   the name of the input, for dead letters
     * @param in       the records
     * @param client   where batches go (the caller closes it)
     * @param dead     where rejected records go
     * @param progress receives the number of records read so far, now and then
     * @return what was done
     * @throws IOException if reading or sending fails
     */
    public Summary stream(final String source, final Reader in, final StreamClient client, final DeadLetters dead,
        final LongConsumer progress) throws IOException {
        final Run run = new Run(source, new BoundedLineReader(in, MAX_RECORD_CHARS), client, dead);
        String line;
        while ((line = run.readLine()) != null) {
            run.records++;
            if (!line.isBlank()) {
                run.add(line);
            }
            if ((run.records & 1023) == 0) {
                progress.accept(run.records);
            }
        }
        run.sendGathered();
        progress.accept(run.records);
        return new Summary(run.records, run.updates, run.batches, run.rejected);
    }

    /** One input being streamed: its source, client and dead letters, the batch being gathered, the counts. */
    private final class Run {
        private final String source;
        private final BoundedLineReader lines;
        private final StreamClient client;
        private final DeadLetters dead;
        private StingerBatch batch = newBatch();
        long records;
        long updates;
        long batches;
        long rejected;

        Run(final String source, final BoundedLineReader lines, final StreamClient client, final DeadLetters dead) {
            this.source = source;
            this.lines = lines;
            this.client = client;
            this.dead = dead;
        }

        /**
         * @return the next line, or null at the end
         * @throws IOException if the input breaks off (a cut gzip, a read error): the updates gathered
         *     before it are sent first, and the message says where it broke and what was sent
         */
        String readLine() throws IOException {
            try {
                return lines.readLine();
            } catch (final IOException e) {
                sendGathered();
                throw new IOException(String.format(Locale.ROOT, "input %s broke off after line %,d (%s); the %,d "
                    + "updates before it were sent in %,d batches", source, lines.lineNumber(), e.getMessage(), updates,
                    batches), e);
            }
        }

        /** Adds the updates of one record, or dead-letters it; sends the batch when it is full. */
        void add(final String line) throws IOException {
            if (lines.lastLineOversized()) {
                dead.reject(source, lines.lineNumber(), "too-long", "record longer than " + MAX_RECORD_CHARS + " chars",
                    line);
                rejected++;
                return;
            }
            try {
                template.extract(line, batch);
            } catch (final TemplateException e) {
                dead.reject(source, lines.lineNumber(), e.reason(), e.getMessage(), line);
                rejected++;
                return;
            }
            if (batch.size() >= batchSize) {
                sendGathered();
            }
        }

        /** Sends the updates gathered so far, if any. */
        void sendGathered() throws IOException {
            if (!batch.isEmpty()) {
                client.send(batch);
                updates += batch.size();
                batches++;
                batch = newBatch();
            }
        }
    }

    private StingerBatch newBatch() {
        final StingerBatch b = new StingerBatch();
        b.makeUndirected = undirected;
        b.type = StingerBatch.MIXED;
        return b;
    }
}
