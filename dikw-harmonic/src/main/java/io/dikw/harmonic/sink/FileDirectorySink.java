package io.dikw.harmonic.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Writes each result to {@code DIR/PROCESSOR/TUPLEID.out} (tuple id zero-padded to 19 digits so
 * names sort in creation order). The file appears atomically (temporary file, then rename), and a
 * redelivered tuple overwrites its own file, so duplicates never show twice.
 */
public final class FileDirectorySink implements Sink {
    private final Path dir;

    /**
     * @param dir the output directory (created when needed)
     * @throws IOException when it cannot be created
     */
    public FileDirectorySink(final Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    /**
     * @param dir an output directory
     * @param processor a processor name
     * @param tupleId a tuple id
     * @return where this sink puts that tuple's result
     */
    public static Path fileOf(final Path dir, final String processor, final long tupleId) {
        return dir.resolve(safe(processor)).resolve(String.format(Locale.ROOT, "%019d.out", tupleId));
    }

    @Override
    public void accept(final long tupleId, final String processor, final ByteBuffer output) throws IOException {
        final Path target = fileOf(dir, processor, tupleId);
        final Path parent = Files.createDirectories(target.getParent());
        final Path tmp = Files.createTempFile(parent, ".tmp-" + tupleId, ".out");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                final ByteBuffer bytes = output.duplicate();
                while (bytes.hasRemaining()) {
                    ch.write(bytes);
                }
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String safe(final String processor) {
        return processor.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    @Override
    public String toString() {
        return "files in " + dir;
    }
}
