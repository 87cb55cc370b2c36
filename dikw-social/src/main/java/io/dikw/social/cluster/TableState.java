package io.dikw.social.cluster;

import io.dikw.core.vector.SparseVector;
import java.util.List;
import java.util.Map;

/**
 * A complete copy of a {@link ClusterTable}'s clusters: what the full synchronization strategy
 * sends to every worker instead of the changes.
 *
 * @param slotCount the table's length
 * @param nextId the id the next new cluster gets
 * @param clusters the live clusters
 * @param markers marker → cluster id
 */
public record TableState(int slotCount, long nextId, List<ClusterState> clusters, Map<String, Long> markers) {

    /**
     * One cluster.
     *
     * @param id its id
     * @param slot its slot
     * @param createdMillis creation time
     * @param latestUpdateMillis latest update
     * @param protomemes protomemes in it
     * @param vectors centroid vectors in {@link Space} order
     * @param markers marker → tweets
     */
    public record ClusterState(long id, int slot, long createdMillis, long latestUpdateMillis, int protomemes,
        SparseVector[] vectors, Map<String, Integer> markers) {
    }
}
