package io.dikw.collectives.storm;

import io.dikw.collectives.cost.CostModel;
import io.dikw.collectives.fold.RoundAggregator;
import io.dikw.collectives.plan.Algorithm;
import io.dikw.collectives.plan.PlanOptions;
import java.io.Serializable;
import java.util.Objects;

/**
 * How one collective runs: the algorithm, the trees' branching factors, for {@link Algorithm#AUTO}
 * the expected message size and the cost model that picks the algorithm, and for reduce-type
 * collectives when a round is given up as incomplete.
 *
 * @param algorithm the algorithm (AUTO resolved when the layout is known)
 * @param plan branching factors at machine and worker level
 * @param expectedBytes typical serialized message size, for AUTO
 * @param costModel the model AUTO consults
 * @param staleAfterRounds a round still open when this many rounds that started after it have
 *     completed is given up (reduce, gather, allreduce, barrier)
 * @param roundTimeoutSeconds a round open this long is given up (0: no timeout; checked on Storm
 *     tick tuples)
 */
public record CollectiveOptions(Algorithm algorithm, PlanOptions plan, long expectedBytes, CostModel costModel,
    int staleAfterRounds, int roundTimeoutSeconds) implements Serializable {

    /** Validates the parts. */
    public CollectiveOptions {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(costModel, "costModel");
        if (expectedBytes < 0) {
            throw new IllegalArgumentException("expectedBytes must not be negative: " + expectedBytes);
        }
        if (staleAfterRounds < 1) {
            throw new IllegalArgumentException("staleAfterRounds must be at least 1: " + staleAfterRounds);
        }
        if (roundTimeoutSeconds < 0) {
            throw new IllegalArgumentException("roundTimeoutSeconds must not be negative: " + roundTimeoutSeconds);
        }
    }

    /**
     * @param algorithm the algorithm
     * @return binary branching, 1 KB expected messages, the calibrated cost model, rounds given up
     *     after {@value RoundAggregator#STALE_AFTER_ROUNDS_DEFAULT} later ones, no timeout
     */
    public static CollectiveOptions of(final Algorithm algorithm) {
        return new CollectiveOptions(algorithm, PlanOptions.defaults(), 1024, CostModel.calibrated(),
            RoundAggregator.STALE_AFTER_ROUNDS_DEFAULT, 0);
    }

    /**
     * @param nodeFanout machine-level branching
     * @param workerFanout worker-level branching
     * @return a copy with these branching factors
     */
    public CollectiveOptions withFanout(final int nodeFanout, final int workerFanout) {
        return new CollectiveOptions(algorithm, new PlanOptions(nodeFanout, workerFanout), expectedBytes, costModel,
            staleAfterRounds, roundTimeoutSeconds);
    }

    /**
     * @param bytes typical message size
     * @return a copy expecting messages of this size (AUTO's input)
     */
    public CollectiveOptions withExpectedBytes(final long bytes) {
        return new CollectiveOptions(algorithm, plan, bytes, costModel, staleAfterRounds, roundTimeoutSeconds);
    }

    /**
     * @param model the cost model AUTO consults
     * @return a copy with this model
     */
    public CollectiveOptions withCostModel(final CostModel model) {
        return new CollectiveOptions(algorithm, plan, expectedBytes, model, staleAfterRounds, roundTimeoutSeconds);
    }

    /**
     * @param rounds later rounds that complete before an open round is given up (more than the rounds
     *     contributors may be apart)
     * @return a copy with this patience
     */
    public CollectiveOptions withStaleAfterRounds(final int rounds) {
        return new CollectiveOptions(algorithm, plan, expectedBytes, costModel, rounds, roundTimeoutSeconds);
    }

    /**
     * @param seconds how long a round may stay open before it is given up (0: no limit); checked on
     *     tick tuples every max(1, seconds / 4) s, or at the bolt's own tick frequency if it sets one
     * @return a copy with this timeout
     */
    public CollectiveOptions withRoundTimeoutSeconds(final int seconds) {
        return new CollectiveOptions(algorithm, plan, expectedBytes, costModel, staleAfterRounds, seconds);
    }
}
