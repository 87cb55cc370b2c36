package io.dikw.collectives.fold;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One task's share of a reduce: collects the pieces of each round (its own contribution and its
 * children's partial results, each with the contributor positions it covers) and hands the round
 * back once it holds every position it expects, or once it gives up on it.
 *
 * <p>Order: with a non-commutative combine, pieces are combined only when adjacent, the earlier
 * positions on the left, so the root's result is the sequential left fold over the contributors in
 * position order, whatever the tree and the arrival order (associativity is all it needs).
 *
 * <p>Giving up, so that no round stays open silently: a round is closed incomplete when
 * {@code staleAfterRounds} later rounds have completed here (its missing pieces are not coming when
 * contributors emit rounds in order: Storm keeps order per link); rounds are ordered by key when the
 * keys are {@link Comparable} (e.g. Long), else by when they opened here. Also when more than {@code maxPendingRounds} are open (the
 * oldest goes), when the caller says the plan changed ({@link #closeEpochsBefore}) or when it is
 * older than a timeout ({@link #expire}). A given-up round is remembered (as many as
 * {@code maxPendingRounds}) so that its late pieces come back as {@link Closed.Reason#LATE} instead
 * of opening it again. A piece covering a position the round already holds is dropped and counted.
 * Not thread-safe: one per task.
 *
 * @param <V> the combined value
 */
public final class RoundAggregator<V> {
    /** Open rounds kept by default. */
    public static final int MAX_PENDING_ROUNDS_DEFAULT = 4096;
    /** Later rounds completed before an open one is given up, by default. */
    public static final int STALE_AFTER_ROUNDS_DEFAULT = 64;

    private final class Open {
        private final RoundPieces<V> pieces = new RoundPieces<>(combiner);
        private final long seq;
        private final long epoch;
        private final long startedNanos;
        private BitSet expected;
        private int overtaken;

        private Open(final long seq, final long epoch, final long startedNanos) {
            this.seq = seq;
            this.epoch = epoch;
            this.startedNanos = startedNanos;
        }
    }

    private final Combiner<V> combiner;
    private final int maxPendingRounds;
    private final int staleAfterRounds;
    private final Map<Object, Open> pending = new LinkedHashMap<>();
    private final LinkedHashSet<Object> givenUp = new LinkedHashSet<>();
    private long nextSeq;
    private long completed;
    private long incomplete;
    private long duplicates;
    private long late;

    /**
     * @param combiner the associative combine
     * @param maxPendingRounds open rounds kept before the oldest is given up (at least 1)
     * @param staleAfterRounds later rounds completed before an open round is given up (at least 1)
     */
    public RoundAggregator(final Combiner<V> combiner, final int maxPendingRounds, final int staleAfterRounds) {
        this.combiner = Objects.requireNonNull(combiner, "combiner");
        if (maxPendingRounds < 1) {
            throw new IllegalArgumentException("maxPendingRounds must be at least 1: " + maxPendingRounds);
        }
        if (staleAfterRounds < 1) {
            throw new IllegalArgumentException("staleAfterRounds must be at least 1: " + staleAfterRounds);
        }
        this.maxPendingRounds = maxPendingRounds;
        this.staleAfterRounds = staleAfterRounds;
    }

    /**
     * @param round the round's key (equals/hashCode)
     * @param piece a contribution or a child's partial result
     * @param expected the positions this task waits for in this round (its subtree in the current plan)
     * @param epoch the current plan's number (rounds remember the one they started in)
     * @param nowNanos the current time, for {@link #expire}
     * @return the rounds that left: this one if now complete (or LATE), and any given up meanwhile
     */
    public List<Closed<V>> offer(final Object round, final Piece<V> piece, final BitSet expected, final long epoch,
        final long nowNanos) {
        Objects.requireNonNull(piece, "piece");
        if (givenUp.contains(round)) {
            late++;
            return List.of(new Closed<>(round, Closed.Reason.LATE, List.of(piece), new BitSet()));
        }
        List<Closed<V>> out = List.of();
        Open open = pending.get(round);
        if (open == null) {
            if (pending.size() >= maxPendingRounds) {
                out = new ArrayList<>(2);
                final Iterator<Map.Entry<Object, Open>> oldest = pending.entrySet().iterator();
                final Map.Entry<Object, Open> e = oldest.next();
                oldest.remove();
                out.add(giveUp(e.getKey(), e.getValue(), Closed.Reason.EVICTED));
            }
            open = new Open(nextSeq++, epoch, nowNanos);
            pending.put(round, open);
        }
        open.expected = expected;
        if (open.pieces.overlaps(piece)) {
            duplicates++;
            return out;
        }
        open.pieces.add(piece);
        if (!open.pieces.covers(expected)) {
            return out;
        }
        pending.remove(round);
        completed++;
        out = out.isEmpty() ? new ArrayList<>(1) : out;
        overtake(round, open.seq, out); // given-up rounds first: what they hold travels ahead of this one
        out.add(new Closed<>(round, Closed.Reason.COMPLETE, open.pieces.pieces(), new BitSet()));
        return out;
    }

    /** Counts the completion against the open rounds before it; gives up the stale ones. */
    private void overtake(final Object round, final long seq, final List<Closed<V>> out) {
        final Iterator<Map.Entry<Object, Open>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            final Map.Entry<Object, Open> e = it.next();
            if (later(round, seq, e.getKey(), e.getValue().seq) && ++e.getValue().overtaken >= staleAfterRounds) {
                it.remove();
                out.add(giveUp(e.getKey(), e.getValue(), Closed.Reason.STALE));
            }
        }
    }

    /** Rounds compare by key when the keys are comparable (e.g. Long), else by when they opened here. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean later(final Object round, final long seq, final Object other, final long otherSeq) {
        if (round instanceof Comparable c && other != null && round.getClass() == other.getClass()) {
            return c.compareTo(other) > 0;
        }
        return seq > otherSeq;
    }

    /**
     * Gives up the open rounds that started under an earlier plan (their pieces may have gone along
     * the old one): a non-root task passes what it holds on at once.
     *
     * @param epoch the current plan's number
     * @return the rounds given up, reason {@link Closed.Reason#EPOCH}
     */
    public List<Closed<V>> closeEpochsBefore(final long epoch) {
        return closeIf(o -> o.epoch < epoch, Closed.Reason.EPOCH);
    }

    /**
     * @param nowNanos the current time
     * @param maxAgeNanos how long a round may stay open
     * @return the rounds open at least that long, given up, reason {@link Closed.Reason#TIMEOUT}
     */
    public List<Closed<V>> expire(final long nowNanos, final long maxAgeNanos) {
        return closeIf(o -> nowNanos - o.startedNanos >= maxAgeNanos, Closed.Reason.TIMEOUT);
    }

    private List<Closed<V>> closeIf(final Predicate<Open> stale, final Closed.Reason reason) {
        List<Closed<V>> out = List.of();
        final Iterator<Map.Entry<Object, Open>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            final Map.Entry<Object, Open> e = it.next();
            if (stale.test(e.getValue())) {
                it.remove();
                out = out.isEmpty() ? new ArrayList<>() : out;
                out.add(giveUp(e.getKey(), e.getValue(), reason));
            }
        }
        return out;
    }

    private Closed<V> giveUp(final Object round, final Open open, final Closed.Reason reason) {
        incomplete++;
        givenUp.add(round);
        if (givenUp.size() > maxPendingRounds) {
            final Iterator<Object> oldest = givenUp.iterator();
            oldest.next();
            oldest.remove();
        }
        return new Closed<>(round, reason, open.pieces.pieces(), open.pieces.missing(open.expected));
    }

    /** @return open rounds held now */
    public int pendingRounds() {
        return pending.size();
    }

    /** @return rounds completed here */
    public long completedRounds() {
        return completed;
    }

    /** @return rounds given up here (stale, evicted, plan change, timeout) */
    public long incompleteRounds() {
        return incomplete;
    }

    /** @return pieces dropped because their round already held one of their positions */
    public long duplicatePieces() {
        return duplicates;
    }

    /** @return pieces that arrived for a round given up before */
    public long latePieces() {
        return late;
    }
}
