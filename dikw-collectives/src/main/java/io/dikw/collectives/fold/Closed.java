package io.dikw.collectives.fold;

import java.util.BitSet;
import java.util.List;

/**
 * What a {@link RoundAggregator} hands back when a round leaves it: complete, given up, or a piece
 * that arrived after the round was given up.
 *
 * @param round the round's key
 * @param reason why it left
 * @param pieces what the task held for it, by position (one piece covering everything expected
 *     when complete with a non-commutative combine and a contiguous expectation)
 * @param missing the expected positions that never arrived (empty when complete)
 * @param <V> the combined value
 */
public record Closed<V>(Object round, Reason reason, List<Piece<V>> pieces, BitSet missing) {

    /** Why a round left the aggregator. */
    public enum Reason {
        /** every expected position arrived */
        COMPLETE,
        /** {@code staleAfterRounds} rounds that started after it completed first */
        STALE,
        /** more than {@code maxPendingRounds} rounds were open: the oldest went */
        EVICTED,
        /** the plan changed while it was open (see {@link RoundAggregator#closeEpochsBefore}) */
        EPOCH,
        /** open longer than the timeout (see {@link RoundAggregator#expire}) */
        TIMEOUT,
        /** a piece for a round given up before */
        LATE
    }

    /** @return whether the round had everything it expected */
    public boolean complete() {
        return reason == Reason.COMPLETE;
    }
}
