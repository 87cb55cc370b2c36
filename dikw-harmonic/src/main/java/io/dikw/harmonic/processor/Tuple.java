package io.dikw.harmonic.processor;

import java.nio.ByteBuffer;

/**
 * A tuple handed to a processor.
 *
 * @param id the 64-bit id the master gave it (redeliveries keep it, so duplicates are recognizable)
 * @param processor the processor name it was sent to
 * @param payload its bytes (read-only view; processors must not keep it after returning)
 */
public record Tuple(long id, String processor, ByteBuffer payload) {
}
