package io.dikw.collectives.plan;

/**
 * Branching factors of the trees: how many machines a machine gateway sends to, and how many
 * workers of its own machine a worker sends to. {@link Algorithm#FLAT_TREE} ignores the machine
 * factor (the root reaches every machine directly).
 *
 * @param nodeFanout children per machine in the machine-level tree (at least 1)
 * @param workerFanout children per worker in the worker-level tree inside a machine (at least 1)
 */
public record PlanOptions(int nodeFanout, int workerFanout) implements java.io.Serializable {
    /** Default machine-level branching (a binary tree). */
    public static final int NODE_FANOUT_DEFAULT = 2;
    /** Default worker-level branching (a binary tree). */
    public static final int WORKER_FANOUT_DEFAULT = 2;
    /** A branching factor meaning "all at once". */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    /** Validates the factors. */
    public PlanOptions {
        if (nodeFanout < 1 || workerFanout < 1) {
            throw new IllegalArgumentException("branching factors must be at least 1: nodeFanout=" + nodeFanout
                + " workerFanout=" + workerFanout);
        }
    }

    /** @return binary trees at both levels */
    public static PlanOptions defaults() {
        return new PlanOptions(NODE_FANOUT_DEFAULT, WORKER_FANOUT_DEFAULT);
    }
}
