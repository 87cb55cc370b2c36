package io.dikw.microcluster.offline;

import io.dikw.microcluster.cf.CfSet;
import java.util.List;

/**
 * Unites micro-cluster sets (one per partition) by additivity and reduces the union to at most q
 * micro-clusters by merging the two closest (by centroid) until q remain. O(m² · d) for the
 * distance matrix, then O(m²) per merge, m = the united count.
 */
public final class ClosestPairReducer {
    private ClosestPairReducer() {
    }

    /**
     * @param parts the sets to unite (same dimensions), unchanged
     * @param q     micro-clusters wanted at most
     * @return a new set of at most q micro-clusters summarizing all of {@code parts}
     */
    public static CfSet unite(final List<CfSet> parts, final int q) {
        int total = 0;
        int dims = 1;
        for (final CfSet p : parts) {
            total += p.size();
            dims = p.dims();
        }
        final CfSet all = new CfSet(Math.max(1, total), dims);
        for (final CfSet p : parts) {
            for (int i = 0; i < p.size(); i++) {
                all.addCopy(p, i);
            }
        }
        return reduce(all, q);
    }

    /**
     * @param all micro-clusters (merged in place; do not use afterwards)
     * @param q   micro-clusters wanted at most
     * @return {@code all} itself when it has at most q, else a new set of q
     */
    public static CfSet reduce(final CfSet all, final int q) {
        final int m = all.size();
        if (m <= q) {
            return all;
        }
        final double[] dist = new double[m * m];
        final boolean[] dead = new boolean[m];
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                dist[a * m + b] = all.centroidDistanceSquared(a, b);
            }
        }
        for (int alive = m; alive > q; alive--) {
            int bestA = -1;
            int bestB = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int a = 0; a < m; a++) {
                if (dead[a]) {
                    continue;
                }
                for (int b = a + 1; b < m; b++) {
                    if (!dead[b] && dist[a * m + b] < best) {
                        best = dist[a * m + b];
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            all.mergeInto(bestA, bestB);
            dead[bestB] = true;
            for (int o = 0; o < m; o++) {
                if (!dead[o] && o != bestA) {
                    final double s = all.centroidDistanceSquared(bestA, o);
                    dist[Math.min(o, bestA) * m + Math.max(o, bestA)] = s;
                }
            }
        }
        final CfSet out = new CfSet(q, all.dims());
        for (int i = 0; i < m; i++) {
            if (!dead[i]) {
                out.addCopy(all, i);
            }
        }
        return out;
    }
}
