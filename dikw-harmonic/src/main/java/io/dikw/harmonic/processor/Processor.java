package io.dikw.harmonic.processor;

import java.nio.ByteBuffer;

/**
 * A Java processing unit, found by {@link #name()} through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.dikw.harmonic.processor.Processor}). A channel creates one instance
 * and calls it for tuple after tuple; a new instance replaces it after a timeout.
 */
public interface Processor {
    /** @return the name sources use to address it */
    String name();

    /**
     * @param tuple the tuple
     * @return the output, handed to the worker's sink
     * @throws Exception when the tuple cannot be processed: the worker records the error with the
     *     tuple id and keeps the tuple in its dead-letter directory
     */
    ByteBuffer process(Tuple tuple) throws Exception;
}
