package io.dikw.social.generate;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

class ArrivalClockTest
{
    @Test
    void shouldProduceSortedArrivalsSpreadOverTheDuration()
    {
        final ArrivalClock clock = new ArrivalClock(100_000, 10_000.0, 10.0, new Meme[0], new SplittableRandom(3));
        double previous = 0.0;
        int firstHalf = 0;
        for (int i = 0; i < 100_000; i++)
        {
            final double t = clock.next();
            assertThat(t).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(10_000.0);
            firstHalf += t < 5_000.0 ? 1 : 0;
            previous = t;
        }
        assertThat(previous).isGreaterThan(9_990.0);
        assertThat(firstHalf).isCloseTo(50_000, within(800));
        assertThat(clock.total()).isCloseTo(100_000.0, within(1e-6));
        assertThatIllegalStateException().isThrownBy(clock::next);
    }

    @Test
    void shouldSkipGapsWithoutIntensity()
    {
        final Meme meme = new Meme(0, "meme-000", new String[] {"tag"}, new String[] {"word"}, new String[] {"u"},
            new int[] {0, 1, 2}, 0.5, 0.5, 0.5, 500.0, 100.0, 1_000.0, 2.0, 3.0);
        final ArrivalClock clock = new ArrivalClock(1_000, 1_000.0, 0.0, new Meme[] {meme}, new SplittableRandom(4));
        for (int i = 0; i < 1_000; i++)
        {
            assertThat(clock.next()).isBetween(499.0, 601.0);
        }
    }
}
