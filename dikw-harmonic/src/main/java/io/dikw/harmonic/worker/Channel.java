package io.dikw.harmonic.worker;

import io.dikw.harmonic.auth.AccessToken;
import io.dikw.harmonic.auth.Handshake;
import io.dikw.harmonic.frame.Frame;
import io.dikw.harmonic.frame.FrameConnection;
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

/**
 * One processing channel of a worker: a data port where sources send tuples straight to it, a
 * persistent link to the master (FETCH when free, STARTED for direct tuples, ACK for queued ones),
 * and one thread feeding its {@link TaskController} tuple after tuple. A small inbox absorbs a
 * tuple arriving while another is processed; beyond that sources are told {@code channel-busy}.
 */
final class Channel implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Channel.class.getName());
    private static final int INBOX = 4;

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
                        master.write(Frame.of(FrameType.FETCH, 0, processor));
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
            if (!"source".equals(role)) {
                rejections.count("bad-role");
                conn.rejectAndClose("bad-role", 0, "a channel serves only role 'source', got '" + role + "'");
                return;
            }
            conn.reader().payloadLimit(payloadLimit);
            conn.write(Frame.of(FrameType.ACK, 0, "source"));
            FrameReader.Header h;
            while ((h = conn.nextTuple()) != null) {
                if (!processor.equals(h.name())) {
                    conn.refuse(h, "wrong-processor", "this channel runs '" + processor + "', not '" + h.name()
                        + "'; ask the master for an endpoint");
                    continue;
                }
                if (inbox.remainingCapacity() == 0) {
                    conn.refuse(h, "channel-busy", "channel " + index + " is busy; ask the master again");
                    continue;
                }
                final ByteBuffer payload = conn.reader().readPayload(h);
                // STARTED goes out before the tuple can be processed, so the master always sees it
                // before this channel's next FETCH (same connection, in order).
                master.write(Frame.of(FrameType.STARTED, h.tupleId(), h.name()));
                if (!inbox.offer(new Tuple(h.tupleId(), h.name(), payload))) {
                    conn.write(Frame.reject("channel-busy", h.tupleId(), "channel " + index + " is busy; ask the master again"));
                    continue;
                }
                stats.received.increment();
                conn.write(Frame.of(FrameType.ACK, h.tupleId(), h.name()));
            }
        } catch (final FrameException e) {
            rejections.count(e.reason());
            LOG.log(System.Logger.Level.WARNING, "channel " + index + " rejected a frame from " + conn.peer() + ": "
                + e.getMessage());
            conn.rejectAndClose(e.reason(), 0, e.getMessage());
        } catch (final IOException e) {
            conn.close();
        }
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
