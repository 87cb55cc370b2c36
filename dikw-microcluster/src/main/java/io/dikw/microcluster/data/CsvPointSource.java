package io.dikw.microcluster.data;

import io.dikw.core.io.DeadLetters;
import io.dikw.core.io.InputFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Points from a numeric CSV file, normalized per attribute. Normalization statistics come from a
 * first pass over the whole file (bad rows skipped there without being reported: the reading
 * pass reports them), so a file is read twice; standard input can only be read unnormalized.
 */
public final class CsvPointSource implements PointSource {
    private final CsvRows rows;
    private final Normalizer normalizer;
    private final int dims;

    /**
     * @param rows       the rows to read
     * @param normalizer the normalization to apply
     * @param dims       dimensions (the layout's)
     */
    public CsvPointSource(final CsvRows rows, final Normalizer normalizer, final int dims) {
        this.rows = rows;
        this.normalizer = normalizer;
        this.dims = dims;
    }

    /**
     * Opens a file, fitting the normalization first.
     *
     * @param file        the CSV file
     * @param layout      its columns
     * @param kind        the normalization
     * @param policy      what to do with bad rows
     * @param deadLetters where skipped rows go
     * @return the source
     * @throws IOException when the file cannot be read
     */
    public static CsvPointSource open(final Path file, final CsvLayout layout, final Normalizer.Kind kind,
        final BadRowPolicy policy, final DeadLetters deadLetters) throws IOException {
        final Normalizer normalizer = fit(file, layout, kind);
        return new CsvPointSource(new CsvRows(file, layout, policy, deadLetters), normalizer, layout.dims());
    }

    /**
     * @param file   the CSV file
     * @param layout its columns
     * @param kind   the normalization
     * @return the normalization fitted over the file's good rows
     * @throws IOException when the file cannot be read
     */
    public static Normalizer fit(final Path file, final CsvLayout layout, final Normalizer.Kind kind)
        throws IOException {
        final Normalizer.Fitter fitter = new Normalizer.Fitter(layout.dims());
        if (kind == Normalizer.Kind.NONE) {
            return fitter.fit(kind);
        }
        if (InputFiles.isStandardStream(file)) {
            throw new IllegalArgumentException("normalization needs two passes over a file; "
                + "standard input can only be read with --normalize none");
        }
        final double[] x = new double[layout.dims()];
        try (CsvRows pass = new CsvRows(file, layout, BadRowPolicy.SKIP, DeadLetters.inMemory(0))) {
            while (pass.next(x, 0)) {
                fitter.add(x, 0);
            }
        }
        return fitter.fit(kind);
    }

    @Override
    public int dims() {
        return dims;
    }

    @Override
    public boolean next(final double[] into, final int offset) throws IOException {
        if (!rows.next(into, offset)) {
            return false;
        }
        normalizer.apply(into, offset);
        return true;
    }

    @Override
    public double time() {
        return rows.time();
    }

    @Override
    public int label() {
        return rows.label();
    }

    @Override
    public List<String> labelNames() {
        return rows.labelNames();
    }

    /** @return the normalization applied */
    public Normalizer normalizer() {
        return normalizer;
    }

    /** @return good rows read */
    public long rowsRead() {
        return rows.rows();
    }

    @Override
    public long rejected() {
        return rows.skipped();
    }

    /** @return bad rows skipped */
    public long rowsSkipped() {
        return rows.skipped();
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
