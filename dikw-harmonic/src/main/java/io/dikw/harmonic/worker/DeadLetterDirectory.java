package io.dikw.harmonic.worker;

import io.dikw.core.io.DeadLetters;
import io.dikw.harmonic.processor.Tuple;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Where a worker keeps the tuples it could not process: each payload as {@code TUPLEID.bin}, and
 * one JSON line per failure in {@code failures-WORKER.jsonl} (source = channel, line = tuple id,
 * reason = {@code processor-error}, {@code timeout}, {@code crashed} or {@code sink-error}).
 */
public final class DeadLetterDirectory implements AutoCloseable {
    private final Path dir;
    private final DeadLetters log;

    /**
     * @param dir the directory (created on the first failure)
     * @param worker the worker's name (names the failure log)
     */
    public DeadLetterDirectory(final Path dir, final String worker) {
        this.dir = dir;
        this.log = DeadLetters.toFile(dir.resolve("failures-" + worker.replaceAll("[^A-Za-z0-9._-]", "_") + ".jsonl"));
    }

    /**
     * @param dir a dead-letter directory
     * @param tupleId a tuple id
     * @return where that tuple's payload is kept
     */
    public static Path payloadFile(final Path dir, final long tupleId) {
        return dir.resolve(String.format(Locale.ROOT, "%019d.bin", tupleId));
    }

    void keep(final String channel, final Tuple tuple, final String reason, final String detail) {
        final Path file = payloadFile(dir, tuple.id());
        String where = file.toString();
        try {
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
                final ByteBuffer b = tuple.payload().duplicate();
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            }
        } catch (final IOException e) {
            where = "payload not kept: " + e.getMessage();
        }
        log.reject(channel, tuple.id(), reason, detail, where);
        try {
            log.flush();
        } catch (final IOException ignored) {
            // counted anyway; the summary names the file
        }
    }

    /** @return failures by reason */
    public java.util.Map<String, Long> countsByReason() {
        return log.countsByReason();
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
