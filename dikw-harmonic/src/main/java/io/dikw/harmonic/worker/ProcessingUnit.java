package io.dikw.harmonic.worker;

import io.dikw.harmonic.processor.Tuple;
import java.nio.ByteBuffer;

/**
 * A persistent processing unit hosted by a channel: started once, handed tuple after tuple.
 * Either a Java {@link io.dikw.harmonic.processor.Processor} or an external process.
 */
interface ProcessingUnit extends AutoCloseable {
    /**
     * @param tuple the tuple
     * @return its output
     * @throws UnitCrashedException when the unit died while holding the tuple (the tuple is redelivered)
     * @throws Exception when the processor failed on this tuple (it goes to the dead letters)
     */
    ByteBuffer process(Tuple tuple) throws Exception;

    /** Stops the unit at once (after a timeout or at shutdown). */
    @Override
    void close();
}
