package io.dikw.harmonic.master;

import java.nio.ByteBuffer;

/**
 * A tuple held by the master: queued, or sent to a channel and not yet acknowledged.
 *
 * @param id the tuple id
 * @param processor the processor name
 * @param payload the payload
 */
record QueuedTuple(long id, String processor, ByteBuffer payload) {
    int size() {
        return payload.remaining();
    }
}
