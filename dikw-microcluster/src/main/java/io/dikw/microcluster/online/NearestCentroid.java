package io.dikw.microcluster.online;

/**
 * The hot kernel of the online phase: the nearest of up to q centroids to a point, with centroids
 * stored dimension-major ({@code c[j * stride + i]} is dimension j of centroid i). The inner loop
 * runs over centroids for one dimension, element-wise with no reduction, so the JIT can
 * vectorize it; the arg-min is one pass over q partial sums.
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
        final double x0 = point[offset];
        for (int i = 0; i < count; i++) {
            final double diff = x0 - centroids[i];
            acc[i] = diff * diff;
        }
        for (int j = 1; j < dims; j++) {
            final double x = point[offset + j];
            final int base = j * stride;
            for (int i = 0; i < count; i++) {
                final double diff = x - centroids[base + i];
                acc[i] += diff * diff;
            }
        }
        int best = 0;
        double bestDist = acc[0];
        for (int i = 1; i < count; i++) {
            if (acc[i] < bestDist) {
                bestDist = acc[i];
                best = i;
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
