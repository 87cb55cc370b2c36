package io.dikw.microcluster.data;

import java.io.IOException;

/**
 * A stream of points read one at a time into a caller's buffer, with timestamps and labels.
 * Implementations: {@link CsvPointSource} (files), {@link ArrayPointSource} (memory).
 */
public interface PointSource extends AutoCloseable {
    /** @return dimensions of each point */
    int dims();

    /**
     * Reads the next point.
     *
     * @param into   receives the point's values at {@code offset}
     * @param offset where to write
     * @return false at the end of the stream
     * @throws IOException when reading fails (bad rows are handled by the source's policy)
     */
    boolean next(double[] into, int offset) throws IOException;

    /** @return the timestamp of the point last read (stream seconds) */
    double time();

    /** @return the label id of the point last read, or −1 */
    int label();

    /** @return label names by id (empty when unlabelled) */
    java.util.List<String> labelNames();

    /** @return bad rows skipped so far (0 for sources that have none) */
    default long rejected() {
        return 0;
    }

    @Override
    void close() throws IOException;
}
