package io.dikw.app.microcluster;

import io.dikw.microcluster.data.Normalizer;
import io.dikw.microcluster.engine.BatchResult;
import io.dikw.microcluster.offline.MacroClusters;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Prints the macro clusters of a window as a table: size and share, the attributes that stand out
 * most in the centre (largest normalized value, shown in the data's units), and the label mix.
 */
final class MacroClusterTable {
    /** Attributes shown per cluster. */
    static final int HIGHLIGHTS = 3;
    /** Labels shown per cluster. */
    static final int LABELS = 3;

    private MacroClusterTable() {
    }

    static void print(final PrintStream out, final BatchResult last, final Normalizer normalizer,
        final List<String> featureNames, final List<String> labelNames) {
        final MacroClusters m = last.macro();
        double total = 0;
        for (final double s : m.sizes()) {
            total += s;
        }
        final List<Integer> order = new ArrayList<>();
        for (int c = 0; c < m.k(); c++) {
            order.add(c);
        }
        order.sort(Comparator.comparingDouble((Integer c) -> -m.sizes()[c]));
        final long[][] counts = last.quality() == null ? null : last.quality().labelCounts();
        out.printf(Locale.ROOT, "%-3s %10s %6s  %-60s %s%n", "#", "size", "share", "centre: what stands out",
            counts == null || labelNames.isEmpty() ? "" : "label mix (scored points)");
        int rank = 1;
        for (final int c : order) {
            out.printf(Locale.ROOT, "%-3d %,10.0f %5.1f%%  %-60s %s%n", rank++, m.sizes()[c],
                total == 0 ? 0 : 100 * m.sizes()[c] / total, highlights(m, c, normalizer, featureNames),
                counts == null ? "" : labelMix(counts[c], labelNames));
        }
    }

    private static String highlights(final MacroClusters m, final int c, final Normalizer normalizer,
        final List<String> names) {
        final List<Integer> dims = new ArrayList<>();
        for (int j = 0; j < m.dims(); j++) {
            dims.add(j);
        }
        dims.sort(Comparator.comparingDouble((Integer j) -> -Math.abs(m.center(c, j))));
        final StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(HIGHLIGHTS, dims.size()); i++) {
            final int j = dims.get(i);
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(names.get(j)).append('=').append(number(normalizer.invert(j, m.center(c, j))));
        }
        return s.toString();
    }

    private static String number(final double v) {
        if (Math.abs(v) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }

    private static String labelMix(final long[] counts, final List<String> names) {
        long total = 0;
        for (final long v : counts) {
            total += v;
        }
        if (total == 0) {
            return "-";
        }
        final List<Integer> order = new ArrayList<>();
        for (int l = 0; l < counts.length; l++) {
            if (counts[l] > 0) {
                order.add(l);
            }
        }
        order.sort(Comparator.comparingLong((Integer l) -> -counts[l]));
        final StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(LABELS, order.size()); i++) {
            final int l = order.get(i);
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(l < names.size() ? names.get(l) : "#" + l).append(' ')
                .append(String.format(Locale.ROOT, "%.0f%%", 100.0 * counts[l] / total));
        }
        if (order.size() > LABELS) {
            s.append(", ...");
        }
        return s.toString();
    }
}
