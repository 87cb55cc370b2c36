package io.dikw.collectives.bench;

import java.util.Map;
import org.apache.storm.generated.StormTopology;

/**
 * Where the benchmark's topologies run: an embedded {@code LocalCluster} ({@link EmbeddedBenchCluster})
 * or the multi-process cluster of {@code ./dikw storm-cluster start} ({@link ProcessBenchCluster}).
 */
public interface BenchCluster extends AutoCloseable {
    /** @return the address at which the cluster's workers reach this process */
    String harnessHost();

    /**
     * @param name the topology's name
     * @param conf its settings (workers, ackers)
     * @param topology the topology
     * @throws Exception when Storm refuses it
     */
    void submit(String name, Map<String, Object> conf, StormTopology topology) throws Exception;

    /**
     * Kills a topology and waits until its worker slots can take the next one.
     *
     * @param name the topology's name
     * @throws Exception when Storm cannot be reached
     */
    void kill(String name) throws Exception;

    /** Releases what this object started (an embedded cluster); a process cluster keeps running. */
    @Override
    void close() throws Exception;
}
