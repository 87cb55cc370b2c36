package io.dikw.graph.server;

import io.dikw.graph.names.Names;
import io.dikw.graph.store.GraphStore;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Whole-graph checkpoints in a directory, written so that a crash never leaves a corrupt file as
 * the latest: the graph and names go to a temporary file, which is fsynced, then renamed
 * atomically to {@code checkpoint-<seq>.graph}, and the directory is fsynced.
 *
 * <pre>
 *  "DKWGCKPT" (8 bytes) | version (int) | names | graph | CRC32C of all before (long)
 * </pre>
 *
 * Loading takes the newest file whose checksum holds and skips (and reports) any other.
 * The two newest checkpoints are kept; older ones are deleted. A server {@linkplain #lock() locks}
 * the directory through {@code .lock} so that two servers never write into one directory.
 */
public final class Checkpoints {
    private static final System.Logger LOG = System.getLogger(Checkpoints.class.getName());
    private static final long MAGIC = 0x444B5747434B5054L; // "DKWGCKPT"
    private static final int VERSION = 1;
    private static final String PREFIX = "checkpoint-";
    private static final String SUFFIX = ".graph";
    private static final int KEEP = 2;
    /** The lock file a server holds in its checkpoint directory. */
    public static final String LOCK_FILE = ".lock";

    private final Path dir;

    /** @param dir the checkpoint directory (created when needed) */
    public Checkpoints(final Path dir) {
        this.dir = dir;
    }

    /**
     * Makes sure the directory exists and is writable, then locks it for this process until the returned
     * handle is closed ({@link FileChannel#tryLock} on {@value #LOCK_FILE}; the OS releases it if the process dies).
     *
     * @return the lock; close it to release the directory
     * @throws IOException saying what is wrong: not a directory, cannot be created, not writable, or in use
     */
    public Closeable lock() throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException("checkpoint dir " + dir + " is not a directory; pick a directory with "
                + "--checkpoint-dir (it is created if missing)");
        }
        try {
            Files.createDirectories(dir);
        } catch (final IOException e) {
            throw new IOException("cannot create checkpoint dir " + dir + ": " + describe(e)
                + "; pick another --checkpoint-dir", e);
        }
        final Path lockFile = dir.resolve(LOCK_FILE);
        final FileChannel channel;
        try {
            Files.delete(Files.createTempFile(dir, ".probe-", ".tmp"));
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (final IOException e) {
            throw new IOException("checkpoint dir " + dir + " is not writable: " + describe(e)
                + "; fix its permissions or pick another --checkpoint-dir", e);
        }
        FileLock lock = null;
        try {
            lock = channel.tryLock();
        } catch (final OverlappingFileLockException e) {
            // held by this JVM already: in use all the same
        } catch (final IOException e) {
            channel.close();
            throw new IOException("cannot lock " + lockFile + ": " + describe(e), e);
        }
        if (lock == null) {
            channel.close();
            throw new IOException("checkpoint dir " + dir + " is in use by another graph server (lock file "
                + lockFile + "); stop that server or pick another --checkpoint-dir");
        }
        return channel::close; // closing the channel releases the lock
    }

    private static String describe(final IOException e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied on " + a.getFile();
        } else if (e instanceof NoSuchFileException n) {
            return n.getFile() + " does not exist";
        } else if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " exists and is not a directory";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getFile() + ": " + f.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    /** A loaded checkpoint. @param file where from @param store the graph @param names the names */
    public record Loaded(Path file, GraphStore store, Names names) {
    }

    /**
     * Writes a checkpoint; call between batches.
     *
     * @param store the graph
     * @param names the names
     * @return the new checkpoint file
     * @throws IOException if it cannot be written (the previous checkpoint stays the latest)
     */
    public Path write(final GraphStore store, final Names names) throws IOException {
        Files.createDirectories(dir);
        final long seq = list().stream().mapToLong(Checkpoints::sequence).max().orElse(0) + 1;
        final Path target = dir.resolve(String.format("%s%012d%s", PREFIX, seq, SUFFIX));
        final Path tmp = dir.resolve(target.getFileName() + ".tmp");
        try (FileOutputStream file = new FileOutputStream(tmp.toFile())) {
            final CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(file, 1 << 16),
                new CRC32C());
            final DataOutputStream out = new DataOutputStream(checked);
            out.writeLong(MAGIC);
            out.writeInt(VERSION);
            names.writeTo(out);
            store.writeTo(out);
            out.flush();
            final long crc = checked.getChecksum().getValue();
            out.writeLong(crc);
            out.flush();
            file.getChannel().force(true);
        } catch (final IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory();
        final List<Path> all = list();
        for (int i = 0; i < all.size() - KEEP; i++) {
            Files.deleteIfExists(all.get(i));
        }
        return target;
    }

    /**
     * Loads the newest valid checkpoint, logging each one skipped as a warning.
     *
     * @param maxVertices the cap for the loaded store
     * @param threads     apply threads for the loaded store
     * @return the checkpoint, or empty if the directory holds no valid one
     * @throws IOException if the directory cannot be listed
     */
    public Optional<Loaded> loadLatest(final int maxVertices, final int threads) throws IOException {
        return loadLatest(maxVertices, threads, line -> LOG.log(System.Logger.Level.WARNING, line));
    }

    /**
     * Loads the newest valid checkpoint.
     *
     * @param maxVertices the cap for the loaded store
     * @param threads     apply threads for the loaded store
     * @param skipped     receives one line per checkpoint skipped, with the reason
     * @return the checkpoint, or empty if the directory holds no valid one
     * @throws IOException if the directory cannot be listed
     */
    public Optional<Loaded> loadLatest(final int maxVertices, final int threads, final Consumer<String> skipped)
        throws IOException {
        final List<Path> all = list();
        for (int i = all.size() - 1; i >= 0; i--) {
            final Path file = all.get(i);
            try {
                return Optional.of(load(file, maxVertices, threads));
            } catch (final IOException | RuntimeException e) {
                skipped.accept("skipping checkpoint " + file + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * Loads one checkpoint file, checking its checksum.
     *
     * @param file        the file
     * @param maxVertices the cap for the loaded store
     * @param threads     apply threads for the loaded store
     * @return the checkpoint
     * @throws IOException if the file cannot be read or is corrupt (the message says how)
     */
    public static Loaded load(final Path file, final int maxVertices, final int threads) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            final BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
            final CheckedInputStream checked = new CheckedInputStream(buffered, new CRC32C());
            final DataInputStream in = new DataInputStream(checked);
            if (in.readLong() != MAGIC) {
                throw new IOException(file + " is not a dikw graph checkpoint");
            }
            final int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(file + " has checkpoint version " + version + ", expected " + VERSION);
            }
            final Names names = new Names(maxVertices);
            names.readFrom(in);
            final GraphStore store = GraphStore.readFrom(in, maxVertices, threads);
            final long computed = checked.getChecksum().getValue();
            final long stored = new DataInputStream(buffered).readLong();
            if (computed != stored) {
                store.close();
                throw new IOException(file + " fails its checksum (a torn or damaged write)");
            }
            return new Loaded(file, store, names);
        } catch (final java.io.EOFException e) {
            throw new IOException(file + " ends early (a torn write)", e);
        }
    }

    private List<Path> list() throws IOException {
        final List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            ds.forEach(out::add);
        }
        out.sort(Comparator.comparingLong(Checkpoints::sequence));
        return out;
    }

    private static long sequence(final Path p) {
        final String n = p.getFileName().toString();
        try {
            return Long.parseLong(n.substring(PREFIX.length(), n.length() - SUFFIX.length()));
        } catch (final NumberFormatException e) {
            return -1;
        }
    }

    private void syncDirectory() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (final IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot fsync directory " + dir + ": " + e.getMessage());
        }
    }
}
