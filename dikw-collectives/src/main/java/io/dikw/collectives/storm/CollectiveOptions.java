package io.dikw.collectives.storm;

import io.dikw.collectives.cost.CostModel;
import io.dikw.collectives.plan.Algorithm;
import io.dikw.collectives.plan.PlanOptions;
import java.io.Serializable;
import java.util.Objects;

/**
 * How one collective runs: the algorithm, the trees' branching factors, and for {@link Algorithm#AUTO}
 * the expected message size and the cost model that picks the algorithm.
 *
 * @param algorithm the algorithm (AUTO resolved when the layout is known)
 * @param plan branching factors at machine and worker level
 * @param expectedBytes typical serialized message size, for AUTO
 * @param costModel the model AUTO consults
 */
public record CollectiveOptions(Algorithm algorithm, PlanOptions plan, long expectedBytes, CostModel costModel)
    implements Serializable {

    /** Validates the parts. */
    public CollectiveOptions {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(costModel, "costModel");
        if (expectedBytes < 0) {
            throw new IllegalArgumentException("expectedBytes must not be negative: " + expectedBytes);
        }
    }

    /**
     * @param algorithm the algorithm
     * @return binary branching, 1 KB expected messages, the calibrated cost model
     */
    public static CollectiveOptions of(final Algorithm algorithm) {
        return new CollectiveOptions(algorithm, PlanOptions.defaults(), 1024, CostModel.calibrated());
    }

    /**
     * @param nodeFanout machine-level branching
     * @param workerFanout worker-level branching
     * @return a copy with these branching factors
     */
    public CollectiveOptions withFanout(final int nodeFanout, final int workerFanout) {
        return new CollectiveOptions(algorithm, new PlanOptions(nodeFanout, workerFanout), expectedBytes, costModel);
    }

    /**
     * @param bytes typical message size
     * @return a copy expecting messages of this size (AUTO's input)
     */
    public CollectiveOptions withExpectedBytes(final long bytes) {
        return new CollectiveOptions(algorithm, plan, bytes, costModel);
    }

    /**
     * @param model the cost model AUTO consults
     * @return a copy with this model
     */
    public CollectiveOptions withCostModel(final CostModel model) {
        return new CollectiveOptions(algorithm, plan, expectedBytes, model);
    }
}
