package io.dikw.social.pipeline;

import java.util.List;
import java.util.function.IntFunction;

/** Hears about every time step of a run: progress displays, output writers, dashboards. */
@FunctionalInterface
public interface StepListener {
    /**
     * @param report what happened in the step
     * @param summaries gives summaries of the largest N clusters (0 = all) on demand
     */
    void onStep(StepReport report, IntFunction<List<ClusterSummary>> summaries);

    /** A listener that ignores every step. */
    StepListener NONE = (report, summaries) -> { };

    /**
     * @param listeners listeners to call in order
     * @return one listener calling them all
     */
    static StepListener all(final List<StepListener> listeners) {
        return (report, summaries) -> listeners.forEach(l -> l.onStep(report, summaries));
    }
}
