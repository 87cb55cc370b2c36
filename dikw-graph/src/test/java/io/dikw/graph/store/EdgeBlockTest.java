package io.dikw.graph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class EdgeBlockTest {

    /** Galloping from any start finds the same slot as a linear scan of the sorted prefix. */
    @Property(tries = 300)
    void lowerBoundEqualsALinearScan(@ForAll @IntRange(min = 0, max = 300) final int edges,
        @ForAll final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final TreeSet<Long> keys = new TreeSet<>();
        while (keys.size() < edges) {
            keys.add(EdgeBlock.key(random.nextInt(0, 5_000), random.nextInt(0, 3)));
        }
        final long[] block = new long[Math.max(edges, 1) * EdgeBlock.LONGS_PER_EDGE];
        int slot = 0;
        for (final long key : keys) {
            EdgeBlock.write(block, slot++, (int) (key >>> 16), (int) (key & 0xFFFF), 1, 0, 0);
        }
        for (int probe = 0; probe < 50; probe++) {
            final long key = EdgeBlock.key(random.nextInt(0, 5_001), random.nextInt(0, 3));
            int expected = 0;
            while (expected < edges && EdgeBlock.key(block, expected) < key) {
                expected++;
            }
            final int from = random.nextInt(0, expected + 1); // any start not past the answer
            assertThat(EdgeBlock.lowerBound(block, from, edges, key)).isEqualTo(expected);
        }
    }
}
