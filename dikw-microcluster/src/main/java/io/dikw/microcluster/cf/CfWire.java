package io.dikw.microcluster.cf;

/**
 * A {@link CfSet} as one {@code double[]} for a tuple: per cluster N, LST, SST, LS (d), SS (d).
 * Ids are not carried (a window's micro-clusters need none), so decoded clusters get fresh ids.
 */
public final class CfWire {
    private CfWire() {
    }

    /** @param s a set @return its statistics, flat */
    public static double[] encode(final CfSet s) {
        final int d = s.dims();
        final int stride = 3 + 2 * d;
        final double[] out = new double[s.size() * stride];
        for (int i = 0; i < s.size(); i++) {
            final int o = i * stride;
            out[o] = s.n(i);
            out[o + 1] = s.lst(i);
            out[o + 2] = s.sst(i);
            for (int j = 0; j < d; j++) {
                out[o + 3 + j] = s.ls(i, j);
                out[o + 3 + d + j] = s.ss(i, j);
            }
        }
        return out;
    }

    /**
     * @param flat what {@link #encode} gave
     * @param dims dimensions
     * @return the set (ids 0, 1, 2, ...)
     */
    public static CfSet decode(final double[] flat, final int dims) {
        final int stride = 3 + 2 * dims;
        if (flat.length % stride != 0) {
            throw new IllegalArgumentException("encoded micro-clusters of " + flat.length + " values do not divide into "
                + stride + "-value clusters (dims=" + dims + ")");
        }
        final int m = flat.length / stride;
        final CfSet s = new CfSet(Math.max(1, m), dims);
        for (int i = 0; i < m; i++) {
            s.addEmpty(i);
            s.setStats(i, flat, i * stride);
        }
        return s;
    }
}
