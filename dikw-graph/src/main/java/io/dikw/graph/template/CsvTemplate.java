package io.dikw.graph.template;

import io.dikw.graph.wire.StingerBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV templates: one or more rows whose cells hold keywords for the record's cell in the same
 * column, e.g. {@code $source_str1,$destination_str1,$time1,$weight1 $type_str1=called}. An
 * empty cell ignores its column; constants bind no column. Lines starting with {@code #} are
 * comments. A record shorter than a template row does not match that row.
 */
public final class CsvTemplate implements RecordTemplate {
    /** Keywords per column of one template row; constants apart. */
    private record Row(List<List<Keyword>> columns, List<Keyword> constants) {
    }

    private final List<Row> rows;
    /** The fewest columns a record needs to match any row. */
    private final int narrowest;

    private CsvTemplate(final List<Row> rows) {
        this.rows = rows;
        this.narrowest = rows.stream().mapToInt(r -> r.columns().size()).min().orElse(0);
    }

    /**
     * @param text template rows
     * @return the template
     * @throws TemplateException ({@code bad-template}) naming the line
     */
    public static CsvTemplate parse(final String text) {
        final List<Row> rows = new ArrayList<>();
        int lineNumber = 0;
        for (final String line : text.split("\r?\n")) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            final List<List<Keyword>> columns = new ArrayList<>();
            final List<Keyword> constants = new ArrayList<>();
            boolean any = false;
            try {
                for (final String cell : split(line)) {
                    final List<Keyword> here = new ArrayList<>();
                    if (!cell.isBlank()) {
                        for (final String token : cell.trim().split("\\s+")) {
                            final Keyword k = Keyword.parse(token);
                            (k.constant() == null ? here : constants).add(k);
                        }
                    }
                    any |= !here.isEmpty();
                    columns.add(here);
                }
            } catch (final TemplateException e) {
                throw new TemplateException("bad-template", "line " + lineNumber + ": " + e.getMessage());
            }
            if (!any) {
                throw new TemplateException("bad-template", "line " + lineNumber + " binds no column to a keyword");
            }
            final List<Keyword> all = new ArrayList<>(constants);
            columns.forEach(all::addAll);
            Keyword.checkGroups(all, "line " + lineNumber);
            while (columns.get(columns.size() - 1).isEmpty()) {
                columns.remove(columns.size() - 1);
            }
            rows.add(new Row(columns, constants));
        }
        if (rows.isEmpty()) {
            throw new TemplateException("bad-template", "the template holds no row");
        }
        return new CsvTemplate(rows);
    }

    @Override
    public int extract(final String record, final StingerBatch into) {
        final List<String> cells = split(record);
        final List<GroupValues> found = new ArrayList<>();
        final List<String> emptySources = new ArrayList<>();
        for (final Row row : rows) {
            if (cells.size() < row.columns().size()) {
                continue;
            }
            final GroupValues values = new GroupValues();
            for (final Keyword k : row.constants()) {
                values.add(k, k.constant(), false, "constant");
            }
            for (int c = 0; c < row.columns().size(); c++) {
                final String cell = cells.get(c).trim();
                for (final Keyword k : row.columns().get(c)) {
                    if (!cell.isEmpty()) {
                        values.add(k, cell, false, "column " + (c + 1));
                    } else if (k.field().identifiesSource()) {
                        emptySources.add("column " + (c + 1) + " (" + k.token() + ") is empty");
                    }
                }
            }
            found.add(values);
        }
        final String noMatch = found.isEmpty()
            ? "the record has " + cells.size() + " columns; the template's rows need at least " + narrowest
            : "the record (" + cells.size() + " columns) gives no update"
                + (emptySources.isEmpty() ? "" : ": " + String.join(", ", emptySources));
        return GroupValues.emitAll(found, into, noMatch);
    }

    /** Splits one CSV line: commas, double-quoted cells with "" for a quote. */
    static List<String> split(final String line) {
        final List<String> out = new ArrayList<>();
        final StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            final char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '"' && cell.length() == 0) {
                quoted = true;
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new TemplateException("malformed-csv", "a quoted cell is not closed (cell " + (out.size() + 1) + ")");
        }
        out.add(cell.toString());
        return out;
    }
}
