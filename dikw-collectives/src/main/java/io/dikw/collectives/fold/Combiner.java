package io.dikw.collectives.fold;

import java.io.Serializable;
import java.util.Objects;

/**
 * The user's combine for reduce and allreduce. It must be associative and must not modify its
 * arguments; it need not be commutative: partial results are combined in contributor order (see
 * {@link RoundAggregator}), so a reduce equals the sequential left fold over the contributors by
 * ascending task id. A combine that is also commutative can say so ({@link #commutative(Combiner)}):
 * its partials are then combined in arrival order at every hop, whatever positions they cover, which
 * keeps every partial a single value. Serializable because Storm ships it inside the topology.
 *
 * @param <V> the combined value
 */
@FunctionalInterface
public interface Combiner<V> extends Serializable {
    /**
     * @param a a partial result covering earlier contributors
     * @param b a partial result covering the contributors right after those of {@code a}
     * @return their combination
     */
    V combine(V a, V b);

    /** @return whether {@code combine(a, b)} equals {@code combine(b, a)} (false unless declared) */
    default boolean commutative() {
        return false;
    }

    /**
     * @param combine an associative and commutative combine (sum, max, set union...)
     * @param <V> the combined value
     * @return the same combine, declared commutative
     */
    static <V> Combiner<V> commutative(final Combiner<V> combine) {
        return new Commutative<>(Objects.requireNonNull(combine, "combine"));
    }

    /** A combine declared commutative. */
    record Commutative<V>(Combiner<V> inner) implements Combiner<V> {
        private static final long serialVersionUID = 1L;

        @Override
        public V combine(final V a, final V b) {
            return inner.combine(a, b);
        }

        @Override
        public boolean commutative() {
            return true;
        }
    }
}
