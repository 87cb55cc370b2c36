package io.dikw.harmonic.master;

import io.dikw.harmonic.frame.Frame;
import io.dikw.harmonic.frame.FrameConnection;
import io.dikw.harmonic.frame.FrameType;
import java.io.IOException;

/**
 * The master's view of one worker channel: its data address, the persistent connection it opened
 * to the master, and its state. State fields are guarded by the {@link Scheduler}.
 */
final class ChannelLink {
    /** What the master believes the channel is doing. */
    enum State {
        /** Waiting for work (it sent FETCH). */
        FREE,
        /** Handed to a source; the tuple has not arrived yet. */
        RESERVED,
        /** Processing a tuple. */
        BUSY
    }

    final WorkerInfo worker;
    final int index;
    final int port;
    final FrameConnection conn;
    State state = State.BUSY;
    long since = System.nanoTime();
    long reservedFor;
    QueuedTuple inFlight;

    ChannelLink(final WorkerInfo worker, final int index, final int port, final FrameConnection conn) {
        this.worker = worker;
        this.index = index;
        this.port = port;
        this.conn = conn;
    }

    String processor() {
        return worker.processor;
    }

    String label() {
        return worker.name + "/" + index;
    }

    /** Sends a queued tuple; on failure closes the connection (its reader then gives the tuple back). */
    void send(final QueuedTuple t) {
        try {
            conn.write(new Frame(FrameType.TUPLE, t.id(), t.processor(), t.payload()));
        } catch (final IOException e) {
            conn.close();
        }
    }
}
