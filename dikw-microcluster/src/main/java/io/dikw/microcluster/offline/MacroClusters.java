package io.dikw.microcluster.offline;

/**
 * The offline phase's answer: k macro clusters over the window.
 *
 * @param k       clusters
 * @param dims    dimensions
 * @param centers k × d centres, row-major
 * @param sizes   points of the window in each (from the micro-clusters' N)
 * @param cfCost  Σ over micro-clusters of the squared distances of their points to their macro centre,
 *                exact from the CF statistics (the SSQ had each micro-cluster's points stayed together)
 */
public record MacroClusters(int k, int dims, double[] centers, double[] sizes, double cfCost) {
    /** @param c a cluster @param j a dimension @return the centre's coordinate */
    public double center(final int c, final int j) {
        return centers[c * dims + j];
    }

    /** @return an empty answer (no points yet) */
    public static MacroClusters empty(final int dims) {
        return new MacroClusters(0, dims, new double[0], new double[0], 0);
    }
}
