package io.dikw.collectives.cost;

import java.util.Collection;
import java.util.Map;

/**
 * A cheap, deterministic estimate of a message's serialized size from its values, so that every
 * task on a broadcast's way makes the same {@link io.dikw.collectives.plan.Algorithm#AUTO} choice for
 * the same message: byte arrays and strings by length, numbers 8 bytes, collections and maps summed.
 */
public final class SizeEstimate {
    private static final int SCALAR = 8;

    private SizeEstimate() {
    }

    /**
     * @param value a tuple's values or one of them
     * @return the estimated size in bytes
     */
    public static long of(final Object value) {
        if (value == null) {
            return 1;
        }
        if (value instanceof byte[] b) {
            return b.length;
        }
        if (value instanceof CharSequence s) {
            return s.length();
        }
        if (value instanceof Collection<?> c) {
            long sum = 0;
            for (final Object o : c) {
                sum += of(o);
            }
            return sum;
        }
        if (value instanceof Map<?, ?> m) {
            long sum = 0;
            for (final Map.Entry<?, ?> e : m.entrySet()) {
                sum += of(e.getKey()) + of(e.getValue());
            }
            return sum;
        }
        if (value instanceof long[] a) {
            return (long) a.length * Long.BYTES;
        }
        if (value instanceof double[] a) {
            return (long) a.length * Double.BYTES;
        }
        if (value instanceof int[] a) {
            return (long) a.length * Integer.BYTES;
        }
        return SCALAR;
    }
}
