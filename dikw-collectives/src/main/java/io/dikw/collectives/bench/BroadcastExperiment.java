package io.dikw.collectives.bench;

import io.dikw.collectives.plan.Algorithm;
import io.dikw.collectives.storm.CollectiveOptions;
import io.dikw.collectives.storm.Collectives;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import org.apache.storm.Config;
import org.apache.storm.generated.StormTopology;
import org.apache.storm.topology.TopologyBuilder;

/**
 * The seed paper's broadcast experiment (Fig. 7): S → B → W×N → G, every algorithm side by side.
 * One topology per N; its one W component (N tasks) receives every algorithm's broadcast, each on
 * its own stream of B, and the driver spout S exercises one algorithm at a time (so the idle
 * algorithms cost no executors). Runs in an embedded cluster or on a multi-process one ({@link BenchCluster}).
 */
public final class BroadcastExperiment {
    private static final long STARTUP_MILLIS = 120_000;

    private BroadcastExperiment() {
    }

    /**
     * Runs the grid in an embedded cluster of {@code machines × workersPerMachine} workers (Netty between them).
     *
     * @param config the grid
     * @param progress hears the number of points done so far
     * @return every point, by N, then size, then algorithm
     * @throws Exception when Storm fails or a topology does not finish in time
     */
    public static List<BenchPoint> run(final BenchConfig config, final IntConsumer progress) throws Exception {
        try (BenchCluster cluster = new EmbeddedBenchCluster(config.machines(), 2 * config.workersPerMachine())) {
            return run(config, cluster, progress);
        }
    }

    /**
     * @param config the grid; its machines × workersPerMachine is the topology's worker count
     * @param cluster where the topologies run
     * @param progress hears the number of points done so far
     * @return every point, by N, then size, then algorithm
     * @throws Exception when Storm fails or a topology does not finish in time
     */
    public static List<BenchPoint> run(final BenchConfig config, final BenchCluster cluster, final IntConsumer progress)
        throws Exception {
        final List<BenchPoint> all = new ArrayList<>();
        for (final int tasks : config.tasks()) {
            final int before = all.size();
            all.addAll(runOne(cluster, config, tasks, done -> progress.accept(before + done)));
        }
        return all;
    }

    private static List<BenchPoint> runOne(final BenchCluster cluster, final BenchConfig config, final int tasks,
        final IntConsumer progress) throws Exception {
        final String run = "collectives-bench-" + tasks + "-" + UUID.randomUUID().toString().substring(0, 8);
        final int phases = DriverSpout.phases(config);
        final Map<String, Object> conf = new HashMap<>();
        conf.put(Config.TOPOLOGY_WORKERS, config.machines() * config.workersPerMachine());
        conf.put(Config.TOPOLOGY_ACKER_EXECUTORS, 0);
        conf.put(Config.TOPOLOGY_BOLT_WAIT_PROGRESSIVE_LEVEL2_COUNT, config.idleParks());
        try (ResultServer results = ResultServer.start(cluster.harnessHost())) {
            cluster.submit(run, conf, topology(run, config, tasks, cluster.harnessHost(), results.port()));
            try {
                final long limit = STARTUP_MILLIS + phases * (2 * config.pointMillis() + 25_000L);
                final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limit);
                while (!results.done.isDone()) {
                    if (System.nanoTime() > deadline) {
                        throw new TimeoutException("the benchmark topology for N=" + tasks + " did not finish within "
                            + limit / 1000 + " s");
                    }
                    progress.accept(results.pointsDone.get());
                    Thread.sleep(200);
                }
                progress.accept(results.pointsDone.get());
                return results.done.get();
            } finally {
                cluster.kill(run);
            }
        }
    }

    static StormTopology topology(final String run, final BenchConfig config, final int tasks, final String resultHost,
        final int resultPort) {
        final TopologyBuilder builder = new TopologyBuilder();
        final Collectives collectives = new Collectives(builder);
        final List<Algorithm> algorithms = config.algorithms();
        builder.setSpout("S", new DriverSpout(run, config, tasks, resultHost, resultPort), 1);
        collectives.setBolt("B", new BenchBolts.Broadcaster(algorithms.size()), 1).shuffleGrouping("S");
        collectives.setBolt("W", new BenchBolts.Receiver(), tasks);
        for (int a = 0; a < algorithms.size(); a++) {
            // AUTO decides per message from its size (no expected size given)
            collectives.broadcast("B", BenchBolts.stream(a), "W",
                CollectiveOptions.of(algorithms.get(a)).withExpectedBytes(0));
        }
        builder.setBolt("G", new BenchBolts.Gather(tasks), 1).shuffleGrouping("W")
            .allGrouping("S", DriverSpout.DRIVER_STREAM);
        return builder.createTopology();
    }
}
