package io.dikw.harmonic.client;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The pipelined stream connector, for sources that send many tuples: it leases a block of tuple
 * ids and the processor's channels from the master in one HTTP call (instead of one call per
 * tuple), keeps a persistent connection to every channel and streams frames over them with many
 * tuples in flight, sending each to the channel with the least unacknowledged bytes. Channels
 * acknowledge cumulatively and in batches; a full channel pushes back through TCP.
 *
 * <p>Faults: a tuple a channel refuses, or that was in flight on a connection that broke, is sent
 * again with the same id (at least once) on another connection; when no channel is reachable the
 * stream leases again (the master then lists the channels still there) and backs off, and gives
 * up on a tuple after a time limit. Payload buffers are kept, not copied, until acknowledged:
 * callers must not change a payload's bytes before {@link #flush} returns (or use a new buffer
 * per tuple).
 *
 * <p>Not thread-safe: one stream per sending thread.
 */
public final class HarmonicStream implements AutoCloseable {
    /** Most tuples in flight (sent, not yet acknowledged) by default. */
    public static final int DEFAULT_WINDOW = 256;
    /** Most payload bytes in flight by default (at least one tuple is always let through). */
    public static final long DEFAULT_WINDOW_BYTES = 64L << 20;
    /** Tuple ids leased per call to the master by default. */
    public static final int DEFAULT_LEASE = 4096;
    private static final Set<String> RETRY = Set.of("channel-busy", "wrong-processor", "unknown-tuple-id");

    private final MasterApi api;
    private final String token;
    private final String processor;
    private final int window;
    private final long windowBytes;
    private final int leaseSize;
    private final long giveUpNanos;
    private final Map<String, StreamLink> links = new LinkedHashMap<>();
    /** Tuples to send again (refused, or in flight on a broken connection); guarded by this. */
    private final ArrayDeque<StreamLink.Pending> again = new ArrayDeque<>();
    private int inFlight;
    private long inFlightBytes;
    private IOException failure;
    private long nextId;
    private long leaseEnd;
    private long resent;

    /**
     * @param master the master's base URL
     * @param token the access token
     * @param processor the processor every tuple of this stream is for
     */
    public HarmonicStream(final URI master, final String token, final String processor) {
        this(master, token, processor, DEFAULT_WINDOW, DEFAULT_WINDOW_BYTES, DEFAULT_LEASE, TimeUnit.MINUTES.toNanos(5));
    }

    /**
     * @param master the master's base URL
     * @param token the access token
     * @param processor the processor every tuple of this stream is for
     * @param window most tuples in flight (1 sends one at a time)
     * @param windowBytes most payload bytes in flight
     * @param leaseSize tuple ids leased per call to the master
     * @param giveUpNanos how long a tuple may find no channel before the stream fails
     */
    public HarmonicStream(final URI master, final String token, final String processor, final int window,
        final long windowBytes, final int leaseSize, final long giveUpNanos) {
        if (window < 1 || windowBytes < 1 || leaseSize < 1) {
            throw new IllegalArgumentException("window=" + window + ", windowBytes=" + windowBytes + ", leaseSize="
                + leaseSize + " must all be >= 1");
        }
        this.api = new MasterApi(master, token);
        this.token = token;
        this.processor = processor;
        this.window = window;
        this.windowBytes = windowBytes;
        this.leaseSize = leaseSize;
        this.giveUpNanos = giveUpNanos;
    }

    /**
     * Sends one tuple; returns once it is written to a channel's connection (waiting while the
     * window is full). The payload must stay unchanged until {@link #flush} returns.
     *
     * @param payload the payload (position unchanged)
     * @return the tuple's id
     * @throws IOException when a tuple was refused for good or found no channel for too long
     */
    public long send(final ByteBuffer payload) throws IOException {
        sendAgain();
        if (nextId == leaseEnd) {
            lease();
        }
        final long id = nextId++;
        transmit(new StreamLink.Pending(id, payload.duplicate()));
        return id;
    }

    /**
     * Waits until every tuple sent was acknowledged (sending refused ones again).
     *
     * @throws IOException when a tuple was refused for good or found no channel for too long
     */
    public void flush() throws IOException {
        while (true) {
            sendAgain();
            synchronized (this) {
                if (inFlight == 0 && again.isEmpty()) {
                    return;
                }
                if (again.isEmpty()) {
                    waitForAcks();
                }
            }
        }
    }

    /**
     * @param window most tuples in flight
     * @param windowBytes most payload bytes in flight
     * @param payloadBytes bytes per payload
     * @return most payloads of that size in flight at once (a source reusing buffers needs one more)
     */
    public static int mostInFlight(final int window, final long windowBytes, final long payloadBytes) {
        return (int) Math.max(1, Math.min(window, windowBytes / Math.max(1, payloadBytes) + 1));
    }

    /** @return how many tuples were sent again (refused, or on a connection that broke) */
    public synchronized long resent() {
        return resent;
    }

    private void sendAgain() throws IOException {
        while (true) {
            final StreamLink.Pending p;
            synchronized (this) {
                if (failure != null) {
                    throw failure;
                }
                p = again.pollFirst();
            }
            if (p == null) {
                return;
            }
            transmit(p);
        }
    }

    /** Writes the tuple on the least loaded live connection, leasing again while there is none. */
    private void transmit(final StreamLink.Pending p) throws IOException {
        final long start = System.nanoTime();
        final Backoff backoff = new Backoff();
        while (true) {
            final StreamLink link = awaitRoom(p.bytes());
            if (link != null) {
                link.send(p); // on a broken connection the link's reader hands it back through returned()
                return;
            }
            if (System.nanoTime() - start > giveUpNanos) {
                throw new IOException("gave up on tuple " + p.tupleId() + " for '" + processor + "': no channel reachable "
                    + "for " + TimeUnit.NANOSECONDS.toSeconds(giveUpNanos) + " s");
            }
            backoff.pause();
            lease();
        }
    }

    /** @return the least loaded live link once the window has room for {@code bytes}, or null when none is live */
    private synchronized StreamLink awaitRoom(final long bytes) throws IOException {
        while (inFlight >= window || inFlight > 0 && inFlightBytes + bytes > windowBytes) {
            waitForAcks();
        }
        StreamLink best = null;
        for (final StreamLink l : links.values()) {
            if (l.isOpen() && (best == null || l.inFlightBytes() < best.inFlightBytes())) {
                best = l;
            }
        }
        if (best != null) {
            inFlight++;
            inFlightBytes += bytes;
        }
        return best;
    }

    private void waitForAcks() throws IOException {
        try {
            wait(1000);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for acknowledgements", e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Takes a new block of ids and connects to channels not connected yet. */
    private void lease() throws IOException {
        final MasterApi.Lease lease = api.lease(processor, leaseSize);
        nextId = lease.firstTupleId();
        leaseEnd = lease.firstTupleId() + lease.count();
        for (final MasterApi.Endpoint e : lease.channels()) {
            final String key = e.host() + ":" + e.port();
            final StreamLink old;
            synchronized (this) {
                old = links.get(key);
            }
            if (old == null || !old.isOpen()) {
                try {
                    final StreamLink link = StreamLink.open(this, e, token, processor);
                    synchronized (this) {
                        links.put(key, link);
                    }
                } catch (final IOException ex) {
                    System.getLogger(HarmonicStream.class.getName()).log(System.Logger.Level.DEBUG,
                        "cannot stream to " + e.channel() + " at " + key + ": " + ex.getMessage());
                }
            }
        }
    }

    /** Called by a link: these tuples were acknowledged. */
    synchronized void acknowledged(final int tuples, final long bytes) {
        inFlight -= tuples;
        inFlightBytes -= bytes;
        notifyAll();
    }

    /** Called by a link: this tuple was refused ({@code reason}) or its connection broke ({@code reason} null). */
    synchronized void returned(final StreamLink.Pending p, final String reason, final String detail) {
        inFlight--;
        inFlightBytes -= p.bytes();
        if (reason != null && !RETRY.contains(reason)) {
            failure = new IOException("a channel refused tuple " + p.tupleId() + " for '" + processor + "': " + reason
                + ": " + detail);
        } else {
            again.addLast(p);
            resent++;
        }
        notifyAll();
    }

    /** Flushes, then closes every connection. */
    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            final StreamLink[] all;
            synchronized (this) {
                all = links.values().toArray(new StreamLink[0]);
                links.clear();
            }
            for (final StreamLink l : all) {
                l.close();
            }
        }
    }
}
