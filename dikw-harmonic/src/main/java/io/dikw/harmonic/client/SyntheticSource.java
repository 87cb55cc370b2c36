package io.dikw.harmonic.client;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * Synthetic realizations, like the thesis's 2-10 MB simulated tuples: direct buffers of seeded
 * pseudo-random bytes made once, stamped with a sequence number in their first 8 bytes for each
 * tuple, so a fast source spends its time sending, not generating. With several buffers they are
 * used in turn, so a payload stays unchanged while later ones are made (for {@link HarmonicStream},
 * which keeps payloads in flight until acknowledged).
 */
public final class SyntheticSource {
    private final ByteBuffer[] buffers;
    private long sequence;

    /**
     * @param size bytes per tuple (at least 8)
     * @param seed random seed
     */
    public SyntheticSource(final int size, final long seed) {
        this(size, seed, 1);
    }

    /**
     * @param size bytes per tuple (at least 8)
     * @param seed random seed
     * @param count buffers used in turn: a payload stays valid for the next {@code count - 1} calls
     */
    public SyntheticSource(final int size, final long seed, final int count) {
        if (size < 8 || count < 1) {
            throw new IllegalArgumentException("size=" + size + " must be >= 8 and count=" + count + " >= 1");
        }
        final SplittableRandom random = new SplittableRandom(seed);
        buffers = new ByteBuffer[count];
        for (int i = 0; i < count; i++) {
            final ByteBuffer buffer = ByteBuffer.allocateDirect(size);
            while (buffer.remaining() >= 8) {
                buffer.putLong(random.nextLong());
            }
            while (buffer.hasRemaining()) {
                buffer.put((byte) random.nextInt());
            }
            buffers[i] = buffer.flip();
        }
    }

    /** @return the next tuple's payload (valid until the buffer comes round again) */
    public ByteBuffer next() {
        final ByteBuffer buffer = buffers[(int) (sequence % buffers.length)];
        buffer.putLong(0, ++sequence);
        return buffer.duplicate();
    }
}
