package io.dikw.microcluster.data;

import java.io.Serializable;
import java.util.Locale;

/**
 * Per-attribute normalization x' = (x − offset) / scale: z-score (mean, standard deviation) or
 * min-max (minimum, range). A constant attribute gets scale 1, so it maps to 0.
 */
public final class Normalizer implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The normalization kinds. */
    public enum Kind {
        /** Mean 0, standard deviation 1. */
        ZSCORE,
        /** Into [0, 1]. */
        MINMAX,
        /** Unchanged. */
        NONE
    }

    private final double[] offset;
    private final double[] scale;

    /**
     * @param offset subtracted per attribute
     * @param scale  divided by per attribute (non-zero)
     */
    public Normalizer(final double[] offset, final double[] scale) {
        this.offset = offset.clone();
        this.scale = scale.clone();
    }

    /** Accumulates the statistics of a pass over the data. */
    public static final class Fitter {
        private final int dims;
        private long n;
        private final double[] mean;
        private final double[] m2;
        private final double[] min;
        private final double[] max;

        /** @param dims dimensions */
        public Fitter(final int dims) {
            this.dims = dims;
            mean = new double[dims];
            m2 = new double[dims];
            min = new double[dims];
            max = new double[dims];
            java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        }

        /** @param x a point (Welford's update) @param off where it starts */
        public void add(final double[] x, final int off) {
            n++;
            for (int j = 0; j < dims; j++) {
                final double v = x[off + j];
                final double delta = v - mean[j];
                mean[j] += delta / n;
                m2[j] += delta * (v - mean[j]);
                min[j] = Math.min(min[j], v);
                max[j] = Math.max(max[j], v);
            }
        }

        /** @param kind the normalization @return it, fitted to what was added */
        public Normalizer fit(final Kind kind) {
            final double[] off = new double[dims];
            final double[] sc = new double[dims];
            for (int j = 0; j < dims; j++) {
                switch (kind) {
                    case ZSCORE -> {
                        off[j] = n == 0 ? 0 : mean[j];
                        final double sd = n < 2 ? 0 : Math.sqrt(m2[j] / n);
                        sc[j] = sd > 0 ? sd : 1;
                    }
                    case MINMAX -> {
                        off[j] = n == 0 ? 0 : min[j];
                        final double range = n == 0 ? 0 : max[j] - min[j];
                        sc[j] = range > 0 ? range : 1;
                    }
                    case NONE -> sc[j] = 1;
                }
            }
            return new Normalizer(off, sc);
        }
    }

    /** @param x a point, normalized in place @param off where it starts */
    public void apply(final double[] x, final int off) {
        for (int j = 0; j < offset.length; j++) {
            x[off + j] = (x[off + j] - offset[j]) / scale[j];
        }
    }

    /** @param j an attribute @param normalized its normalized value @return the value in the data's units */
    public double invert(final int j, final double normalized) {
        return normalized * scale[j] + offset[j];
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Normalizer[%d attributes]", offset.length);
    }
}
