package io.dikw.harmonic.sink;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where a worker puts processed results. Implementations must be thread-safe (every channel
 * writes) and should be idempotent per tuple id, because a redelivered tuple may be written twice.
 */
public interface Sink extends AutoCloseable {
    /**
     * @param tupleId the tuple's id
     * @param processor the processor that produced the output
     * @param output the output (read it with {@code duplicate()}; do not keep it)
     * @throws IOException when the result cannot be stored
     */
    void accept(long tupleId, String processor, ByteBuffer output) throws IOException;

    @Override
    default void close() throws IOException {
    }
}
