package io.dikw.graph.server;

import io.dikw.graph.names.Names;
import io.dikw.graph.store.ApplyResult;
import io.dikw.graph.store.EdgeBatch;
import io.dikw.graph.store.GraphStore;
import io.dikw.graph.wire.BatchCodec;
import io.dikw.graph.wire.Frames;
import io.dikw.graph.wire.ScannedBatch;
import io.dikw.graph.wire.WireException;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The streaming graph server. Each stream connection has a reader thread that reads frames,
 * reads them in place and resolves names from their bytes (no object per update, so a fast
 * stream makes little garbage); resolved batches wait in a bounded queue for the single
 * applier, which runs the store's batch cycle. When the queue is full, readers block and stop
 * reading their sockets, so TCP pushes back on the senders (STINGER dropped batches instead).
 *
 * <p>The stream port never replies. An empty batch with keep_alive is a ping; one without ends
 * the session. A frame over the size limit or a body that is not a StingerBatch closes that
 * connection only, with the reason logged and counted. Checkpoints are written every
 * {@link ServerConfig#checkpointSeconds()} and on {@link #close()}; {@link #start} resumes from
 * the latest valid one.
 */
public final class GraphServer implements AutoCloseable {
    private final ServerConfig config;
    private final GraphStore store;
    private final Names names;
    private final IngestCounters counters = new IngestCounters();
    private final BatchResolver resolver;
    private final BlockingQueue<EdgeBatch> queue;
    private final Checkpoints checkpoints;
    private final Consumer<String> log;
    private final Closeable dirLock;
    private final ServerSocket serverSocket;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong pending = new AtomicLong();
    private final Thread acceptor;
    private final Thread applier;
    private final Object checkpointLock = new Object();
    private final long startNanos = System.nanoTime();
    private volatile boolean running = true;
    private volatile long lastCheckpointNanos = System.nanoTime();
    private volatile String lastCheckpoint;
    private volatile long lastCheckpointBatches = -1;

    private GraphServer(final ServerConfig config, final GraphStore store, final Names names,
        final Checkpoints checkpoints, final Closeable dirLock, final ServerSocket serverSocket,
        final Consumer<String> log) {
        this.config = config;
        this.store = store;
        this.names = names;
        this.log = log;
        this.resolver = new BatchResolver(names, config.maxVertices(), counters);
        this.queue = new ArrayBlockingQueue<>(config.queueBatches());
        this.checkpoints = checkpoints;
        this.dirLock = dirLock;
        this.serverSocket = serverSocket;
        acceptor = new Thread(this::acceptLoop, "graph-accept");
        applier = new Thread(this::applyLoop, "graph-applier");
        acceptor.setDaemon(true);
        applier.setDaemon(true);
    }

    /**
     * Starts a server, from the latest checkpoint in {@code config.checkpointDir()} if there is one.
     * The checkpoint directory is locked and the port bound before the checkpoint is loaded, so a
     * server that cannot run fails at once.
     *
     * @param config settings
     * @param log    receives one line per notable event (restores, skipped checkpoints, checkpoints,
     *               closed connections)
     * @return the running server
     * @throws IOException if the checkpoint directory is unusable or in use by another server, or the
     *                     port cannot be bound
     */
    public static GraphServer start(final ServerConfig config, final Consumer<String> log) throws IOException {
        config.validate();
        Objects.requireNonNull(log, "log");
        final Path dir = config.checkpointDir();
        final Checkpoints checkpoints = dir == null ? null : new Checkpoints(dir);
        final Closeable dirLock = checkpoints == null ? null : checkpoints.lock();
        ServerSocket socket = null;
        GraphStore store = null;
        boolean started = false;
        try {
            socket = bind(config.port());
            Names names = null;
            if (checkpoints != null) {
                final int[] skipped = {0};
                final Optional<Checkpoints.Loaded> loaded = checkpoints.loadLatest(config.maxVertices(),
                    config.applyThreads(), line -> {
                        skipped[0]++;
                        log.accept(line);
                    });
                if (loaded.isPresent()) {
                    store = loaded.get().store();
                    names = loaded.get().names();
                    log.accept("restored " + loaded.get().file() + ": vertices=" + store.vertexCount() + " edges="
                        + store.edgeCount() + " digest=" + GraphDigest.hex(GraphDigest.of(store, names)));
                } else if (skipped[0] == 0) {
                    log.accept("no checkpoint in " + dir + "; starting with an empty graph");
                } else {
                    log.accept("no readable checkpoint in " + dir + " (" + skipped[0]
                        + " skipped, see above); starting with an empty graph");
                }
            }
            if (store == null) {
                store = new GraphStore(config.maxVertices(), config.applyThreads());
                names = new Names(config.maxVertices());
            }
            final GraphServer server = new GraphServer(config, store, names, checkpoints, dirLock, socket, log);
            if (store.batchesApplied() > 0) {
                server.lastCheckpointBatches = 0; // the restored graph is on disk already
            }
            server.acceptor.start();
            server.applier.start();
            started = true;
            log.accept("graph server listening on port " + server.port()
                + " (stream protocol: STINGER StingerBatch frames)");
            return server;
        } finally {
            if (!started) {
                closeQuietly(socket);
                if (store != null) {
                    store.close();
                }
                closeQuietly(dirLock);
            }
        }
    }

    private static ServerSocket bind(final int port) throws IOException {
        final ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return socket;
        } catch (final IOException e) {
            socket.close();
            throw new IOException("cannot listen on port " + port + ": " + e.getMessage()
                + "; is another server running there? pick another with --port", e);
        }
    }

    private static void closeQuietly(final Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (final IOException e) {
                // already failing: the first error is the one to report
            }
        }
    }

    /** @return the port the stream socket listens on */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** @return the graph (read it through {@link GraphStore#read} or a batch listener) */
    public GraphStore store() {
        return store;
    }

    /** @return the name maps */
    public Names names() {
        return names;
    }

    /** @return ingest counters */
    public IngestCounters counters() {
        return counters;
    }

    /** @return batches waiting in the queue */
    public int queued() {
        return queue.size();
    }

    /** @return the configured queue length */
    public int queueCapacity() {
        return config.queueBatches();
    }

    /** @return seconds since start */
    public double uptimeSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * Waits until every batch read so far has been applied.
     *
     * @param timeoutMillis how long to wait at most
     * @return true if idle, false on timeout
     * @throws InterruptedException if interrupted
     */
    public boolean awaitApplied(final long timeoutMillis) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (pending.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /**
     * Writes a checkpoint now (consistent: the store's read lock keeps batches out while writing).
     *
     * @return the file, or empty if no checkpoint directory is configured
     * @throws IOException if writing fails
     */
    public Optional<Path> checkpointNow() throws IOException {
        if (checkpoints == null) {
            return Optional.empty();
        }
        synchronized (checkpointLock) {
            final long t0 = System.nanoTime();
            final long batches = counters.batchesApplied();
            final String digest = store.read(g -> GraphDigest.hex(GraphDigest.of(g, names)));
            final Path file = checkpoints.write(store, names);
            lastCheckpointNanos = System.nanoTime();
            lastCheckpointBatches = batches;
            counters.checkpoints.incrementAndGet();
            lastCheckpoint = file.getFileName().toString();
            log.accept("checkpoint " + file + ": vertices=" + store.vertexCount() + " edges=" + store.edgeCount()
                + " batches=" + store.batchesApplied() + " digest=" + digest + " in "
                + (System.nanoTime() - t0) / 1_000_000 + " ms");
            return Optional.of(file);
        }
    }

    /** @return the file name of the last checkpoint written, or null */
    public String lastCheckpoint() {
        return lastCheckpoint;
    }

    private void acceptLoop() {
        while (running) {
            try {
                final Socket s = serverSocket.accept();
                s.setTcpNoDelay(true);
                s.setReceiveBufferSize(1 << 20);
                connections.add(s);
                counters.connectionsOpened.incrementAndGet();
                counters.connectionsOpen.incrementAndGet();
                final Thread t = new Thread(() -> serve(s), "graph-stream-" + s.getRemoteSocketAddress());
                t.setDaemon(true);
                t.start();
            } catch (final IOException e) {
                if (running) {
                    log.accept("accept failed: " + e.getMessage());
                }
            }
        }
    }

    private void serve(final Socket s) {
        final String peer = String.valueOf(s.getRemoteSocketAddress());
        String reason = "eof";
        try (s; InputStream in = new BufferedInputStream(s.getInputStream(), 1 << 16)) {
            final Frames.Reader frames = new Frames.Reader(in, config.maxFrameBytes());
            final ScannedBatch wire = new ScannedBatch();
            while (running) {
                wire.trim(); // before waiting: a huge last frame does not stay pinned while the stream is idle
                final int length = frames.next();
                if (length < 0) {
                    break;
                }
                counters.framesReceived.incrementAndGet();
                BatchCodec.scan(frames.body(), 0, length, wire);
                if (wire.isEmpty()) {
                    if (wire.keepAlive()) {
                        counters.pings.incrementAndGet();
                        continue;
                    }
                    reason = "end-of-session";
                    break;
                }
                final EdgeBatch batch = resolver.resolve(wire);
                if (batch.size() > 0) {
                    pending.incrementAndGet();
                    queue.put(batch); // blocks when full: this reader stops reading its socket
                }
            }
        } catch (final WireException e) {
            reason = e.reason();
            log.accept("closing stream connection " + peer + ": " + e.reason() + ": " + e.getMessage());
        } catch (final SocketException e) {
            reason = running ? "io-error" : "shutdown";
        } catch (final IOException e) {
            reason = "io-error";
            log.accept("closing stream connection " + peer + ": io-error: " + e.getMessage());
        } catch (final InterruptedException e) {
            reason = "shutdown";
            Thread.currentThread().interrupt();
        } catch (final RuntimeException e) {
            reason = "internal-error";
            log.accept("closing stream connection " + peer + ": internal-error: " + e);
        } finally {
            connections.remove(s);
            counters.connectionsOpen.decrementAndGet();
            counters.closeConnection(reason);
        }
    }

    private void applyLoop() {
        while (running || !queue.isEmpty()) {
            try {
                final EdgeBatch batch = queue.poll(100, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    try {
                        final ApplyResult r = store.apply(batch);
                        counters.batchesApplied.incrementAndGet();
                        counters.insertions.addAndGet(batch.insertionCount());
                        counters.deletions.addAndGet(batch.deletionCount());
                        counters.vertexUpdates.addAndGet(r.vertexUpdates());
                    } catch (final RuntimeException e) {
                        log.accept("batch of " + batch.size() + " updates failed: " + e.getMessage());
                    } finally {
                        pending.decrementAndGet();
                    }
                }
                if (config.checkpointSeconds() > 0 && System.nanoTime() - lastCheckpointNanos
                    > TimeUnit.SECONDS.toNanos(config.checkpointSeconds())) {
                    checkpointQuietly();
                }
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void checkpointQuietly() {
        if (counters.batchesApplied() == lastCheckpointBatches) {
            lastCheckpointNanos = System.nanoTime();
            return; // nothing new since the last checkpoint
        }
        try {
            checkpointNow();
        } catch (final IOException | RuntimeException e) {
            lastCheckpointNanos = System.nanoTime();
            log.accept("checkpoint failed (the previous one stays the latest): " + e.getMessage());
        }
    }

    /**
     * Stops accepting and reading, applies what is queued, writes a final checkpoint, releases the
     * checkpoint directory and stops.
     */
    @Override
    public void close() throws IOException {
        if (!running) {
            return;
        }
        running = false;
        try {
            serverSocket.close();
            for (final Socket s : connections) {
                s.close();
            }
            try {
                applier.join(TimeUnit.MINUTES.toMillis(1));
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            checkpointQuietly();
            store.close();
        } finally {
            if (dirLock != null) {
                dirLock.close();
            }
        }
    }
}
