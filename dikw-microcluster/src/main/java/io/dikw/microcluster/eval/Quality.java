package io.dikw.microcluster.eval;

/**
 * How well macro clusters fit the points of a window.
 *
 * @param points      points scored (the window, or a stride sample of it)
 * @param ssq         Σ squared distance of each point to its nearest macro centre (the paper's SSQ)
 * @param purity      share of points whose label is their cluster's majority label (NaN without labels)
 * @param nmi         normalized mutual information of clusters and labels (NaN without labels)
 * @param labelCounts for each macro cluster, points per label id
 */
public record Quality(long points, double ssq, double purity, double nmi, long[][] labelCounts) {
    /** @return the SSQ per scored point */
    public double meanSsq() {
        return points == 0 ? 0 : ssq / points;
    }
}
