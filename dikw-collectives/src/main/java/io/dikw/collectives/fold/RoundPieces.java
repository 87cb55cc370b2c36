package io.dikw.collectives.fold;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pieces of one round held by one task. With a non-commutative combine, pieces are kept by
 * position and two pieces are combined as soon as they are adjacent (the earlier one on the left),
 * so the pieces held are the maximal runs received; with a commutative one every piece is combined
 * into one on arrival.
 *
 * @param <V> the combined value
 */
final class RoundPieces<V> {
    private final Combiner<V> combiner;
    private final TreeMap<Integer, Piece<V>> byFirst = new TreeMap<>();
    private final BitSet covered = new BitSet();

    RoundPieces(final Combiner<V> combiner) {
        this.combiner = combiner;
    }

    /** @return whether the piece covers a position already held */
    boolean overlaps(final Piece<V> piece) {
        return piece.overlaps(covered);
    }

    /**
     * @param piece a piece that does not overlap those held
     * @throws IllegalArgumentException for a non-contiguous piece with a non-commutative combine
     */
    void add(final Piece<V> piece) {
        if (combiner.commutative()) {
            if (byFirst.isEmpty()) {
                byFirst.put(piece.first(), piece);
            } else {
                final Piece<V> held = byFirst.pollFirstEntry().getValue();
                final Piece<V> both = Piece.union(held, piece, combiner.combine(held.value(), piece.value()));
                byFirst.put(both.first(), both);
            }
            piece.addTo(covered);
            return;
        }
        if (!piece.contiguous()) {
            throw new IllegalArgumentException("a partial of a non-commutative combine must cover one run of "
                + "positions, got " + piece.runs());
        }
        Piece<V> merged = piece;
        final Map.Entry<Integer, Piece<V>> before = byFirst.lowerEntry(merged.first());
        if (before != null && before.getValue().end() == merged.first()) {
            byFirst.remove(before.getKey());
            merged = Piece.union(before.getValue(), merged, combiner.combine(before.getValue().value(), merged.value()));
        }
        final Piece<V> after = byFirst.remove(merged.end());
        if (after != null) {
            merged = Piece.union(merged, after, combiner.combine(merged.value(), after.value()));
        }
        byFirst.put(merged.first(), merged);
        piece.addTo(covered);
    }

    /** @return the positions of {@code expected} not held yet */
    BitSet missing(final BitSet expected) {
        final BitSet m = (BitSet) expected.clone();
        m.andNot(covered);
        return m;
    }

    /** @return whether every position of {@code expected} is held */
    boolean covers(final BitSet expected) {
        return missing(expected).isEmpty();
    }

    /** @return the pieces held, by position */
    List<Piece<V>> pieces() {
        return new ArrayList<>(byFirst.values());
    }
}
