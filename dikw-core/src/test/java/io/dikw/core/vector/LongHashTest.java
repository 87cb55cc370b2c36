package io.dikw.core.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LongHashTest {

    @Test
    void appliesFnv1aThenTheSplitMixFinalizer() {
        // Published FNV-1a 64-bit test vectors (ASCII text hashes the same over UTF-16 units).
        assertThat(LongHash.of("")).isEqualTo(LongHash.mix(0xcbf29ce484222325L));
        assertThat(LongHash.of("a")).isEqualTo(LongHash.mix(0xaf63dc4c8601ec8cL));
        assertThat(LongHash.of("foobar")).isEqualTo(LongHash.mix(0x85944171f73967e8L));
    }

    @Test
    void mixOfZeroIsZeroAndMixSpreadsSmallInputs() {
        assertThat(LongHash.mix(0)).isZero();
        final Set<Long> seen = new HashSet<>();
        for (long i = 1; i <= 10_000; i++) {
            final long m = LongHash.mix(i);
            assertThat(seen.add(m)).isTrue();
            assertThat(m).isNotEqualTo(i);
        }
    }

    @Test
    void dependsOnlyOnTheCharacters() {
        assertThat(LongHash.of(new StringBuilder("run"))).isEqualTo(LongHash.of("run"));
        assertThat(LongHash.of("run")).isEqualTo(LongHash.of("r" + "un"));
    }

    @Test
    void distinguishesCaseOrderAndNonAsciiText() {
        assertThat(LongHash.of("Run")).isNotEqualTo(LongHash.of("run"));
        assertThat(LongHash.of("ab")).isNotEqualTo(LongHash.of("ba"));
        assertThat(LongHash.of("café")).isNotEqualTo(LongHash.of("cafe"));
        assertThat(LongHash.of("日本")).isNotEqualTo(LongHash.of("本日"));
    }

    @Test
    void hasNoCollisionsAmongManyDistinctWords() {
        final Set<Long> hashes = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            hashes.add(LongHash.of("w" + i));
        }
        assertThat(hashes).hasSize(200_000);
    }
}
