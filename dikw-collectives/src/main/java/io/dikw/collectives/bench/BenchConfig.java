package io.dikw.collectives.bench;

import io.dikw.collectives.plan.Algorithm;
import java.io.Serializable;
import java.util.List;

/**
 * What the broadcast benchmark measures: every algorithm side by side for each target count and
 * message size, a few hundred milliseconds per point.
 *
 * @param algorithms the algorithms, serial included as the baseline of the ratios
 * @param tasks target task counts N
 * @param sizes message sizes in bytes
 * @param latencyMessages round trips measured per point (after {@code warmup})
 * @param warmup round trips per point not measured
 * @param throughputMessages broadcasts per point in the throughput run
 * @param window broadcasts in flight at most during the throughput run
 * @param pointMillis time limit of each latency and each throughput run
 * @param machines Storm supervisors (machines, by node id)
 * @param workersPerMachine worker processes per machine
 * @param idleParks times an idle bolt executor parks (about 50 µs each) before it sleeps 1 ms between
 *     polls (Storm's {@code topology.bolt.wait.progressive.level2.count}; Storm's default 1,000)
 */
public record BenchConfig(List<Algorithm> algorithms, List<Integer> tasks, List<Integer> sizes, int latencyMessages,
    int warmup, int throughputMessages, int window, long pointMillis, int machines, int workersPerMachine,
    int idleParks) implements Serializable {

    /** Storm's default of {@link #idleParks}. */
    public static final int STORM_IDLE_PARKS = 1_000;

    /** The paper's grid: sizes 100 B to 1 MB, N = 8 to 64, every algorithm. */
    public static final List<Integer> PAPER_SIZES = List.of(100, 1_000, 10_000, 100_000, 1_000_000);
    /** The paper's target counts. */
    public static final List<Integer> PAPER_TASKS = List.of(8, 16, 32, 64);

    /** Validates the grid. */
    public BenchConfig {
        algorithms = List.copyOf(algorithms);
        tasks = List.copyOf(tasks);
        sizes = List.copyOf(sizes);
        if (algorithms.isEmpty() || tasks.isEmpty() || sizes.isEmpty()) {
            throw new IllegalArgumentException("choose at least one algorithm, task count and size");
        }
        if (tasks.stream().anyMatch(n -> n < 1) || sizes.stream().anyMatch(s -> s < 1)) {
            throw new IllegalArgumentException("task counts and sizes must be positive: tasks=" + tasks + " sizes=" + sizes);
        }
        if (latencyMessages < 1 || throughputMessages < 1 || window < 1 || pointMillis < 1 || machines < 1
            || workersPerMachine < 1 || warmup < 0) {
            throw new IllegalArgumentException("message counts, window, time per point, machines and workers must be positive");
        }
        if (idleParks < 0) {
            throw new IllegalArgumentException("idle parks must be 0 or more, got " + idleParks);
        }
    }

    /** The grid with Storm's idle behaviour ({@link #STORM_IDLE_PARKS}). */
    public BenchConfig(final List<Algorithm> algorithms, final List<Integer> tasks, final List<Integer> sizes,
        final int latencyMessages, final int warmup, final int throughputMessages, final int window,
        final long pointMillis, final int machines, final int workersPerMachine) {
        this(algorithms, tasks, sizes, latencyMessages, warmup, throughputMessages, window, pointMillis, machines,
            workersPerMachine, STORM_IDLE_PARKS);
    }

    /** @return the full grid with short points: 100 round trips, 1,000 broadcasts, 1 s per run at most */
    public static BenchConfig paper() {
        return new BenchConfig(List.of(Algorithm.values()), PAPER_TASKS, PAPER_SIZES, 100, 20, 1_000, 64, 1_000, 4, 2);
    }

    /** @return the number of measured points */
    public int points() {
        return algorithms.size() * tasks.size() * sizes.size();
    }
}
