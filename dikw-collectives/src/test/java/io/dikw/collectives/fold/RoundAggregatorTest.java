package io.dikw.collectives.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundAggregatorTest {
    private static final Combiner<String> CONCAT = (a, b) -> a + b;

    private static BitSet positions(final int from, final int to) {
        final BitSet b = new BitSet();
        b.set(from, to);
        return b;
    }

    private static RoundAggregator<String> aggregator(final Combiner<String> c, final int maxPending, final int stale) {
        return new RoundAggregator<>(c, maxPending, stale);
    }

    /** @return the one round in {@code out}, checked to be {@code round} given up for {@code reason} */
    private static Closed<String> gaveUp(final List<Closed<String>> out, final Object round, final Closed.Reason reason,
        final BitSet missing) {
        assertThat(out).hasSize(1);
        final Closed<String> c = out.get(0);
        assertThat(c.round()).isEqualTo(round);
        assertThat(c.reason()).isEqualTo(reason);
        assertThat(c.missing()).isEqualTo(missing);
        return c;
    }

    @Test
    void piecesArrivingOutOfOrderCombineInPositionOrder() {
        final RoundAggregator<String> agg = aggregator(CONCAT, 8, 8);
        final BitSet all = positions(0, 4);
        assertThat(agg.offer("r", Piece.of(3, "d"), all, 0, 0)).isEmpty();
        assertThat(agg.offer("r", Piece.of(1, "b"), all, 0, 0)).isEmpty();
        assertThat(agg.offer("r", Piece.of(0, "a"), all, 0, 0)).isEmpty();
        final List<Closed<String>> done = agg.offer("r", Piece.of(2, "c"), all, 0, 0);
        assertThat(done).singleElement().satisfies(c -> {
            assertThat(c.reason()).isEqualTo(Closed.Reason.COMPLETE);
            assertThat(c.pieces()).singleElement().satisfies(p -> {
                assertThat(p.value()).isEqualTo("abcd");
                assertThat(p.runs()).containsExactly(0, 4);
            });
        });
        assertThat(agg.pendingRounds()).isZero();
    }

    @Test
    void aSubtreeThatIsNotOneRunGoesUpAsItsRuns() {
        final RoundAggregator<String> agg = aggregator(CONCAT, 8, 8);
        final BitSet mine = new BitSet();
        mine.set(1);
        mine.set(2);
        mine.set(5);
        agg.offer("r", Piece.of(5, "f"), mine, 0, 0);
        agg.offer("r", Piece.of(2, "c"), mine, 0, 0);
        final Closed<String> c = agg.offer("r", Piece.of(1, "b"), mine, 0, 0).get(0);
        assertThat(c.pieces()).extracting(Piece::value).containsExactly("bc", "f");
        assertThat(c.pieces()).extracting(Piece::runs).containsExactly(List.of(1, 3), List.of(5, 6));
    }

    @Test
    void aCommutativeCombineTakesEveryPieceIntoOne() {
        final RoundAggregator<String> agg = aggregator(Combiner.commutative(CONCAT), 8, 8);
        final BitSet mine = new BitSet();
        mine.set(1);
        mine.set(5);
        agg.offer("r", Piece.of(5, "f"), mine, 0, 0);
        final Closed<String> c = agg.offer("r", Piece.of(1, "b"), mine, 0, 0).get(0);
        assertThat(c.pieces()).singleElement().satisfies(p -> {
            assertThat(p.value()).isEqualTo("fb");
            assertThat(p.runs()).containsExactly(1, 2, 5, 6);
        });
    }

    @Test
    void aRoundMissingAPartialIsGivenUpOnceLaterRoundsCompleteAndItsLatePieceIsFlagged() {
        final RoundAggregator<String> agg = aggregator(CONCAT, 8, 2);
        final BitSet all = positions(0, 3);
        agg.offer(0, Piece.of(0, "a"), all, 0, 0);
        agg.offer(0, Piece.of(2, "c"), all, 0, 0); // position 1 never comes for round 0
        for (final int p : new int[] {0, 1, 2}) {
            assertThat(agg.offer(1, Piece.of(p, "x"), all, 0, 0)).allMatch(c -> c.round().equals(1));
        }
        assertThat(agg.pendingRounds()).isEqualTo(1);
        agg.offer(2, Piece.of(0, "x"), all, 0, 0);
        agg.offer(2, Piece.of(1, "x"), all, 0, 0);
        final List<Closed<String>> out = agg.offer(2, Piece.of(2, "x"), all, 0, 0);
        assertThat(out).extracting(Closed::round).as("what was given up travels first").containsExactly(0, 2);
        final Closed<String> gaveUp = out.get(0);
        assertThat(gaveUp.reason()).isEqualTo(Closed.Reason.STALE);
        assertThat(gaveUp.missing()).isEqualTo(positions(1, 2));
        assertThat(gaveUp.pieces()).extracting(Piece::value).containsExactly("a", "c");
        assertThat(agg.incompleteRounds()).isEqualTo(1);
        assertThat(agg.completedRounds()).isEqualTo(2);

        final List<Closed<String>> late = agg.offer(0, Piece.of(1, "b"), all, 0, 0);
        assertThat(late).singleElement().satisfies(c -> assertThat(c.reason()).isEqualTo(Closed.Reason.LATE));
        assertThat(agg.latePieces()).isEqualTo(1);
        assertThat(agg.pendingRounds()).as("a late piece does not open the round again").isZero();
    }

    @Test
    void comparableRoundsAreOrderedByKeyNotByWhenTheyOpened() {
        final RoundAggregator<String> agg = aggregator(CONCAT, 8, 1);
        final BitSet all = positions(0, 2);
        agg.offer(6L, Piece.of(0, "x"), all, 0, 0); // round 6 opens first here
        agg.offer(5L, Piece.of(1, "y"), all, 0, 0); // round 5, whose position 0 never comes
        assertThat(agg.offer(6L, Piece.of(1, "x"), all, 0, 0)).extracting(Closed::round, Closed::reason)
            .containsExactly(tuple(5L, Closed.Reason.STALE),
                tuple(6L, Closed.Reason.COMPLETE));
    }

    @Test
    void roundsWithoutAnOrderAreOrderedByWhenTheyOpened() {
        final RoundAggregator<String> agg = aggregator(CONCAT, 8, 1);
        final BitSet all = positions(0, 2);
        agg.offer(List.of("b"), Piece.of(0, "x"), all, 0, 0);
        agg.offer(List.of("a"), Piece.of(1, "y"), all, 0, 0);
        assertThat(agg.offer(List.of("b"), Piece.of(1, "x"), all, 0, 0)).extracting(Closed::reason)
            .containsExactly(Closed.Reason.COMPLETE);
        assertThat(agg.pendingRounds()).isEqualTo(1);
    }

    @Test
    void aPlanChangeGivesUpTheRoundsOpenUnderTheOldPlanOnly() {
        final RoundAggregator<String> agg = aggregator(CONCAT, 8, 8);
        final BitSet old = positions(0, 3);
        agg.offer("r0", Piece.of(0, "a"), old, 0, 0);
        agg.offer("r1", Piece.of(0, "a"), old, 1, 0);
        final Closed<String> old0 = gaveUp(agg.closeEpochsBefore(1), "r0", Closed.Reason.EPOCH, positions(1, 3));
        assertThat(old0.pieces()).extracting(Piece::value).containsExactly("a");
        assertThat(agg.pendingRounds()).isEqualTo(1);
        assertThat(agg.offer("r1", Piece.of(1, "b"), positions(0, 2), 1, 0)).singleElement()
            .satisfies(c -> assertThat(c.pieces().get(0).value()).isEqualTo("ab"));
    }

    @Test
    void theOldestOpenRoundGoesWhenTooManyAreOpen() {
        final RoundAggregator<String> agg = aggregator(CONCAT, 2, 8);
        final BitSet all = positions(0, 2);
        agg.offer("a", Piece.of(0, "x"), all, 0, 0);
        agg.offer("b", Piece.of(0, "x"), all, 0, 0);
        gaveUp(agg.offer("c", Piece.of(1, "y"), all, 0, 0), "a", Closed.Reason.EVICTED, positions(1, 2));
        assertThat(agg.pendingRounds()).isEqualTo(2);
    }

    @Test
    void roundsOpenLongerThanTheTimeoutAreGivenUp() {
        final RoundAggregator<String> agg = aggregator(CONCAT, 8, 8);
        final BitSet all = positions(0, 2);
        agg.offer("early", Piece.of(0, "x"), all, 0, 100);
        agg.offer("later", Piece.of(0, "x"), all, 0, 150);
        assertThat(agg.expire(199, 100)).isEmpty();
        gaveUp(agg.expire(200, 100), "early", Closed.Reason.TIMEOUT, positions(1, 2));
    }

    @Test
    void aPieceRepeatingAHeldPositionIsDroppedAndCounted() {
        final RoundAggregator<String> agg = aggregator(CONCAT, 8, 8);
        final BitSet all = positions(0, 2);
        agg.offer("r", Piece.of(0, "a"), all, 0, 0);
        assertThat(agg.offer("r", Piece.of(0, "again"), all, 0, 0)).isEmpty();
        assertThat(agg.duplicatePieces()).isEqualTo(1);
        assertThat(agg.offer("r", Piece.of(1, "b"), all, 0, 0).get(0).pieces().get(0).value()).isEqualTo("ab");
    }

    @Test
    void anOrderedCombineRejectsAPieceCoveringSeveralRuns() {
        final RoundAggregator<String> agg = aggregator(CONCAT, 8, 8);
        assertThatThrownBy(() -> agg.offer("r", Piece.ofRuns(List.of(0, 1, 2, 3), "x"), positions(0, 4), 0, 0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one run");
    }

    @Test
    void piecesSurviveTheirWireForm() {
        final Piece<String> p = Piece.ofRuns(List.of(0, 2, 5, 9), "v");
        assertThat(p.runs()).containsExactly(0, 2, 5, 9);
        assertThat(p.contiguous()).isFalse();
        assertThat(Piece.ofRuns(p.runs(), "v").covers()).isEqualTo(p.covers());
        assertThatThrownBy(() -> Piece.ofRuns(List.of(3, 3), "v")).isInstanceOf(IllegalArgumentException.class);
    }
}
