package io.dikw.collectives.fold;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One task's share of a reduce: collects the contributions of each round (its own and its children's
 * partial results) and hands back the combined partial once the round has all it waits for.
 *
 * <p>Memory is bounded: at most {@code maxPendingRounds} incomplete rounds are kept; when one more
 * starts, the oldest incomplete round is dropped and counted in {@link #droppedRounds()} (a task
 * that never contributes must not make the others grow without end). Not thread-safe: one per task.
 *
 * @param <V> the combined value
 */
public final class RoundAggregator<V> {
    /** Incomplete rounds kept by default. */
    public static final int MAX_PENDING_ROUNDS_DEFAULT = 4096;

    private static final class Partial<V> {
        private V value;
        private int count;
    }

    private final Combiner<V> combiner;
    private final int maxPendingRounds;
    private final Map<Object, Partial<V>> pending = new LinkedHashMap<>();
    private long droppedRounds;

    /**
     * @param combiner the associative, commutative combine
     * @param maxPendingRounds incomplete rounds kept before the oldest is dropped (at least 1)
     */
    public RoundAggregator(final Combiner<V> combiner, final int maxPendingRounds) {
        this.combiner = Objects.requireNonNull(combiner, "combiner");
        if (maxPendingRounds < 1) {
            throw new IllegalArgumentException("maxPendingRounds must be at least 1: " + maxPendingRounds);
        }
        this.maxPendingRounds = maxPendingRounds;
    }

    /**
     * @param round the round's key (equals/hashCode)
     * @param value a contribution or a child's partial result (not null)
     * @param expected how many contributions the round waits for at this task
     * @return the combined partial once the round is complete (the round is then forgotten), else null
     */
    public V offer(final Object round, final V value, final int expected) {
        Objects.requireNonNull(value, "value");
        Partial<V> p = pending.get(round);
        if (p == null) {
            if (expected <= 1) {
                return value;
            }
            evictIfFull();
            p = new Partial<>();
            p.value = value;
            pending.put(round, p);
        } else {
            p.value = combiner.combine(p.value, value);
        }
        p.count++;
        if (p.count >= expected) {
            pending.remove(round);
            return p.value;
        }
        return null;
    }

    private void evictIfFull() {
        if (pending.size() >= maxPendingRounds) {
            final Iterator<Object> oldest = pending.keySet().iterator();
            oldest.next();
            oldest.remove();
            droppedRounds++;
        }
    }

    /** @return incomplete rounds held now */
    public int pendingRounds() {
        return pending.size();
    }

    /** @return incomplete rounds dropped to keep memory bounded */
    public long droppedRounds() {
        return droppedRounds;
    }
}
