package io.dikw.graph.server;

import io.dikw.graph.wire.Frames;
import java.nio.file.Path;

/**
 * Settings of a {@link GraphServer}, validated by {@link #validate()}.
 *
 * @param port               stream port (STINGER's default is 10102; 0 picks a free one)
 * @param maxVertices        cap on vertex ids
 * @param applyThreads       threads applying each batch
 * @param queueBatches       batches waiting to be applied before readers stop reading (back-pressure)
 * @param maxFrameBytes      largest frame body accepted; a larger one closes the connection
 * @param checkpointDir      where checkpoints go (null: none)
 * @param checkpointSeconds  seconds between checkpoints (0: only on shutdown)
 */
public record ServerConfig(int port, int maxVertices, int applyThreads, int queueBatches, int maxFrameBytes,
    Path checkpointDir, int checkpointSeconds) {

    /** STINGER's stream port. */
    public static final int DEFAULT_PORT = 10102;
    /** Default cap on vertex ids: 2^26 (67 million). */
    public static final int DEFAULT_MAX_VERTICES = 1 << 26;
    /** Default queue length in batches. */
    public static final int DEFAULT_QUEUE_BATCHES = 16;

    /** @return defaults: port 10102, 2^26 vertices, one apply thread per core, 16 queued batches, 64 MiB frames, no checkpoints */
    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_PORT, DEFAULT_MAX_VERTICES, Runtime.getRuntime().availableProcessors(),
            DEFAULT_QUEUE_BATCHES, Frames.DEFAULT_MAX_BODY_BYTES, null, 60);
    }

    /** @param p port @return a copy with that port */
    public ServerConfig withPort(final int p) {
        return new ServerConfig(p, maxVertices, applyThreads, queueBatches, maxFrameBytes, checkpointDir, checkpointSeconds);
    }

    /** @param dir directory @param seconds interval @return a copy checkpointing there */
    public ServerConfig withCheckpoints(final Path dir, final int seconds) {
        return new ServerConfig(port, maxVertices, applyThreads, queueBatches, maxFrameBytes, dir, seconds);
    }

    /** @param bytes limit @return a copy with that frame limit */
    public ServerConfig withMaxFrameBytes(final int bytes) {
        return new ServerConfig(port, maxVertices, applyThreads, queueBatches, bytes, checkpointDir, checkpointSeconds);
    }

    /**
     * @return this
     * @throws IllegalArgumentException naming the first bad setting
     */
    public ServerConfig validate() {
        check(port >= 0 && port <= 65535, "port=" + port + " must be in [0, 65535]");
        check(maxVertices >= 1, "maxVertices=" + maxVertices + " must be >= 1");
        check(applyThreads >= 1, "applyThreads=" + applyThreads + " must be >= 1");
        check(queueBatches >= 1, "queueBatches=" + queueBatches + " must be >= 1");
        check(maxFrameBytes >= 16, "maxFrameBytes=" + maxFrameBytes + " must be >= 16");
        check(checkpointSeconds >= 0, "checkpointSeconds=" + checkpointSeconds + " must be >= 0");
        return this;
    }

    private static void check(final boolean ok, final String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
