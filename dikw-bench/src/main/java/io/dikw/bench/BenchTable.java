package io.dikw.bench;

import io.dikw.core.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of one benchmark: rows of named figures, printed as an aligned table and written
 * as JSON with the machine it ran on, so figures in a README can be traced to a run.
 */
public final class BenchTable {
    private final String name;
    private final List<String> columns;
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final Map<String, Object> notes = new LinkedHashMap<>();

    /**
     * @param name the benchmark's name
     * @param columns column names, in order
     */
    public BenchTable(final String name, final List<String> columns) {
        this.name = name;
        this.columns = List.copyOf(columns);
    }

    /**
     * @param values one value per column
     * @return this
     */
    public BenchTable row(final Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values for " + columns.size() + " columns");
        }
        final Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            row.put(columns.get(i), values[i]);
        }
        rows.add(row);
        return this;
    }

    /**
     * @param key a note's name
     * @param value its value (settings, targets)
     * @return this
     */
    public BenchTable note(final String key, final Object value) {
        notes.put(key, value);
        return this;
    }

    /** @param out where to print the table */
    public void print(final PrintStream out) {
        final int[] widths = new int[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = columns.get(c).length();
            for (final Map<String, Object> row : rows) {
                widths[c] = Math.max(widths[c], format(row.get(columns.get(c))).length());
            }
        }
        out.println(name);
        final StringBuilder header = new StringBuilder();
        final StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            header.append(String.format(Locale.ROOT, "| %-" + widths[c] + "s ", columns.get(c)));
            rule.append("|").append("-".repeat(widths[c] + 2));
        }
        out.println(header.append('|'));
        out.println(rule.append('|'));
        for (final Map<String, Object> row : rows) {
            final StringBuilder line = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                line.append(String.format(Locale.ROOT, "| %" + widths[c] + "s ", format(row.get(columns.get(c)))));
            }
            out.println(line.append('|'));
        }
        notes.forEach((k, v) -> out.println("  " + k + ": " + v));
    }

    /**
     * @param file the JSON file to write (parent directories are created)
     * @throws IOException when it cannot be written
     */
    public void writeJson(final Path file) throws IOException {
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", name);
        json.put("machine", machine());
        json.put("notes", notes);
        json.put("rows", rows);
        Json.writeFile(file, json);
    }

    /** @return the names of this JVM's garbage collectors, e.g. {@code [G1 Young Generation, G1 Old Generation]} */
    public static List<String> collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList();
    }

    /** @return what this ran on: cores, memory, JVM, OS, garbage collectors */
    public static Map<String, Object> machine() {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("collectors", collectors());
        m.put("date", java.time.LocalDate.now().toString());
        return m;
    }

    private static String format(final Object value) {
        if (value instanceof Double d) {
            return Double.isNaN(d) ? "-" : String.format(Locale.ROOT, Math.abs(d) >= 100 ? "%,.0f" : "%.3f", d);
        }
        if (value instanceof Long || value instanceof Integer) {
            return String.format(Locale.ROOT, "%,d", value);
        }
        return String.valueOf(value);
    }
}
