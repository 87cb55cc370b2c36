package io.dikw.collectives.fold;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * A partial result of one round and the contributor positions it covers (positions are indexes
 * into the contributors sorted by task id). With a non-commutative combine a piece always covers
 * one contiguous run of positions; with a commutative one it may cover any set. Immutable.
 *
 * @param <V> the combined value
 */
public final class Piece<V> {
    private final BitSet covers;
    private final V value;

    private Piece(final BitSet covers, final V value) {
        this.covers = covers;
        this.value = Objects.requireNonNull(value, "value");
        if (covers.isEmpty()) {
            throw new IllegalArgumentException("a piece covers at least one position");
        }
    }

    /**
     * @param position the contributor's position
     * @param value its contribution
     * @param <V> the combined value
     * @return a piece covering that one position
     */
    public static <V> Piece<V> of(final int position, final V value) {
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative: " + position);
        }
        final BitSet b = new BitSet(position + 1);
        b.set(position);
        return new Piece<>(b, value);
    }

    /**
     * @param runs the covered positions as [from, to) pairs: from0, to0, from1, to1, ... (as {@link #runs()})
     * @param value the partial result
     * @param <V> the combined value
     * @return the piece
     * @throws IllegalArgumentException for an odd count, an empty or negative run
     */
    public static <V> Piece<V> ofRuns(final List<Integer> runs, final V value) {
        if (runs.size() % 2 != 0 || runs.isEmpty()) {
            throw new IllegalArgumentException("runs must be non-empty [from, to) pairs: " + runs);
        }
        final BitSet b = new BitSet();
        for (int i = 0; i < runs.size(); i += 2) {
            final int from = runs.get(i);
            final int to = runs.get(i + 1);
            if (from < 0 || to <= from) {
                throw new IllegalArgumentException("bad run [" + from + ", " + to + ") in " + runs);
            }
            b.set(from, to);
        }
        return new Piece<>(b, value);
    }

    static <V> Piece<V> union(final Piece<V> a, final Piece<V> b, final V value) {
        final BitSet u = (BitSet) a.covers.clone();
        u.or(b.covers);
        return new Piece<>(u, value);
    }

    /** @return the partial result */
    public V value() {
        return value;
    }

    /** @return the positions covered (a copy) */
    public BitSet covers() {
        return (BitSet) covers.clone();
    }

    /** @return the covered positions as [from, to) pairs, ascending: from0, to0, from1, to1, ... */
    public List<Integer> runs() {
        final List<Integer> runs = new ArrayList<>(2);
        for (int from = covers.nextSetBit(0); from >= 0; from = covers.nextSetBit(covers.nextClearBit(from))) {
            runs.add(from);
            runs.add(covers.nextClearBit(from));
        }
        return runs;
    }

    /** @return the lowest covered position */
    public int first() {
        return covers.nextSetBit(0);
    }

    /** @return one past the highest covered position */
    public int end() {
        return covers.length();
    }

    /** @return whether the covered positions form one run */
    public boolean contiguous() {
        return covers.nextClearBit(first()) == end();
    }

    boolean overlaps(final BitSet other) {
        return covers.intersects(other);
    }

    void addTo(final BitSet into) {
        into.or(covers);
    }

    @Override
    public String toString() {
        return covers + "=" + value;
    }
}
