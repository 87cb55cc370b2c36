package io.dikw.collectives.fold;

import java.io.Serializable;

/**
 * The user's combine for reduce and allreduce. It must be associative and commutative (partial
 * results meet at each hop of the tree in arrival order, as with MPI's commutative operations) and
 * must not modify its arguments. Serializable because Storm ships it inside the topology.
 *
 * @param <V> the combined value
 */
@FunctionalInterface
public interface Combiner<V> extends Serializable {
    /**
     * @param a a partial result
     * @param b another partial result
     * @return their combination
     */
    V combine(V a, V b);
}
