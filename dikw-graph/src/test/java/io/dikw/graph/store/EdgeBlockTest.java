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
            EdgeBlock.write(block, slot++, EdgeBlock.destinationOf(key), EdgeBlock.typeOf(key), 1, 0, 0);
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

    /** The key mix is a bijection: destination and type come back from any key. */
    @Property(tries = 1000)
    void keysGiveBackDestinationAndType(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) final int destination,
        @ForAll @IntRange(min = 0, max = EdgeBlock.MAX_TYPE) final int type) {
        final long key = EdgeBlock.key(destination, type);
        assertThat(key).isBetween(0L, (1L << 47) - 1);
        assertThat(EdgeBlock.destinationOf(key)).isEqualTo(destination);
        assertThat(EdgeBlock.typeOf(key)).isEqualTo(type);
    }

    /**
     * Interpolation finds the same slot as a linear scan, also when the keys are far from evenly
     * spread (a block whose keys all sit below or above the probe's guess).
     */
    @Property(tries = 300)
    void locateEqualsALinearScan(@ForAll @IntRange(min = 1, max = 400) final int edges, @ForAll final long seed,
        @ForAll final boolean skewed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final TreeSet<Long> keys = new TreeSet<>();
        while (keys.size() < edges) {
            final long key = EdgeBlock.key(random.nextInt(0, 100_000), random.nextInt(0, 3));
            if (!skewed || key < 1L << 40 || key > (1L << 47) - (1L << 40)) {
                keys.add(key);
            }
        }
        final long[] block = EdgeBlock.allocate(edges);
        int slot = 0;
        for (final long key : keys) {
            EdgeBlock.write(block, slot++, EdgeBlock.destinationOf(key), EdgeBlock.typeOf(key), 1, 0, 0);
        }
        for (int probe = 0; probe < 100; probe++) {
            final long key = probe % 3 == 0 ? EdgeBlock.key(block, random.nextInt(0, edges))
                : EdgeBlock.key(random.nextInt(0, 100_001), random.nextInt(0, 3));
            int expected = 0;
            while (expected < edges && EdgeBlock.key(block, expected) < key) {
                expected++;
            }
            assertThat(EdgeBlock.locate(block, edges, key)).isEqualTo(expected);
            assertThat(EdgeBlock.find(block, edges, edges, key))
                .isEqualTo(expected < edges && EdgeBlock.key(block, expected) == key ? expected : -1);
        }
    }

    /** Every field keeps its value through writes, growth to another capacity, and the portable checkpoint words. */
    @Property(tries = 300)
    void fieldsSurviveCopyAndPortableWords(@ForAll @IntRange(min = 1, max = 40) final int edges,
        @ForAll final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final long[] block = EdgeBlock.allocate(edges);
        final long[][] expected = new long[edges][];
        for (int s = 0; s < edges; s++) {
            final int dst = random.nextInt(0, Integer.MAX_VALUE);
            final int type = random.nextInt(0, EdgeBlock.MAX_TYPE + 1);
            final int weight = random.nextInt();
            final long first = random.nextLong(EdgeBlock.MIN_TIME, EdgeBlock.MAX_TIME + 1);
            final long recent = random.nextLong(EdgeBlock.MIN_TIME, EdgeBlock.MAX_TIME + 1);
            EdgeBlock.write(block, s, dst, type, weight, first, recent);
            if (random.nextBoolean()) {
                EdgeBlock.markDeleted(block, s);
            }
            expected[s] = new long[] {dst, type, weight, first, recent, EdgeBlock.deleted(block, s) ? 1 : 0};
        }
        final long[] grown = EdgeBlock.allocate(EdgeBlock.grownCapacity(edges, edges + 1));
        EdgeBlock.copy(block, grown, edges);
        final long[] restored = EdgeBlock.allocate(edges);
        for (int s = 0; s < edges; s++) {
            EdgeBlock.fromPortable(restored, s, EdgeBlock.portable(grown, s, 0), EdgeBlock.portable(grown, s, 1),
                EdgeBlock.portable(grown, s, 2));
        }
        for (final long[] b : new long[][] {block, grown, restored}) {
            for (int s = 0; s < edges; s++) {
                assertThat(new long[] {EdgeBlock.destination(b, s), EdgeBlock.type(b, s), EdgeBlock.weight(b, s),
                    EdgeBlock.firstTime(b, s), EdgeBlock.recentTime(b, s), EdgeBlock.deleted(b, s) ? 1 : 0})
                    .containsExactly(expected[s]);
            }
        }
    }
}
