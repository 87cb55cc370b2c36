package io.dikw.graph.template;

import io.dikw.graph.wire.StingerBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Turns one input record (a line) into updates, as one or more templates say. */
public interface RecordTemplate {

    /**
     * Appends the record's edges and vertex updates to a batch; on error nothing is appended.
     *
     * @param record one JSON object or CSV row
     * @param into   the batch being built
     * @return the number of updates appended (at least 1)
     * @throws TemplateException {@code malformed-json}/{@code malformed-csv}, {@code bad-field} (a value of the
     *                           wrong kind) or {@code no-match} (no template group found its values)
     */
    int extract(String record, StingerBatch into);

    /**
     * Reads a template file: CSV if the name ends in {@code .csv}, JSON otherwise.
     *
     * @param file the template
     * @return the template
     * @throws IOException       if the file cannot be read
     * @throws TemplateException ({@code bad-template}) saying what is wrong in it
     */
    static RecordTemplate load(final Path file) throws IOException {
        final String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (final NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "template file not found (absolute: "
                + file.toAbsolutePath() + "); examples are in examples/graph/");
        } catch (final IOException e) {
            throw new IOException("cannot read template " + file + (Files.isDirectory(file) ? ": it is a directory; "
                + "give a template file, e.g. examples/graph/tweets.template.json" : ": " + e.getMessage()), e);
        }
        try {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? CsvTemplate.parse(text)
                : JsonTemplate.parse(text);
        } catch (final TemplateException e) {
            throw new TemplateException(e.reason(), "template " + file + ": " + e.getMessage());
        }
    }
}
