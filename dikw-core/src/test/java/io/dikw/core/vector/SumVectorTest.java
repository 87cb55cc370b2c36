package io.dikw.core.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SumVectorTest {

    /** Records every listener call in order, and which of them were appearances and disappearances. */
    private static final class RecordingListener implements SumVector.KeyListener {
        private final List<Long> added = new ArrayList<>();
        private final List<Long> removed = new ArrayList<>();
        private final List<long[]> changes = new ArrayList<>();

        @Override
        public void countChanged(final long key, final long oldCount, final long newCount) {
            changes.add(new long[] {key, oldCount, newCount});
            if (oldCount == 0) {
                added.add(key);
            }
            if (newCount == 0) {
                removed.add(key);
            }
        }

        void clear() {
            added.clear();
            removed.clear();
            changes.clear();
        }
    }

    @Test
    void newSumIsEmpty() {
        final SumVector sum = new SumVector();
        assertThat(sum.isEmpty()).isTrue();
        assertThat(sum.size()).isZero();
        assertThat(sum.normSquared()).isZero();
        assertThat(sum.get(42)).isZero();
        assertThat(sum.snapshot()).isSameAs(SparseVector.EMPTY);
    }

    @Test
    void addSumsCountsAndMaintainsTheNorm() {
        final SumVector sum = new SumVector();
        sum.add(SparseVector.countsOf(new long[] {1, 1, 2}));
        sum.add(SparseVector.countsOf(new long[] {2, 3}));
        assertThat(sum.get(1)).isEqualTo(2);
        assertThat(sum.get(2)).isEqualTo(2);
        assertThat(sum.get(3)).isEqualTo(1);
        assertThat(sum.size()).isEqualTo(3);
        assertThat(sum.normSquared()).isEqualTo(4 + 4 + 1);
    }

    @Test
    void subtractUndoesAddExactly() {
        final SumVector sum = new SumVector();
        final SparseVector a = SparseVector.countsOf(new long[] {1, 1, 2});
        final SparseVector b = SparseVector.countsOf(new long[] {2, 3, 3, 3});
        sum.add(a);
        sum.add(b);
        sum.subtract(a);
        assertThat(sum.snapshot()).isEqualTo(b);
        assertThat(sum.normSquared()).isEqualTo(b.normSquared());
        assertThat(sum.get(1)).isZero();
        sum.subtract(b);
        assertThat(sum.isEmpty()).isTrue();
        assertThat(sum.normSquared()).isZero();
    }

    @Test
    void subtractingWhatWasNeverAddedThrowsIllegalStateException() {
        final SumVector sum = new SumVector();
        sum.add(SparseVector.countsOf(new long[] {1}));
        assertThatThrownBy(() -> sum.subtract(SparseVector.countsOf(new long[] {1, 1})))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("negative").hasMessageContaining("key=1").hasMessageContaining("count=1")
            .hasMessageContaining("delta=-2");
        assertThatThrownBy(() -> sum.subtract(SparseVector.countsOf(new long[] {5})))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("key=5");
    }

    @Test
    void negativeAddCountLeavesTheSumUnchanged() {
        final RecordingListener listener = new RecordingListener();
        final SumVector sum = new SumVector(listener);
        sum.addCount(7, 3);
        listener.clear();
        assertThatThrownBy(() -> sum.addCount(7, -4)).isInstanceOf(IllegalStateException.class);
        assertThat(sum.get(7)).isEqualTo(3);
        assertThat(sum.normSquared()).isEqualTo(9);
        assertThat(listener.added).isEmpty();
        assertThat(listener.removed).isEmpty();
    }

    @Test
    void addCountOfZeroOnAnAbsentKeyChangesNothing() {
        final RecordingListener listener = new RecordingListener();
        final SumVector sum = new SumVector(listener);
        sum.addCount(9, 0);
        assertThat(sum.isEmpty()).isTrue();
        assertThat(listener.added).isEmpty();
        assertThat(listener.removed).isEmpty();
    }

    @Test
    void listenerHearsKeysAppearAndDisappearOnce() {
        final RecordingListener listener = new RecordingListener();
        final SumVector sum = new SumVector(listener);
        sum.addCount(1, 2);
        sum.addCount(1, 3);
        sum.addCount(2, 1);
        assertThat(listener.added).containsExactly(1L, 2L);
        sum.addCount(1, -4);
        assertThat(listener.removed).isEmpty();
        sum.addCount(1, -1);
        assertThat(listener.removed).containsExactly(1L);
        sum.addCount(1, 1);
        assertThat(listener.added).containsExactly(1L, 2L, 1L);
    }

    @Test
    void listenerHearsEveryCountChangeWithOldAndNewCounts() {
        final RecordingListener listener = new RecordingListener();
        final SumVector sum = new SumVector(listener);
        sum.add(SparseVector.countsOf(new long[] {1, 1, 2}));
        sum.addCount(1, 3);
        sum.addCount(2, 0);
        sum.subtract(SparseVector.countsOf(new long[] {1, 2}));
        assertThat(listener.changes).containsExactly(
            new long[] {1, 0, 2}, new long[] {2, 0, 1}, new long[] {1, 2, 5}, new long[] {1, 5, 4},
            new long[] {2, 1, 0});
    }

    @Test
    void addAllAddsAnotherSum() {
        final SumVector a = new SumVector();
        a.add(SparseVector.countsOf(new long[] {1, 2, 2}));
        final SumVector b = new SumVector();
        b.add(SparseVector.countsOf(new long[] {2, 3}));
        a.addAll(b);
        assertThat(a.snapshot()).isEqualTo(SparseVector.of(new long[] {1, 2, 3}, new long[] {1, 3, 1}));
        assertThat(a.normSquared()).isEqualTo(1 + 9 + 1);
        assertThat(b.snapshot()).isEqualTo(SparseVector.of(new long[] {2, 3}, new long[] {1, 1}));
    }

    @Test
    void dotWalksTheSparseSide() {
        final SumVector sum = new SumVector();
        sum.add(SparseVector.countsOf(new long[] {1, 1, 2, 3}));
        final SparseVector v = SparseVector.countsOf(new long[] {1, 3, 3, 4});
        assertThat(sum.dot(v)).isEqualTo(2 * 1 + 1 * 2);
        assertThat(sum.dot(SparseVector.EMPTY)).isZero();
        assertThat(new SumVector().dot(v)).isZero();
    }

    @Test
    void snapshotIsSortedAndIndependentOfLaterChanges() {
        final SumVector sum = new SumVector();
        sum.add(SparseVector.countsOf(new long[] {50, -7, 3, 3}));
        final SparseVector snap = sum.snapshot();
        assertThat(snap).isEqualTo(SparseVector.of(new long[] {-7, 3, 50}, new long[] {1, 2, 1}));
        sum.addCount(3, 10);
        sum.addCount(99, 1);
        assertThat(snap.get(3)).isEqualTo(2);
        assertThat(snap.get(99)).isZero();
    }

    @Test
    void forEachVisitsEveryPositiveEntry() {
        final SumVector sum = new SumVector();
        sum.add(SparseVector.countsOf(new long[] {4, 4, 8}));
        sum.addCount(8, -1);
        final Map<Long, Long> seen = new HashMap<>();
        sum.forEach((k, c) -> seen.put(k, c));
        assertThat(seen).containsExactly(Map.entry(4L, 2L));
    }

    @Property(tries = 300)
    void randomAddsAndSubtractsKeepTheNormExactAndListenerInStep(
        @ForAll @Size(min = 1, max = 30) final List<@Size(max = 8) List<@LongRange(min = -6, max = 6) Long>> points,
        @ForAll final Random random) {
        final RecordingListener listener = new RecordingListener();
        final SumVector sum = new SumVector(listener);
        final Map<Long, Long> naive = new HashMap<>();
        final List<SparseVector> members = new ArrayList<>();
        int next = 0;
        while (next < points.size() || !members.isEmpty()) {
            final boolean add = next < points.size() && (members.isEmpty() || random.nextInt(3) > 0);
            final Set<Long> before = new HashSet<>(naive.keySet());
            final Map<Long, Long> countsBefore = new HashMap<>(naive);
            listener.clear();
            if (add) {
                final SparseVector v = SparseVector.countsOf(
                    points.get(next++).stream().mapToLong(Long::longValue).toArray());
                sum.add(v);
                members.add(v);
                v.forEach((k, c) -> naive.merge(k, c, Long::sum));
            } else {
                final SparseVector v = members.remove(random.nextInt(members.size()));
                sum.subtract(v);
                v.forEach((k, c) -> {
                    final long left = naive.get(k) - c;
                    if (left == 0) {
                        naive.remove(k);
                    } else {
                        naive.put(k, left);
                    }
                });
            }
            final List<long[]> expectedChanges = new ArrayList<>();
            for (final Long k : union(countsBefore.keySet(), naive.keySet())) {
                final long was = countsBefore.getOrDefault(k, 0L);
                final long is = naive.getOrDefault(k, 0L);
                if (was != is) {
                    expectedChanges.add(new long[] {k, was, is});
                }
            }
            assertThat(listener.changes).containsExactlyInAnyOrderElementsOf(expectedChanges);
            final Set<Long> appeared = new HashSet<>(naive.keySet());
            appeared.removeAll(before);
            final Set<Long> vanished = new HashSet<>(before);
            vanished.removeAll(naive.keySet());
            assertThat(listener.added).containsExactlyInAnyOrderElementsOf(appeared);
            assertThat(listener.removed).containsExactlyInAnyOrderElementsOf(vanished);

            assertThat(sum.normSquared()).isEqualTo(recomputedNorm(sum)).isEqualTo(naiveNorm(naive));
            assertThat(sum.size()).isEqualTo(naive.size());
            for (final Map.Entry<Long, Long> e : naive.entrySet()) {
                assertThat(sum.get(e.getKey())).isEqualTo(e.getValue());
            }
        }
        assertThat(sum.isEmpty()).isTrue();
        assertThat(sum.size()).isZero();
        assertThat(sum.normSquared()).isZero();
        assertThat(sum.snapshot()).isEqualTo(SparseVector.EMPTY);
    }

    @Property(tries = 200)
    void dotMatchesANaiveComputation(
        @ForAll @Size(max = 30) final List<@LongRange(min = -10, max = 10) Long> sumKeys,
        @ForAll @Size(max = 30) final List<@LongRange(min = -10, max = 10) Long> pointKeys) {
        final SumVector sum = new SumVector();
        sum.add(SparseVector.countsOf(sumKeys.stream().mapToLong(Long::longValue).toArray()));
        final SparseVector point = SparseVector.countsOf(pointKeys.stream().mapToLong(Long::longValue).toArray());
        long expected = 0;
        for (final long a : sumKeys) {
            for (final long b : pointKeys) {
                if (a == b) {
                    expected++;
                }
            }
        }
        assertThat(sum.dot(point)).isEqualTo(expected);
        assertThat(sum.snapshot()).isEqualTo(
            SparseVector.countsOf(sumKeys.stream().mapToLong(Long::longValue).toArray()));
    }

    private static Set<Long> union(final Set<Long> a, final Set<Long> b) {
        final Set<Long> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }

    private static long recomputedNorm(final SumVector sum) {
        final long[] norm = {0};
        sum.forEach((k, c) -> norm[0] += c * c);
        return norm[0];
    }

    private static long naiveNorm(final Map<Long, Long> naive) {
        long norm = 0;
        for (final long c : naive.values()) {
            norm += c * c;
        }
        return norm;
    }
}
