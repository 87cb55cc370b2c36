package io.dikw.social.generate;

import java.util.SplittableRandom;

/**
 * Draws ranks {@code 0..n-1} with probability proportional to {@code 1 / (rank + 1 + q)^s}
 * (a Zipf–Mandelbrot law) by binary search over precomputed cumulative weights.
 *
 * <p>Memory is one {@code double} per rank; a draw costs {@code O(log n)}.
 */
final class ZipfSampler
{
    private final double[] cumulative;

    /**
     * Builds the sampler.
     *
     * @param n number of ranks, at least 1.
     * @param exponent the exponent {@code s}, at least 0 (0 is uniform).
     * @param offset the Mandelbrot offset {@code q}, at least 0; flattens the head.
     */
    ZipfSampler(final int n, final double exponent, final double offset)
    {
        if (n < 1)
        {
            throw new IllegalArgumentException("n must be >= 1, was " + n);
        }
        cumulative = new double[n];
        double sum = 0.0;
        for (int k = 0; k < n; k++)
        {
            sum += 1.0 / StrictMath.pow(k + 1.0 + offset, exponent);
            cumulative[k] = sum;
        }
    }

    /**
     * Number of ranks.
     *
     * @return n.
     */
    int size()
    {
        return cumulative.length;
    }

    /**
     * Draws a rank.
     *
     * @param rng random source.
     * @return a rank in {@code [0, n)}.
     */
    int sample(final SplittableRandom rng)
    {
        final double[] c = cumulative;
        final double x = rng.nextDouble() * c[c.length - 1];
        int lo = 0;
        int hi = c.length - 1;
        while (lo < hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (c[mid] > x)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
