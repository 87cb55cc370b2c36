package io.dikw.microcluster.offline;

import io.dikw.microcluster.cf.CfSet;
import java.util.List;

/**
 * Unites micro-cluster sets (one per partition) by additivity and reduces the union to at most q
 * micro-clusters by repeatedly merging the closest pair in the sum-of-squares sense: the pair whose
 * merge raises the total SSE least (Ward's criterion, {@link CfSet#mergeCost}). Merging the closest
 * centroids instead ignores the sizes, so it folds heavy neighbouring micro-clusters together while
 * far, light ones survive; the window's SSE then grows more than it must.
 *
 * <p>Keeps the m × m cost matrix and each cluster's cheapest partner: Ward's cost is reducible (a
 * merged cluster is never cheaper to join than the cheaper of its parts), so after a merge only the
 * merged cluster's row and the clusters whose partner was one of the pair are rescanned. O(m² · d)
 * to start, then about O(m · d) per merge; m = p · q is a few hundred at most.
 */
public final class WardReducer {
    private WardReducer() {
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
        if (q < 1) {
            throw new IllegalArgumentException("q (micro-clusters to keep) must be at least 1, got " + q);
        }
        final int m = all.size();
        if (m <= q) {
            return all;
        }
        final double[] cost = new double[m * m];
        final boolean[] dead = new boolean[m];
        final int[] partner = new int[m];
        final double[] partnerCost = new double[m];
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                final double c = all.mergeCost(a, b);
                cost[a * m + b] = c;
                cost[b * m + a] = c;
            }
        }
        for (int a = 0; a < m; a++) {
            cheapestPartner(a, m, cost, dead, partner, partnerCost);
        }
        for (int alive = m; alive > q; alive--) {
            int a = -1;
            for (int i = 0; i < m; i++) {
                if (!dead[i] && (a < 0 || partnerCost[i] < partnerCost[a])) {
                    a = i;
                }
            }
            final int into = Math.min(a, partner[a]);
            final int gone = Math.max(a, partner[a]);
            all.mergeInto(into, gone);
            dead[gone] = true;
            for (int o = 0; o < m; o++) {
                if (!dead[o] && o != into) {
                    final double c = all.mergeCost(into, o);
                    cost[into * m + o] = c;
                    cost[o * m + into] = c;
                }
            }
            for (int o = 0; o < m; o++) {
                if (dead[o]) {
                    continue;
                }
                if (o == into || partner[o] == into || partner[o] == gone) {
                    cheapestPartner(o, m, cost, dead, partner, partnerCost);
                } else if (cost[o * m + into] < partnerCost[o]) {
                    partner[o] = into; // not expected (reducibility), but rounding must not leave a stale partner
                    partnerCost[o] = cost[o * m + into];
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

    /** Sets cluster a's cheapest live partner (the lowest index among equals). */
    private static void cheapestPartner(final int a, final int m, final double[] cost, final boolean[] dead,
        final int[] partner, final double[] partnerCost) {
        int best = -1;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int b = 0; b < m; b++) {
            if (b != a && !dead[b] && (best < 0 || cost[a * m + b] < bestCost)) {
                best = b;
                bestCost = cost[a * m + b];
            }
        }
        partner[a] = best;
        partnerCost[a] = bestCost;
    }
}
