package io.dikw.harmonic.master;

import io.dikw.harmonic.auth.AccessToken;
import io.dikw.harmonic.auth.Handshake;
import io.dikw.harmonic.frame.Frame;
import io.dikw.harmonic.frame.FrameConnection;
import io.dikw.harmonic.frame.FrameException;
import io.dikw.harmonic.frame.FrameReader;
import io.dikw.harmonic.frame.FrameRejections;
import io.dikw.harmonic.frame.FrameType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The master's data port: sources send tuples to the queue here, and each worker channel keeps
 * one connection here to ask for queued work (FETCH), say it started a direct tuple (STARTED) and
 * acknowledge queued tuples (ACK). Roles in HELLO: {@code source} or {@code channel:WORKER:INDEX}.
 */
final class DataPlane {
    private final Scheduler scheduler;
    private final AccessToken token;
    private final long payloadLimit;
    private final FrameRejections rejections;

    DataPlane(final Scheduler scheduler, final AccessToken token, final long payloadLimit,
        final FrameRejections rejections) {
        this.scheduler = scheduler;
        this.token = token;
        this.payloadLimit = payloadLimit;
        this.rejections = rejections;
    }

    void serve(final FrameConnection conn) {
        final String role = Handshake.accept(conn, token, rejections);
        if (role == null) {
            return;
        }
        try {
            if ("source".equals(role)) {
                conn.reader().payloadLimit(payloadLimit);
                conn.write(Frame.of(FrameType.ACK, 0, "source"));
                serveSource(conn);
            } else if (role.startsWith("channel:")) {
                serveChannel(conn, role);
            } else {
                rejections.count("bad-role");
                conn.rejectAndClose("bad-role", 0, "role must be 'source' or 'channel:WORKER:INDEX', got '" + role + "'");
            }
        } catch (final FrameException e) {
            rejections.count(e.reason());
            conn.rejectAndClose(e.reason(), 0, e.getMessage());
        } catch (final IOException e) {
            conn.close();
        }
    }

    private void serveSource(final FrameConnection conn) throws IOException {
        final FrameReader reader = conn.reader();
        FrameReader.Header h;
        while ((h = conn.nextTuple()) != null) {
            if (!scheduler.issued(h.tupleId())) {
                conn.refuse(h, "unknown-tuple-id", "tuple id " + h.tupleId()
                    + " was not given out by this master; ask GET /api/endpoint first");
                continue;
            }
            if (!scheduler.reserve(h.payloadLength())) {
                rejections.count("queue-full");
                conn.refuse(h, "queue-full", "the master queue is full; retry later");
                continue;
            }
            final ByteBuffer payload;
            try {
                payload = reader.readPayload(h);
            } catch (final IOException e) {
                scheduler.release(h.payloadLength());
                throw e;
            }
            final Scheduler.Dispatch now = scheduler.offer(new QueuedTuple(h.tupleId(), h.name(), payload));
            conn.write(Frame.of(FrameType.ACK, h.tupleId(), h.name()));
            if (now != null) {
                now.send();
            }
        }
    }

    private void serveChannel(final FrameConnection conn, final String role) throws IOException {
        final String[] parts = role.split(":");
        final ChannelLink link;
        try {
            link = scheduler.attach(Long.parseLong(parts[1]), Integer.parseInt(parts[2]), conn);
        } catch (final NoSuchElementException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
            rejections.count("bad-role");
            conn.rejectAndClose("bad-role", 0, "unknown channel '" + role + "': register the worker first ("
                + e.getMessage() + ")");
            return;
        }
        try {
            conn.write(Frame.of(FrameType.ACK, 0, role));
            Frame f;
            while ((f = conn.reader().read()) != null) {
                switch (f.type()) {
                    case FETCH -> {
                        final Scheduler.Dispatch d = scheduler.fetch(link);
                        if (d != null) {
                            d.send();
                        }
                    }
                    case STARTED -> scheduler.started(link);
                    case ACK -> scheduler.acknowledged(link, f.tupleId());
                    default -> throw new FrameException("unexpected-frame", "a channel may send FETCH, STARTED or ACK, got "
                        + f.type());
                }
            }
        } finally {
            final List<Scheduler.Dispatch> again = scheduler.detach(link);
            again.forEach(Scheduler.Dispatch::send);
        }
    }
}
