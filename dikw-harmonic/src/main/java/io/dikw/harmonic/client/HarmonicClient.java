package io.dikw.harmonic.client;

import io.dikw.harmonic.frame.Frame;
import io.dikw.harmonic.frame.FrameConnection;
import io.dikw.harmonic.frame.FrameType;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The stream connector: sends tuples the HarmonicIO way. For each tuple it asks the master for an
 * endpoint (a free worker channel, or the master's queue), sends one frame there over a
 * persistent connection (kept per endpoint) and waits for the acknowledgement. When the channel is
 * busy or the queue full, it backs off and asks again; a broken connection is reopened. Files are
 * memory-mapped and go to the socket without a copy in user space.
 *
 * <p>Not thread-safe: use one client per sending thread.
 */
public final class HarmonicClient implements AutoCloseable {
    private static final Set<String> RETRY = Set.of("channel-busy", "queue-full", "wrong-processor", "unknown-tuple-id");
    private static final int MAX_BROKEN = 5;

    private final MasterApi api;
    private final String token;
    private final long giveUpNanos;
    private final Map<String, FrameConnection> connections = new HashMap<>();
    private long retries;

    /**
     * @param master the master's base URL
     * @param token the access token
     */
    public HarmonicClient(final URI master, final String token) {
        this(master, token, TimeUnit.MINUTES.toNanos(5));
    }

    /**
     * @param master the master's base URL
     * @param token the access token
     * @param giveUpNanos how long one tuple may keep being refused before {@link #send} fails
     */
    public HarmonicClient(final URI master, final String token, final long giveUpNanos) {
        this.api = new MasterApi(master, token);
        this.token = token;
        this.giveUpNanos = giveUpNanos;
    }

    /**
     * Sends one tuple and returns once a channel or the queue took it.
     *
     * @param processor the processor name
     * @param payload the payload (position unchanged)
     * @return the tuple's id
     * @throws IOException when the master refuses for good or the tuple stays refused too long
     */
    public long send(final String processor, final ByteBuffer payload) throws IOException {
        final long start = System.nanoTime();
        final Backoff backoff = new Backoff();
        int broken = 0;
        while (true) {
            final MasterApi.Endpoint e = api.endpoint(processor);
            final String key = e.host() + ":" + e.port();
            String refusal;
            try {
                final FrameConnection conn = connection(key, e);
                conn.write(new Frame(FrameType.TUPLE, e.tupleId(), processor, payload));
                final Frame reply = conn.reader().read();
                if (reply == null) {
                    throw new IOException(key + " closed the connection");
                }
                if (reply.type() == FrameType.ACK && reply.tupleId() == e.tupleId()) {
                    return e.tupleId();
                }
                if (reply.type() != FrameType.REJECT) {
                    throw new IOException(key + " answered a tuple with " + reply.type());
                }
                refusal = reply.name() + ": " + reply.payloadText();
                if (!RETRY.contains(reply.name())) {
                    drop(key);
                    throw new IOException(e.channel() + " at " + key + " refused tuple " + e.tupleId() + ": " + refusal);
                }
            } catch (final IOException ex) {
                drop(key);
                if (++broken > MAX_BROKEN) {
                    throw ex;
                }
                refusal = ex.getMessage();
            }
            retries++;
            if (System.nanoTime() - start > giveUpNanos) {
                throw new IOException("gave up on a tuple for '" + processor + "' after " + retries + " retries: " + refusal);
            }
            backoff.pause();
        }
    }

    /**
     * Sends a file's bytes as one tuple, memory-mapped (no copy in user space).
     *
     * @param processor the processor name
     * @param file the file
     * @return the tuple's id
     * @throws IOException when the file cannot be read or the tuple not sent
     */
    public long sendFile(final String processor, final Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return send(processor, ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()));
        }
    }

    /** @return how many times a tuple was refused or a connection broke and the client retried */
    public long retries() {
        return retries;
    }

    /** @return the master API this client uses */
    public MasterApi api() {
        return api;
    }

    private FrameConnection connection(final String key, final MasterApi.Endpoint e) throws IOException {
        FrameConnection c = connections.get(key);
        if (c == null || !c.isOpen()) {
            c = FrameConnection.connect(e.host(), e.port(), FrameConnection.HELLO_PAYLOAD_LIMIT);
            try {
                c.hello("source", token);
            } catch (final IOException ex) {
                c.close();
                throw ex;
            }
            connections.put(key, c);
        }
        return c;
    }

    private void drop(final String key) {
        final FrameConnection c = connections.remove(key);
        if (c != null) {
            c.close();
        }
    }

    @Override
    public void close() {
        connections.values().forEach(FrameConnection::close);
        connections.clear();
    }
}
