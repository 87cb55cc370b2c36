package io.dikw.microcluster.engine;

import io.dikw.microcluster.data.PointSource;
import java.util.function.LongConsumer;

/** Runs parallel SCluStream over a point stream: sequential, local threads, or Storm. */
public interface ClusteringEngine {
    /**
     * @param source   the points (read to the end; not closed)
     * @param listener hears each batch's result, in order
     * @param progress hears points read so far; may be null
     * @return the run's outcome
     * @throws Exception when reading or clustering fails
     */
    RunSummary run(PointSource source, BatchListener listener, LongConsumer progress) throws Exception;
}
