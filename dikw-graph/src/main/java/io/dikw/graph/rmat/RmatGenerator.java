package io.dikw.graph.rmat;

import java.util.SplittableRandom;

/**
 * R-MAT edge generator (Chakrabarti, Zhan and Faloutsos, SDM 2004) with the Graph500 quadrant
 * probabilities a=0.57, b=0.19, c=0.19, d=0.05: each edge picks one quadrant of the adjacency
 * matrix per level, {@code scale} levels deep, giving a skewed, power-law-like degree
 * distribution over {@code 2^scale} vertices. Vertex labels are then scrambled by a bijection
 * (as Graph500 does) so high-degree vertices are not all near id 0. Deterministic for a seed.
 * O(scale) per edge.
 */
public final class RmatGenerator {
    /** Graph500 probability of the top-left quadrant. */
    public static final double A = 0.57;
    /** Graph500 probability of the top-right quadrant. */
    public static final double B = 0.19;
    /** Graph500 probability of the bottom-left quadrant. */
    public static final double C = 0.19;
    /** Graph500 probability of the bottom-right quadrant (1 - a - b - c). */
    public static final double D = 0.05;

    private static final int AB = (int) ((A + B) * (1 << 30));
    private static final int A_OF_AB = (int) (A / (A + B) * (1 << 30));
    private static final int C_OF_CD = (int) (C / (C + D) * (1 << 30));

    private final int scale;
    private final int mask;
    private final SplittableRandom random;

    /**
     * @param scale log2 of the number of vertices, 1 to 30
     * @param seed  random seed
     */
    public RmatGenerator(final int scale, final long seed) {
        this.scale = checkScale(scale);
        this.mask = (1 << scale) - 1;
        this.random = new SplittableRandom(seed);
    }

    /**
     * @param scale log2 of the number of vertices
     * @return {@code scale}
     * @throws IllegalArgumentException unless it is 1 to 30
     */
    public static int checkScale(final int scale) {
        if (scale < 1 || scale > 30) {
            throw new IllegalArgumentException("scale=" + scale + " must be in [1, 30]");
        }
        return scale;
    }

    /** @return the number of vertices, {@code 2^scale} */
    public int vertices() {
        return mask + 1;
    }

    /** @return the next edge, source in the high 32 bits and destination in the low 32 bits */
    public long next() {
        int src = 0;
        int dst = 0;
        for (int level = 0; level < scale; level++) {
            final int r = random.nextInt() >>> 2; // uniform in [0, 2^30)
            final boolean bottom = r >= AB;
            final int r2 = random.nextInt() >>> 2;
            final boolean right = bottom ? r2 >= C_OF_CD : r2 >= A_OF_AB;
            src = src << 1 | (bottom ? 1 : 0);
            dst = dst << 1 | (right ? 1 : 0);
        }
        return (long) scramble(src) << 32 | scramble(dst);
    }

    /** A bijection on {@code [0, 2^scale)}: odd multiply and xor-shifts, all mod 2^scale. */
    private int scramble(final int v) {
        int x = (v * 0x9E3779B1 + 0x7F4A7C15) & mask;
        x ^= x >>> Math.max(1, scale / 2);
        x = (x * 0x85EBCA6B) & mask;
        x ^= x >>> Math.max(1, scale / 3);
        return x & mask;
    }

    /** @param edge from {@link #next()} @return its source */
    public static int source(final long edge) {
        return (int) (edge >>> 32);
    }

    /** @param edge from {@link #next()} @return its destination */
    public static int destination(final long edge) {
        return (int) edge;
    }
}
