package io.dikw.core.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Opens the text files that dikw jobs read and write, so every command treats them alike:
 * UTF-8, gzip handled transparently, {@code -} for the standard streams, and errors that say
 * which path failed and what to do about it.
 */
public final class InputFiles {

    /** The path name that stands for standard input (in {@link #open}) or output (in {@link #create}). */
    public static final String STANDARD_STREAM = "-";

    private static final int BUFFER_SIZE = 1 << 16;
    private static final int GZIP_MAGIC_0 = 0x1f;
    private static final int GZIP_MAGIC_1 = 0x8b;

    private InputFiles() {
    }

    /**
     * Opens a text file for reading as UTF-8. Gzip is detected from the first two bytes (the gzip
     * magic number), not from the file name, so {@code data.json} that is really gzipped still
     * reads, and so does a plain {@code data.json.gz}. Bytes that are not valid UTF-8 are replaced
     * by U+FFFD rather than failing, so one bad byte cannot stop a long job.
     *
     * @param path the file, or {@code -} for standard input (which closing the reader leaves open).
     * @return a buffered reader; the caller closes it.
     * @throws NoSuchFileException if the file does not exist (the message names the path and the fix).
     * @throws IOException         if the path is a directory or cannot be read.
     */
    public static BufferedReader open(final Path path) throws IOException {
        return open(path, null);
    }

    /**
     * Like {@link #open(Path)}, and counts the bytes taken from the file (before decompression),
     * so a progress display can compare them with the file's size.
     *
     * @param path the file, or {@code -} for standard input.
     * @param consumed receives the running count of raw bytes read; null for none.
     * @return a buffered reader; the caller closes it.
     * @throws IOException as {@link #open(Path)}.
     */
    public static BufferedReader open(final Path path, final AtomicLong consumed) throws IOException {
        Objects.requireNonNull(path, "path");
        final InputStream raw;
        if (isStandardStream(path)) {
            raw = new FilterInputStream(System.in) {
                @Override
                public void close() {
                    // standard input belongs to the process, not to this reader
                }
            };
        } else {
            if (Files.isDirectory(path)) {
                throw new IOException(path + ": is a directory; give a file (or - for standard input)");
            }
            try {
                raw = Files.newInputStream(path);
            } catch (final NoSuchFileException e) {
                final NoSuchFileException error = new NoSuchFileException(path.toString(), null,
                    "input file not found (absolute: " + path.toAbsolutePath()
                        + "); check the path, or pass - to read standard input");
                error.initCause(e);
                throw error;
            }
        }
        try {
            final InputStream counted = consumed == null ? raw : new FilterInputStream(raw) {
                @Override
                public int read() throws IOException {
                    final int b = in.read();
                    if (b >= 0) {
                        consumed.incrementAndGet();
                    }
                    return b;
                }

                @Override
                public int read(final byte[] b, final int off, final int len) throws IOException {
                    final int n = in.read(b, off, len);
                    if (n > 0) {
                        consumed.addAndGet(n);
                    }
                    return n;
                }
            };
            final InputStream decoded = gunzipIfGzip(new BufferedInputStream(counted, BUFFER_SIZE));
            return new BufferedReader(new InputStreamReader(decoded, StandardCharsets.UTF_8), BUFFER_SIZE);
        } catch (final IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * Creates (or truncates) a text file for writing as UTF-8, gzip-compressed when the name ends
     * in {@code .gz} (any case). Missing parent directories are created.
     *
     * @param path the file, or {@code -} for standard output (which closing the writer only flushes).
     * @return a buffered writer; the caller closes it (which also finishes the gzip stream).
     * @throws IOException if the directories or the file cannot be created.
     */
    public static BufferedWriter create(final Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        if (isStandardStream(path)) {
            final OutputStream stdout = new FilterOutputStream(System.out) {
                @Override
                public void write(final byte[] b, final int off, final int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush(); // standard output belongs to the process, not to this writer
                }
            };
            return new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), BUFFER_SIZE);
        }
        final Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        final OutputStream raw = Files.newOutputStream(path);
        try {
            final OutputStream encoded = isGzipName(path) ? new GZIPOutputStream(raw, BUFFER_SIZE) : raw;
            return new BufferedWriter(new OutputStreamWriter(encoded, StandardCharsets.UTF_8), BUFFER_SIZE);
        } catch (final IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * Tells whether the path is {@code -}, the name for standard input or output.
     *
     * @param path a path.
     * @return true for {@code -}.
     */
    public static boolean isStandardStream(final Path path) {
        return STANDARD_STREAM.equals(path.toString());
    }

    private static boolean isGzipName(final Path path) {
        final Path name = path.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    private static InputStream gunzipIfGzip(final BufferedInputStream in) throws IOException {
        in.mark(2);
        final int b0 = in.read();
        final int b1 = b0 < 0 ? -1 : in.read();
        in.reset();
        if (b0 == GZIP_MAGIC_0 && b1 == GZIP_MAGIC_1) {
            return new GZIPInputStream(in, BUFFER_SIZE);
        }
        return in;
    }
}
