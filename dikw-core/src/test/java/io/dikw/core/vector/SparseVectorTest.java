package io.dikw.core.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SparseVectorTest {

    @Test
    void countsOfCountsRepeatedKeysInAnyOrder() {
        final SparseVector v = SparseVector.countsOf(new long[] {7, -3, 7, 100, 7, -3});
        assertThat(v.size()).isEqualTo(3);
        assertThat(keys(v)).containsExactly(-3L, 7L, 100L);
        assertThat(values(v)).containsExactly(2L, 3L, 1L);
        assertThat(v.get(7)).isEqualTo(3);
        assertThat(v.get(-3)).isEqualTo(2);
        assertThat(v.get(100)).isEqualTo(1);
        assertThat(v.get(8)).isZero();
        assertThat(v.normSquared()).isEqualTo(4 + 9 + 1);
        assertThat(v.total()).isEqualTo(6);
    }

    @Test
    void setOfKeepsOnePerDistinctKey() {
        final SparseVector v = SparseVector.setOf(new long[] {5, 5, 5, 1, 9, 1});
        assertThat(keys(v)).containsExactly(1L, 5L, 9L);
        assertThat(values(v)).containsExactly(1L, 1L, 1L);
        assertThat(v.normSquared()).isEqualTo(3);
        assertThat(v.total()).isEqualTo(3);
    }

    @Test
    void countsOfDoesNotModifyItsInput() {
        final long[] keys = {3, 1, 2, 1};
        SparseVector.countsOf(keys);
        SparseVector.setOf(keys);
        assertThat(keys).containsExactly(3, 1, 2, 1);
    }

    @Test
    void countsOfHandlesExtremeKeys() {
        final SparseVector v = SparseVector.countsOf(new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0, Long.MIN_VALUE});
        assertThat(keys(v)).containsExactly(Long.MIN_VALUE, 0L, Long.MAX_VALUE);
        assertThat(values(v)).containsExactly(2L, 1L, 1L);
    }

    @Test
    void emptyOccurrencesGiveTheEmptyVector() {
        assertThat(SparseVector.countsOf(new long[0])).isSameAs(SparseVector.EMPTY);
        assertThat(SparseVector.setOf(new long[0])).isSameAs(SparseVector.EMPTY);
        assertThat(SparseVector.fromOccurrences(new long[] {1, 2}, 0, false)).isSameAs(SparseVector.EMPTY);
        assertThat(SparseVector.EMPTY.isEmpty()).isTrue();
        assertThat(SparseVector.EMPTY.size()).isZero();
        assertThat(SparseVector.EMPTY.normSquared()).isZero();
        assertThat(SparseVector.EMPTY.total()).isZero();
        assertThat(SparseVector.EMPTY.get(0)).isZero();
    }

    @Test
    void fromOccurrencesUsesOnlyThePrefix() {
        final long[] keys = {4, 4, 2, 9, 9, 9};
        assertThat(SparseVector.fromOccurrences(keys, 3, false))
            .isEqualTo(SparseVector.of(new long[] {2, 4}, new long[] {1, 2}));
        assertThat(SparseVector.fromOccurrences(keys, 3, true))
            .isEqualTo(SparseVector.of(new long[] {2, 4}, new long[] {1, 1}));
    }

    @Test
    void fromOccurrencesRejectsALengthOutsideTheArray() {
        assertThatThrownBy(() -> SparseVector.fromOccurrences(new long[] {1, 2}, 3, false))
            .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> SparseVector.fromOccurrences(new long[] {1, 2}, -1, false))
            .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void ofBuildsFromSortedPositiveEntries() {
        final SparseVector v = SparseVector.of(new long[] {-1, 4, 10}, new long[] {2, 1, 5});
        assertThat(v.size()).isEqualTo(3);
        assertThat(v.keyAt(0)).isEqualTo(-1);
        assertThat(v.valueAt(2)).isEqualTo(5);
        assertThat(v.normSquared()).isEqualTo(4 + 1 + 25);
        assertThat(v.total()).isEqualTo(8);
    }

    @Test
    void ofWithNoEntriesIsTheEmptyVector() {
        assertThat(SparseVector.of(new long[0], new long[0])).isSameAs(SparseVector.EMPTY);
    }

    @Test
    void ofCopiesItsArrays() {
        final long[] keys = {1, 2};
        final long[] values = {3, 4};
        final SparseVector v = SparseVector.of(keys, values);
        keys[0] = 99;
        values[0] = 99;
        assertThat(v.keyAt(0)).isEqualTo(1);
        assertThat(v.valueAt(0)).isEqualTo(3);
    }

    @Test
    void ofRejectsArraysOfDifferentLengths() {
        assertThatThrownBy(() -> SparseVector.of(new long[] {1, 2}, new long[] {1}))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("keys=2").hasMessageContaining("values=1");
    }

    @Test
    void ofRejectsZeroOrNegativeValues() {
        assertThatThrownBy(() -> SparseVector.of(new long[] {1, 2}, new long[] {1, 0}))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("index=1").hasMessageContaining("value=0");
        assertThatThrownBy(() -> SparseVector.of(new long[] {1}, new long[] {-4}))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("value=-4");
    }

    @Test
    void ofRejectsUnsortedOrDuplicateKeys() {
        assertThatThrownBy(() -> SparseVector.of(new long[] {2, 1}, new long[] {1, 1}))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("increase strictly").hasMessageContaining("index=1");
        assertThatThrownBy(() -> SparseVector.of(new long[] {1, 1}, new long[] {1, 1}))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("increase strictly");
    }

    @Test
    void forEachVisitsEntriesInKeyOrder() {
        final SparseVector v = SparseVector.countsOf(new long[] {30, 10, 20, 10});
        final List<long[]> seen = new ArrayList<>();
        v.forEach((k, c) -> seen.add(new long[] {k, c}));
        assertThat(seen).containsExactly(new long[] {10, 2}, new long[] {20, 1}, new long[] {30, 1});
    }

    @Test
    void equalVectorsHaveEqualHashCodes() {
        final SparseVector a = SparseVector.countsOf(new long[] {3, 1, 3});
        final SparseVector b = SparseVector.of(new long[] {1, 3}, new long[] {1, 2});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(SparseVector.setOf(new long[] {3, 1}));
        assertThat(a).isNotEqualTo("{1=1, 3=2}");
    }

    @Test
    void toStringListsEntriesAndAbbreviatesLongVectors() {
        assertThat(SparseVector.countsOf(new long[] {3, 1, 3}).toString()).isEqualTo("{1=1, 3=2}");
        assertThat(SparseVector.EMPTY.toString()).isEqualTo("{}");
        final long[] many = new long[20];
        for (int i = 0; i < many.length; i++) {
            many[i] = i;
        }
        assertThat(SparseVector.setOf(many).toString()).startsWith("{0=1, 1=1").endsWith("15=1, …}");
    }

    @Property(tries = 200)
    void countsOfMatchesANaiveCount(@ForAll @Size(max = 60) final List<@LongRange(min = -20, max = 20) Long> keys) {
        final long[] arr = keys.stream().mapToLong(Long::longValue).toArray();
        final Map<Long, Long> expected = new TreeMap<>();
        for (final long k : arr) {
            expected.merge(k, 1L, Long::sum);
        }
        final SparseVector counts = SparseVector.countsOf(arr);
        final SparseVector set = SparseVector.setOf(arr);
        assertThat(counts.size()).isEqualTo(expected.size());
        assertThat(set.size()).isEqualTo(expected.size());
        long norm = 0;
        int i = 0;
        for (final Map.Entry<Long, Long> e : expected.entrySet()) {
            assertThat(counts.keyAt(i)).isEqualTo(e.getKey());
            assertThat(counts.valueAt(i)).isEqualTo(e.getValue());
            assertThat(set.keyAt(i)).isEqualTo(e.getKey());
            assertThat(set.valueAt(i)).isEqualTo(1);
            norm += e.getValue() * e.getValue();
            i++;
        }
        assertThat(counts.normSquared()).isEqualTo(norm);
        assertThat(counts.total()).isEqualTo(arr.length);
        assertThat(set.normSquared()).isEqualTo(expected.size());
    }

    private static List<Long> keys(final SparseVector v) {
        final List<Long> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(v.keyAt(i));
        }
        return out;
    }

    private static List<Long> values(final SparseVector v) {
        final List<Long> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(v.valueAt(i));
        }
        return out;
    }
}
