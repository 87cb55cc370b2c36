package io.dikw.microcluster.online;

/**
 * The hot kernel of the online phase: the nearest of up to q centroids to a point, with centroids
 * stored dimension-major ({@code c[j * stride + i]} is dimension j of centroid i). Four centroids
 * are measured at once, their partial sums kept in registers (four independent dependency chains,
 * four adjacent loads per dimension); the arg-min is one pass over q sums.
 */
public final class NearestCentroid {
    private NearestCentroid() {
    }

    /**
     * Fills {@code acc[0 .. count)} with squared distances and returns the nearest centroid.
     *
     * @param centroids dimension-major centroids
     * @param stride    the row length of {@code centroids} (the capacity q)
     * @param count     centroids in use (at least 1)
     * @param dims      dimensions
     * @param point     flat points
     * @param offset    where the point starts
     * @param acc       scratch of at least {@code count} doubles; holds the squared distances after
     * @return the index of the nearest centroid
     */
    public static int nearest(final double[] centroids, final int stride, final int count, final int dims,
        final double[] point, final int offset, final double[] acc) {
        int i = 0;
        // four centroids at a time, their partial sums in registers: four independent chains
        for (; i + 3 < count; i += 4) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int j = 0, base = i; j < dims; j++, base += stride) {
                final double x = point[offset + j];
                final double d0 = x - centroids[base];
                final double d1 = x - centroids[base + 1];
                final double d2 = x - centroids[base + 2];
                final double d3 = x - centroids[base + 3];
                s0 += d0 * d0;
                s1 += d1 * d1;
                s2 += d2 * d2;
                s3 += d3 * d3;
            }
            acc[i] = s0;
            acc[i + 1] = s1;
            acc[i + 2] = s2;
            acc[i + 3] = s3;
        }
        for (; i < count; i++) {
            double s = 0;
            for (int j = 0, base = i; j < dims; j++, base += stride) {
                final double diff = point[offset + j] - centroids[base];
                s += diff * diff;
            }
            acc[i] = s;
        }
        int best = 0;
        double bestDist = acc[0];
        for (int c = 1; c < count; c++) {
            if (acc[c] < bestDist) {
                bestDist = acc[c];
                best = c;
            }
        }
        return best;
    }

    /**
     * The same search with centroids stored row-major ({@code c[i * dims + j]}), the layout an
     * object-per-cluster design ends up with; kept as the baseline of the JMH comparison.
     *
     * @param centroids row-major centroids
     * @param count     centroids in use
     * @param dims      dimensions
     * @param point     flat points
     * @param offset    where the point starts
     * @return the index of the nearest centroid
     */
    public static int nearestRowMajor(final double[] centroids, final int count, final int dims,
        final double[] point, final int offset) {
        int best = 0;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            final int base = i * dims;
            double s = 0;
            for (int j = 0; j < dims; j++) {
                final double diff = point[offset + j] - centroids[base + j];
                s += diff * diff;
            }
            if (s < bestDist) {
                bestDist = s;
                best = i;
            }
        }
        return best;
    }
}
