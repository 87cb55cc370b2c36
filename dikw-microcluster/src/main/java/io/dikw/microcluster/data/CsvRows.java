package io.dikw.microcluster.data;

import io.dikw.core.io.BoundedLineReader;
import io.dikw.core.io.DeadLetters;
import io.dikw.core.io.InputFiles;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the rows of a numeric CSV file: the chosen feature columns as doubles, the label (as an id
 * in a dictionary of label names) and the timestamp. A row with the wrong number of columns, a
 * non-numeric feature, or NaN/infinity is a bad row: under {@link BadRowPolicy#FAIL} reading stops
 * with a {@link BadRowException} naming the line; under {@link BadRowPolicy#SKIP} it is counted,
 * written to the dead letters and skipped. Lines longer than {@link #MAX_LINE_CHARS} are bad rows too.
 */
public final class CsvRows implements Closeable {
    /** Longest line read whole. */
    public static final int MAX_LINE_CHARS = 1 << 20;

    private final String source;
    private final CsvLayout layout;
    private final BadRowPolicy policy;
    private final DeadLetters deadLetters;
    private final BoundedLineReader lines;
    private final Map<String, Integer> labelIds = new HashMap<>();
    private final List<String> labelNames = new ArrayList<>();
    private final int[] columnOf;
    private final String[] fields;
    private int columns;
    private boolean first = true;
    private long rows;
    private long skipped;
    private int label = -1;
    private double time;

    /**
     * @param file        the CSV file (plain or gzip), or {@code -} for standard input
     * @param layout      the columns
     * @param policy      what to do with bad rows
     * @param deadLetters where skipped rows go
     * @throws IOException when the file cannot be opened
     */
    public CsvRows(final Path file, final CsvLayout layout, final BadRowPolicy policy, final DeadLetters deadLetters)
        throws IOException {
        this.source = String.valueOf(file);
        this.layout = layout;
        this.policy = policy;
        this.deadLetters = deadLetters;
        this.lines = new BoundedLineReader(InputFiles.open(file), MAX_LINE_CHARS);
        this.columns = layout.columns();
        int max = Math.max(layout.label(), layout.time());
        for (final int f : layout.features()) {
            max = Math.max(max, f);
        }
        this.columnOf = layout.features();
        this.fields = new String[max + 1];
    }

    /**
     * Reads the next good row.
     *
     * @param into   receives the features at {@code offset}
     * @param offset where to write
     * @return false at the end of the file
     * @throws IOException     when reading fails
     * @throws BadRowException on a bad row under {@link BadRowPolicy#FAIL}
     */
    public boolean next(final double[] into, final int offset) throws IOException {
        String line;
        while ((line = lines.readLine()) != null) {
            final long number = lines.lineNumber();
            if (line.isBlank()) {
                continue;
            }
            if (first) {
                first = false;
                if (isHeader(line)) {
                    if (columns < 0) {
                        columns = count(line);
                    }
                    continue;
                }
                if (columns < 0) {
                    columns = count(line);
                }
            }
            final String problem = lines.lastLineOversized()
                ? "line longer than " + MAX_LINE_CHARS + " characters" : parse(line, into, offset);
            if (problem == null) {
                rows++;
                return true;
            }
            reject(number, problem, line);
        }
        return false;
    }

    private boolean isHeader(final String line) {
        return switch (layout.header()) {
            case YES -> true;
            case NO -> false;
            case AUTO -> {
                final int comma = line.indexOf(',');
                final String f = (comma < 0 ? line : line.substring(0, comma)).trim();
                yield !f.isEmpty() && !looksNumeric(f);
            }
        };
    }

    private static boolean looksNumeric(final String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (final NumberFormatException e) {
            return false;
        }
    }

    private static int count(final String line) {
        int n = 1;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ',') {
                n++;
            }
        }
        return n;
    }

    /** Splits and converts; returns null when good, else the problem (reason|detail). */
    private String parse(final String line, final double[] into, final int offset) {
        final int n = count(line);
        if (n != columns) {
            return "wrong-column-count|" + n + " columns where " + columns + " are expected";
        }
        int start = 0;
        for (int c = 0; c < fields.length; c++) {
            int end = line.indexOf(',', start);
            if (end < 0) {
                end = line.length();
            }
            fields[c] = line.substring(start, end);
            start = end + 1;
        }
        for (int j = 0; j < columnOf.length; j++) {
            final String f = fields[columnOf[j]].trim();
            final double v;
            try {
                v = Double.parseDouble(f);
            } catch (final NumberFormatException e) {
                return "not-a-number|column " + (columnOf[j] + 1) + " (" + layout.featureNames().get(j) + ") is '"
                    + cut(f) + "', not a number";
            }
            if (!Double.isFinite(v)) {
                return "not-finite|column " + (columnOf[j] + 1) + " (" + layout.featureNames().get(j) + ") is " + f;
            }
            into[offset + j] = v;
        }
        if (layout.time() >= 0) {
            final String f = fields[layout.time()].trim();
            try {
                time = Double.parseDouble(f);
            } catch (final NumberFormatException e) {
                return "not-a-number|time column " + (layout.time() + 1) + " is '" + cut(f) + "', not a number";
            }
            if (!Double.isFinite(time)) {
                return "not-finite|time column " + (layout.time() + 1) + " is " + f;
            }
        } else {
            time = rows / layout.rate();
        }
        label = layout.label() >= 0 ? labelId(fields[layout.label()].trim()) : -1;
        return null;
    }

    private static String cut(final String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private int labelId(final String raw) {
        final String name = raw.endsWith(".") ? raw.substring(0, raw.length() - 1) : raw;
        Integer id = labelIds.get(name);
        if (id == null) {
            id = labelNames.size();
            labelIds.put(name, id);
            labelNames.add(name);
        }
        return id;
    }

    private void reject(final long number, final String problem, final String line) {
        final int bar = problem.indexOf('|');
        final String reason = bar < 0 ? "oversized-line" : problem.substring(0, bar);
        final String detail = bar < 0 ? problem : problem.substring(bar + 1);
        if (policy == BadRowPolicy.FAIL) {
            throw new BadRowException(source, number, reason, detail);
        }
        skipped++;
        deadLetters.reject(source, number, reason, detail, line);
    }

    /** @return the label id of the row last read, −1 without a label column */
    public int label() {
        return label;
    }

    /** @return the timestamp of the row last read */
    public double time() {
        return time;
    }

    /** @return label names by id, in order of first appearance */
    public List<String> labelNames() {
        return labelNames;
    }

    /** @return good rows read */
    public long rows() {
        return rows;
    }

    /** @return bad rows skipped */
    public long skipped() {
        return skipped;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
