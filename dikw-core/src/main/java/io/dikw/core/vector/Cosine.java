package io.dikw.core.vector;

/** Cosine similarity between sparse count vectors, exact up to the final division. */
public final class Cosine {
    private Cosine() {
    }

    /**
     * @param point a data point
     * @param centroid a sum of data points
     * @return cos(point, centroid) in [0, 1]; 0 when either side is empty
     */
    public static double between(final SparseVector point, final SumVector centroid) {
        return of(centroid.dot(point), point.normSquared(), centroid.normSquared());
    }

    /**
     * The cosine from a dot product and the two squared norms, so callers that accumulate dot
     * products themselves (an inverted index) get bit-identical results to {@link #between}.
     *
     * @param dot the dot product
     * @param normSquaredA one side's squared norm
     * @param normSquaredB the other side's squared norm
     * @return dot / (|a|·|b|) capped at 1, or 0 when the dot product or a norm is 0
     */
    public static double of(final long dot, final long normSquaredA, final long normSquaredB) {
        if (dot == 0 || normSquaredA == 0 || normSquaredB == 0) {
            return 0.0;
        }
        // Cauchy–Schwarz bounds it by 1; rounding may not, and 1 is the exact-match sentinel.
        return Math.min(1.0, dot / Math.sqrt((double) normSquaredA * (double) normSquaredB));
    }
}
