package io.dikw.microcluster.data;

import io.dikw.core.io.InputFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link CsvLayout} from what a user names on the command line: columns by header name or
 * by 1-based number, an optional label and time column; by default every other column is a feature.
 */
public final class CsvLayouts {
    private CsvLayouts() {
    }

    /**
     * Reads the file's first line (the header, or the first row) and resolves the names.
     *
     * @param file     the CSV file
     * @param header   whether it has a header
     * @param features feature columns (names or 1-based numbers); empty for all but label and time
     * @param label    the label column, or null
     * @param time     the time column, or null
     * @param rate     rows per stream second without a time column
     * @return the layout
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException naming a column that does not exist
     */
    public static CsvLayout resolve(final Path file, final CsvLayout.Header header, final List<String> features,
        final String label, final String time, final double rate) throws IOException {
        if (InputFiles.isStandardStream(file)) {
            throw new IllegalArgumentException("the columns of standard input cannot be looked at twice; "
                + "give a file");
        }
        final String first;
        try (BufferedReader r = InputFiles.open(file)) {
            first = r.readLine();
        }
        if (first == null) {
            throw new IllegalArgumentException(file + " is empty");
        }
        final String[] cells = first.split(",", -1);
        final boolean named = header == CsvLayout.Header.YES
            || header == CsvLayout.Header.AUTO && !cells[0].isBlank() && !numeric(cells[0].trim());
        final List<String> names = new ArrayList<>();
        for (int c = 0; c < cells.length; c++) {
            names.add(named ? cells[c].trim() : "column" + (c + 1));
        }
        final int labelIndex = label == null ? -1 : index(label, names, named);
        final int timeIndex = time == null ? -1 : index(time, names, named);
        final List<Integer> chosen = new ArrayList<>();
        if (features.isEmpty()) {
            for (int c = 0; c < names.size(); c++) {
                if (c != labelIndex && c != timeIndex) {
                    chosen.add(c);
                }
            }
        } else {
            for (final String f : features) {
                chosen.add(index(f, names, named));
            }
        }
        final List<String> chosenNames = new ArrayList<>();
        for (final int c : chosen) {
            chosenNames.add(names.get(c));
        }
        return new CsvLayout(names.size(), chosen.stream().mapToInt(Integer::intValue).toArray(), chosenNames,
            labelIndex, timeIndex, rate, named ? CsvLayout.Header.YES : CsvLayout.Header.NO);
    }

    private static boolean numeric(final String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (final NumberFormatException e) {
            return false;
        }
    }

    private static int index(final String spec, final List<String> names, final boolean named) {
        final String s = spec.trim();
        final int byName = names.indexOf(s);
        if (byName >= 0) {
            return byName;
        }
        if (s.matches("\\d+")) {
            final int n = Integer.parseInt(s);
            if (n >= 1 && n <= names.size()) {
                return n - 1;
            }
            throw new IllegalArgumentException("column " + n + " does not exist: the file has " + names.size()
                + " columns (numbers start at 1)");
        }
        throw new IllegalArgumentException("no column named '" + s + "'"
            + (named ? "; the header names " + String.join(", ", names.subList(0, Math.min(12, names.size())))
                + (names.size() > 12 ? ", ..." : "") : "; the file has no header, so name columns by number (1-based)"));
    }
}
