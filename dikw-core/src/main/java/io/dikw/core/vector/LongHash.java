package io.dikw.core.vector;

/**
 * A 64-bit string hash (FNV-1a over UTF-16 units, then a SplitMix64 finalizer) used to key
 * sparse vectors by words without a global dictionary, so memory stays bounded by the data in
 * a window rather than by the vocabulary ever seen. With 64 bits, a collision among a million
 * distinct words has a probability of about 3·10⁻⁸.
 */
public final class LongHash {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private LongHash() {
    }

    /**
     * @param text the text to hash
     * @return its 64-bit hash
     */
    public static long of(final CharSequence text) {
        long h = FNV_OFFSET;
        for (int i = 0, n = text.length(); i < n; i++) {
            h ^= text.charAt(i);
            h *= FNV_PRIME;
        }
        return mix(h);
    }

    /**
     * SplitMix64's finalizer: spreads every input bit over the output.
     *
     * @param value any value
     * @return the mixed value
     */
    public static long mix(final long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
