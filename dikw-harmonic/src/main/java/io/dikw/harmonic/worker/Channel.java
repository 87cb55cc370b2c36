package io.dikw.harmonic.worker;

import io.dikw.harmonic.auth.AccessToken;
import io.dikw.harmonic.auth.Handshake;
import io.dikw.harmonic.frame.Frame;
import io.dikw.harmonic.frame.FrameConnection;
import io.dikw.harmonic.frame.FrameDescriptor;
import io.dikw.harmonic.frame.FrameException;
import io.dikw.harmonic.frame.FrameReader;
import io.dikw.harmonic.frame.FrameRejections;
import io.dikw.harmonic.frame.FrameServer;
import io.dikw.harmonic.frame.FrameType;
import io.dikw.harmonic.processor.Tuple;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One processing channel of a worker: a data port where sources send tuples straight to it, a
 * persistent link to the master (FETCH when free, STARTED for direct tuples, ACK for queued ones),
 * and one thread feeding its {@link TaskController} tuple after tuple. A small inbox absorbs a
 * tuple arriving while another is processed; beyond that one-at-a-time sources are told
 * {@code channel-busy}, while streaming sources (role {@code stream}) are pushed back by TCP.
 */
final class Channel implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Channel.class.getName());
    private static final int INBOX = 4;
    /** Most tuples of a stream taken before an ACK goes out even while more frames wait. */
    private static final int ACK_EVERY = 32;

    private final int index;
    private final String processor;
    private final AccessToken token;
    private final long payloadLimit;
    private final TaskController controller;
    private final WorkerStats stats;
    private final FrameRejections rejections;
    private final BlockingQueue<Tuple> inbox = new ArrayBlockingQueue<>(INBOX);
    private final FrameServer server;
    private final Runnable onMasterLost;
    private volatile FrameConnection master;
    private volatile boolean closed;
    /** Guards {@link #idle} and orders FETCH and STARTED on the master link. */
    private final Object masterState = new Object();
    /** True from this channel's FETCH until it takes a tuple: the master counts it free. */
    private boolean idle;
    private Thread worker;

    Channel(final int index, final WorkerConfig config, final TaskController controller, final WorkerStats stats,
        final FrameRejections rejections, final Runnable onMasterLost) throws IOException {
        this.index = index;
        this.processor = config.processor();
        this.token = AccessToken.of(config.token());
        this.payloadLimit = config.payloadLimit();
        this.controller = controller;
        this.stats = stats;
        this.rejections = rejections;
        this.onMasterLost = onMasterLost;
        this.server = new FrameServer("harmonic-channel-" + index, config.bindHost(), 0, config.payloadLimit(),
            this::serveSource);
    }

    int index() {
        return index;
    }

    ProcessingUnit unit() {
        return controller.unit();
    }

    int port() {
        return server.port();
    }

    /** Connects to the master's data port and starts taking tuples. */
    void connect(final long workerId, final String host, final int port) throws IOException {
        final FrameConnection link = FrameConnection.connect(host, port, payloadLimit);
        link.hello("channel:" + workerId + ":" + index, token.text());
        link.reader().payloadLimit(payloadLimit);
        master = link;
        final Thread reader = new Thread(this::readMaster, "harmonic-channel-" + index + "-master");
        reader.setDaemon(true);
        reader.start();
        worker = new Thread(this::processLoop, "harmonic-channel-" + index);
        worker.setDaemon(true);
        worker.start();
    }

    private void processLoop() {
        boolean fetching = false;
        try {
            while (!closed) {
                Tuple t = inbox.poll();
                if (t == null) {
                    if (!fetching) {
                        synchronized (masterState) {
                            idle = true;
                            master.write(Frame.of(FrameType.FETCH, 0, processor));
                        }
                        fetching = true;
                    }
                    t = inbox.take();
                }
                fetching = false;
                stats.bytesIn.add(t.payload().remaining());
                controller.handle(t);
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (final IOException e) {
            lostMaster(e);
        }
    }

    private void readMaster() {
        try {
            Frame f;
            while ((f = master.reader().read()) != null) {
                if (f.type() == FrameType.TUPLE) {
                    synchronized (masterState) {
                        idle = false; // the master counts this channel busy from now
                    }
                    inbox.put(new Tuple(f.tupleId(), f.name(), f.payload()));
                    stats.received.increment();
                    master.write(Frame.of(FrameType.ACK, f.tupleId(), f.name()));
                } else if (f.type() == FrameType.REJECT) {
                    LOG.log(System.Logger.Level.WARNING, "channel " + index + ": master rejected: " + f.name() + ": "
                        + f.payloadText());
                }
            }
            lostMaster(new IOException("the master closed the connection"));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (final IOException e) {
            lostMaster(e);
        }
    }

    private void lostMaster(final IOException e) {
        if (!closed) {
            LOG.log(System.Logger.Level.ERROR, "channel " + index + " lost the master: " + e.getMessage());
            onMasterLost.run();
        }
    }

    private void serveSource(final FrameConnection conn) {
        final String role = Handshake.accept(conn, token, rejections);
        if (role == null) {
            return;
        }
        try {
            if (!"source".equals(role) && !"stream".equals(role)) {
                rejections.count("bad-role");
                conn.rejectAndClose("bad-role", 0, "a channel serves only roles 'source' and 'stream', got '" + role + "'");
                return;
            }
            conn.reader().payloadLimit(payloadLimit);
            conn.write(Frame.of(FrameType.ACK, 0, role));
            if ("stream".equals(role)) {
                serveStream(conn);
            } else {
                serveTuples(conn);
            }
        } catch (final FrameException e) {
            rejections.count(e.reason());
            LOG.log(System.Logger.Level.WARNING, "channel " + index + " rejected a frame from " + conn.peer() + ": "
                + e.getMessage());
            conn.rejectAndClose(e.reason(), 0, e.getMessage());
        } catch (final IOException e) {
            conn.close();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            conn.close();
        }
    }

    /** A source sending one tuple at a time, reserved for this channel by the master: refused when the inbox is full. */
    private void serveTuples(final FrameConnection conn) throws IOException {
        FrameReader.Header h;
        while ((h = conn.nextTuple()) != null) {
            if (wrongProcessor(conn, h)) {
                continue;
            }
            if (inbox.remainingCapacity() == 0) {
                conn.refuse(h, "channel-busy", "channel " + index + " is busy; ask the master again");
                continue;
            }
            final Tuple t = take(conn, h);
            if (!inbox.offer(t)) {
                conn.write(Frame.reject("channel-busy", h.tupleId(), "channel " + index + " is busy; ask the master again"));
                continue;
            }
            stats.received.increment();
            conn.write(Frame.of(FrameType.ACK, h.tupleId(), h.name()));
        }
    }

    /**
     * A streaming source with a lease: many tuples in flight on this connection. A full inbox
     * blocks the reader (TCP pushes back on the source) instead of refusing. Acknowledgements are
     * cumulative (an ACK covers its tuple and every earlier one on this connection) and batched: one
     * goes out when no further frame is waiting yet, or after {@link #ACK_EVERY} tuples.
     */
    private void serveStream(final FrameConnection conn) throws IOException, InterruptedException {
        final StreamAcks acks = new StreamAcks(conn);
        FrameReader.Header h;
        while ((h = conn.nextTuple()) != null) {
            if (!processor.equals(h.name())) {
                acks.flush();
                wrongProcessor(conn, h);
                continue;
            }
            final Tuple t = take(conn, h);
            if (!inbox.offer(t)) {
                acks.flush(); // the source should not wait for these while this channel is busy
                while (!inbox.offer(t, 100, TimeUnit.MILLISECONDS)) {
                    if (closed || !conn.isOpen()) {
                        return; // not acknowledged: the source sends it again elsewhere
                    }
                }
            }
            stats.received.increment();
            acks.taken(t.id(), t.processor());
        }
    }

    /** Acknowledgements of one stream connection, sent cumulatively. */
    private static final class StreamAcks {
        private final FrameConnection conn;
        private long last = -1;
        private String name;
        private int unsent;

        StreamAcks(final FrameConnection conn) {
            this.conn = conn;
        }

        void taken(final long tupleId, final String processor) throws IOException {
            last = tupleId;
            name = processor;
            if (++unsent >= ACK_EVERY || conn.available() < FrameDescriptor.HEADER_LENGTH) {
                flush();
            }
        }

        void flush() throws IOException {
            if (unsent > 0) {
                conn.write(Frame.of(FrameType.ACK, last, name));
                unsent = 0;
            }
        }
    }

    private boolean wrongProcessor(final FrameConnection conn, final FrameReader.Header h) throws IOException {
        if (processor.equals(h.name())) {
            return false;
        }
        conn.refuse(h, "wrong-processor", "this channel runs '" + processor + "', not '" + h.name()
            + "'; ask the master for an endpoint");
        return true;
    }

    /** Reads the payload and, when this channel had told the master it was free, tells it that it is busy. */
    private Tuple take(final FrameConnection conn, final FrameReader.Header h) throws IOException {
        final ByteBuffer payload = conn.reader().readPayload(h);
        // STARTED goes out before the tuple can be processed, so the master sees it before this
        // channel's next FETCH (same connection, in order). While the channel is busy anyway the
        // master already counts it busy, so a stream does not cost one STARTED per tuple.
        synchronized (masterState) {
            if (idle) {
                idle = false;
                master.write(Frame.of(FrameType.STARTED, h.tupleId(), h.name()));
            }
        }
        return new Tuple(h.tupleId(), h.name(), payload);
    }

    @Override
    public void close() {
        closed = true;
        server.close();
        if (master != null) {
            master.close();
        }
        if (worker != null) {
            worker.interrupt();
        }
        controller.close();
    }
}
