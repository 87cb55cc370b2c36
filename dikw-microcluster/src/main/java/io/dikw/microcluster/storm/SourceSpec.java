package io.dikw.microcluster.storm;

import io.dikw.core.io.DeadLetters;
import io.dikw.microcluster.data.BadRowPolicy;
import io.dikw.microcluster.data.CsvLayout;
import io.dikw.microcluster.data.CsvPointSource;
import io.dikw.microcluster.data.Normalizer;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * What the spout reads, as a small serializable spec (Storm serializes spouts at submit; the file
 * is opened in {@code open()}).
 *
 * @param file        the CSV file (must exist where the spout runs)
 * @param layout      its columns
 * @param normalize   the normalization
 * @param onBadRow    what to do with bad rows
 * @param deadLetters the dead-letter file, or null to keep none (rows are still counted)
 */
public record SourceSpec(String file, CsvLayout layout, Normalizer.Kind normalize, BadRowPolicy onBadRow,
    String deadLetters) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** @return dead letters for the run */
    public DeadLetters openDeadLetters() {
        return deadLetters == null ? DeadLetters.inMemory(0) : DeadLetters.toFile(Path.of(deadLetters));
    }

    /**
     * @param dead where skipped rows go
     * @return the opened source
     * @throws IOException when the file cannot be read
     */
    public CsvPointSource open(final DeadLetters dead) throws IOException {
        return CsvPointSource.open(Path.of(file), layout, normalize, onBadRow, dead);
    }
}
