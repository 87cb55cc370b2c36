package io.dikw.harmonic.client;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * Synthetic realizations, like the thesis's 2-10 MB simulated tuples: one direct buffer of
 * seeded pseudo-random bytes made once, stamped with a sequence number in its first 8 bytes for
 * each tuple, so a fast source spends its time sending, not generating.
 */
public final class SyntheticSource {
    private final ByteBuffer buffer;
    private long sequence;

    /**
     * @param size bytes per tuple (at least 8)
     * @param seed random seed
     */
    public SyntheticSource(final int size, final long seed) {
        if (size < 8) {
            throw new IllegalArgumentException("size=" + size + " must be >= 8");
        }
        buffer = ByteBuffer.allocateDirect(size);
        final SplittableRandom random = new SplittableRandom(seed);
        while (buffer.remaining() >= 8) {
            buffer.putLong(random.nextLong());
        }
        while (buffer.hasRemaining()) {
            buffer.put((byte) random.nextInt());
        }
        buffer.flip();
    }

    /** @return the next tuple's payload (valid until the next call) */
    public ByteBuffer next() {
        buffer.putLong(0, ++sequence);
        return buffer.duplicate();
    }
}
