package io.dikw.social.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Arrival times of exactly {@code n} tweets from an inhomogeneous Poisson process, in order, in
 * constant memory.
 *
 * <p>The intensity {@code λ(t) = backgroundRate + Σ meme.rate(t)} is tabulated on a grid of at
 * most 2<sup>20</sup> cells over {@code [0, duration)} (piecewise constant, taken at each cell's
 * midpoint) and integrated into {@code Λ}. Conditioned on {@code n} events, Poisson arrival
 * times are {@code n} independent draws from the density {@code λ/Λ(duration)}; sorted, they are
 * {@code Λ⁻¹} of sorted uniforms. Sorted uniforms are produced one at a time, smallest first,
 * by the order-statistics recurrence {@code u ← u + (1-u)(1 - V^(1/k))} for {@code k = n..1},
 * and {@code Λ⁻¹} is a forward walk over the grid, so the whole stream costs {@code O(n + cells)}
 * and the memory is the grid alone.
 */
final class ArrivalClock
{
    private static final int MIN_CELLS = 4096;
    private static final int MAX_CELLS = 1 << 20;

    private final double cellWidth;
    private final double[] cumulative;
    private final double total;
    private final int lastPositiveCell;
    private final SplittableRandom rng;
    private long remaining;
    private double u;
    private int cell;

    /**
     * Tabulates the intensity.
     *
     * @param n number of arrivals to produce.
     * @param duration nominal stream length in seconds, {@code > 0}.
     * @param backgroundRate constant background intensity, tweets per second.
     * @param memes memes adding their own intensity.
     * @param rng random source for the arrivals.
     */
    ArrivalClock(final long n, final double duration, final double backgroundRate, final Meme[] memes,
        final SplittableRandom rng)
    {
        final int cells = (int) Math.max(MIN_CELLS, Math.min(MAX_CELLS, Math.ceil(duration)));
        this.cellWidth = duration / cells;
        final double[] rate = new double[cells];
        Arrays.fill(rate, backgroundRate);
        for (final Meme m : memes)
        {
            final int first = Math.max(0, (int) Math.floor(m.startSeconds / cellWidth));
            final int last = Math.min(cells - 1, (int) Math.ceil(m.endSeconds() / cellWidth));
            for (int c = first; c <= last; c++)
            {
                rate[c] += m.rate(midpoint(c));
            }
        }
        cumulative = new double[cells + 1];
        for (int c = 0; c < cells; c++)
        {
            cumulative[c + 1] = cumulative[c] + rate[c] * cellWidth;
        }
        this.total = cumulative[cells];
        int lastPositive = cells - 1;
        while (lastPositive > 0 && !(rate[lastPositive] > 0.0))
        {
            lastPositive--;
        }
        this.lastPositiveCell = lastPositive;
        this.rng = rng;
        this.remaining = n;
    }

    /**
     * Midpoint of a grid cell, where the intensity is evaluated.
     *
     * @param c cell index.
     * @return time in stream seconds.
     */
    double midpoint(final int c)
    {
        return (c + 0.5) * cellWidth;
    }

    /**
     * Expected number of events over the whole stream under the tabulated intensity.
     *
     * @return {@code Λ(duration)}.
     */
    double total()
    {
        return total;
    }

    /**
     * The next arrival time; call at most {@code n} times.
     *
     * @return seconds since stream start, non-decreasing.
     */
    double next()
    {
        if (remaining <= 0)
        {
            throw new IllegalStateException("all arrivals were produced");
        }
        final double v = 1.0 - rng.nextDouble();
        u += (1.0 - u) * -StrictMath.expm1(StrictMath.log(v) / remaining);
        remaining--;
        final double target = u * total;
        final double[] cum = cumulative;
        final int lastCell = lastPositiveCell;
        while (cell < lastCell && (cum[cell + 1] < target || cum[cell + 1] == cum[cell]))
        {
            cell++;
        }
        final double mass = cum[cell + 1] - cum[cell];
        final double frac = mass > 0.0 ? Math.min(1.0, Math.max(0.0, (target - cum[cell]) / mass)) : 0.5;
        return (cell + frac) * cellWidth;
    }

    /**
     * The grid cell of the last arrival; its midpoint is where the tweet's type is drawn, so the
     * draw agrees with the tabulated intensity.
     *
     * @return cell index.
     */
    int cell()
    {
        return cell;
    }
}
