package io.dikw.harmonic.client;

import io.dikw.harmonic.frame.Frame;
import io.dikw.harmonic.frame.FrameConnection;
import io.dikw.harmonic.frame.FrameType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One persistent streaming connection of a {@link HarmonicStream} to one channel (HELLO role
 * {@code stream}): tuples written in order, kept until acknowledged, and a reader thread taking
 * the channel's cumulative ACKs (an ACK covers its tuple and every earlier one) and REJECTs. When
 * the connection ends, every unacknowledged tuple goes back to the stream to be sent again.
 */
final class StreamLink {
    /**
     * A tuple sent and not acknowledged yet.
     *
     * @param tupleId its id
     * @param payload its payload (kept, not copied)
     */
    record Pending(long tupleId, ByteBuffer payload) {
        long bytes() {
            return payload.remaining();
        }
    }

    private final HarmonicStream owner;
    private final FrameConnection conn;
    private final String label;
    private final String processor;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private long pendingBytes;
    private boolean ended;

    private StreamLink(final HarmonicStream owner, final FrameConnection conn, final String label, final String processor) {
        this.owner = owner;
        this.conn = conn;
        this.label = label;
        this.processor = processor;
    }

    /** Connects, authenticates as {@code stream} and starts the acknowledgement reader. */
    static StreamLink open(final HarmonicStream owner, final MasterApi.Endpoint channel, final String token,
        final String processor) throws IOException {
        final FrameConnection conn = FrameConnection.connect(channel.host(), channel.port(), FrameConnection.HELLO_PAYLOAD_LIMIT);
        try {
            conn.hello("stream", token);
        } catch (final IOException e) {
            conn.close();
            throw e;
        }
        final StreamLink link = new StreamLink(owner, conn, channel.channel(), processor);
        final Thread reader = new Thread(link::readAcks, "harmonic-stream-" + channel.channel());
        reader.setDaemon(true);
        reader.start();
        return link;
    }

    /** Writes the tuple; if the connection is broken it goes back to the stream (now or when the reader sees the end). */
    void send(final Pending p) {
        synchronized (this) {
            if (!ended) {
                pending.addLast(p);
                pendingBytes += p.bytes();
            }
        }
        if (!isOpen()) {
            end(null, null, List.of(p));
            return;
        }
        try {
            conn.write(new Frame(FrameType.TUPLE, p.tupleId(), processor, p.payload()));
        } catch (final IOException e) {
            conn.close(); // the reader sees the end and hands every pending tuple back
        }
    }

    synchronized long inFlightBytes() {
        return pendingBytes;
    }

    synchronized boolean isOpen() {
        return !ended && conn.isOpen();
    }

    private void readAcks() {
        String reason = null;
        String detail = null;
        try {
            Frame f;
            while ((f = conn.reader().read()) != null) {
                if (f.type() == FrameType.ACK) {
                    acknowledge(f.tupleId());
                } else if (f.type() == FrameType.REJECT && f.tupleId() != 0 && refuse(f)) {
                    continue;
                } else if (f.type() == FrameType.REJECT) {
                    reason = f.name(); // the channel closes after this: every pending tuple fails with it
                    detail = f.payloadText();
                } else {
                    throw new IOException(label + " answered a stream with " + f.type());
                }
            }
        } catch (final IOException e) {
            System.getLogger(StreamLink.class.getName()).log(System.Logger.Level.DEBUG, label + ": " + e.getMessage());
        }
        end(reason, detail, List.of());
    }

    private void acknowledge(final long tupleId) throws IOException {
        int count = 0;
        long bytes = 0;
        synchronized (this) {
            if (pending.stream().noneMatch(p -> p.tupleId() == tupleId)) {
                throw new IOException(label + " acknowledged tuple " + tupleId + ", which is not in flight on this connection");
            }
            Pending p;
            do {
                p = pending.pollFirst();
                count++;
                bytes += p.bytes();
            } while (p.tupleId() != tupleId);
            pendingBytes -= bytes;
        }
        owner.acknowledged(count, bytes);
    }

    /** @return true when the refused tuple was in flight here (it goes back to the stream) */
    private boolean refuse(final Frame reject) {
        Pending refused = null;
        synchronized (this) {
            for (final Pending p : pending) {
                if (p.tupleId() == reject.tupleId()) {
                    refused = p;
                    break;
                }
            }
            if (refused != null) {
                pending.remove(refused);
                pendingBytes -= refused.bytes();
            }
        }
        if (refused != null) {
            owner.returned(refused, reject.name(), reject.payloadText());
        }
        return refused != null;
    }

    /** Marks the link ended and hands back every pending tuple (and {@code extra}). */
    private void end(final String reason, final String detail, final List<Pending> extra) {
        final List<Pending> back = new ArrayList<>();
        synchronized (this) {
            ended = true;
            back.addAll(pending);
            pending.clear();
            pendingBytes = 0;
        }
        for (final Pending p : extra) {
            if (!back.contains(p)) {
                back.add(p);
            }
        }
        conn.close();
        for (final Pending p : back) {
            owner.returned(p, reason, detail);
        }
    }

    void close() {
        conn.close();
    }
}
