package io.dikw.social.generate;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class ZipfSamplerTest
{
    @Test
    void shouldFavourLowRanksInZipfProportion()
    {
        final ZipfSampler zipf = new ZipfSampler(1_000, 1.0, 0.0);
        final SplittableRandom rng = new SplittableRandom(5);
        final int[] counts = new int[1_000];
        for (int i = 0; i < 200_000; i++)
        {
            counts[zipf.sample(rng)]++;
        }
        assertThat(counts[0]).isGreaterThan(counts[1]).isGreaterThan(counts[9]);
        assertThat((double) counts[0] / counts[1]).isCloseTo(2.0, within(0.15));
    }

    @Test
    void shouldBeUniformWithExponentZero()
    {
        final ZipfSampler zipf = new ZipfSampler(4, 0.0, 0.0);
        final SplittableRandom rng = new SplittableRandom(6);
        final int[] counts = new int[4];
        for (int i = 0; i < 40_000; i++)
        {
            counts[zipf.sample(rng)]++;
        }
        for (final int c : counts)
        {
            assertThat(c).isBetween(9_500, 10_500);
        }
    }

    @Test
    void shouldRejectEmptyRange()
    {
        assertThatIllegalArgumentException().isThrownBy(() -> new ZipfSampler(0, 1.0, 0.0)).withMessageContaining("n");
    }
}
