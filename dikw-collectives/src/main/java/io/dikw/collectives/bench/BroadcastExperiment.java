package io.dikw.collectives.bench;

import io.dikw.collectives.plan.Algorithm;
import io.dikw.collectives.storm.CollectiveOptions;
import io.dikw.collectives.storm.Collectives;
import io.dikw.collectives.storm.LocalStorm;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import org.apache.storm.Config;
import org.apache.storm.LocalCluster;
import org.apache.storm.generated.KillOptions;
import org.apache.storm.generated.StormTopology;
import org.apache.storm.topology.TopologyBuilder;

/**
 * The seed paper's broadcast experiment (Fig. 7) in LocalCluster with the Netty transport between
 * workers: S → B → W×N → G, every algorithm side by side (one W component per algorithm, one
 * topology per N, measured one algorithm at a time).
 */
public final class BroadcastExperiment {
    private static final long STARTUP_MILLIS = 120_000;

    private BroadcastExperiment() {
    }

    /**
     * @param config the grid
     * @param progress hears the number of points done so far
     * @return every point, by N, then size, then algorithm
     * @throws Exception when Storm fails or a topology does not finish in time
     */
    public static List<BenchPoint> run(final BenchConfig config, final IntConsumer progress) throws Exception {
        final List<BenchPoint> all = new ArrayList<>();
        // twice the slots the topology uses: the next N starts while the last one's workers shut down
        try (LocalCluster cluster = LocalStorm.start(config.machines(), 2 * config.workersPerMachine())) {
            for (final int tasks : config.tasks()) {
                final int before = all.size();
                all.addAll(runOne(cluster, config, tasks, done -> progress.accept(before + done)));
            }
        }
        return all;
    }

    private static List<BenchPoint> runOne(final LocalCluster cluster, final BenchConfig config, final int tasks,
        final IntConsumer progress) throws Exception {
        final String run = "collectives-bench-" + tasks + "-" + UUID.randomUUID().toString().substring(0, 8);
        final int phases = DriverSpout.phases(config);
        final Probe probe = Probe.register(run, phases);
        final Config conf = new Config();
        conf.setNumWorkers(config.machines() * config.workersPerMachine());
        conf.setNumAckers(0);
        conf.put(Config.TOPOLOGY_WORKER_MAX_HEAP_SIZE_MB, 1024.0);
        try {
            cluster.submitTopology(run, conf, topology(run, config, tasks));
            final long limit = STARTUP_MILLIS + phases * (2 * config.pointMillis() + 25_000L);
            final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limit);
            while (!probe.done.isDone()) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("the benchmark topology for N=" + tasks + " did not finish within "
                        + limit / 1000 + " s");
                }
                progress.accept(probe.pointsDone.get());
                Thread.sleep(200);
            }
            progress.accept(probe.pointsDone.get());
            return probe.done.get();
        } finally {
            final KillOptions kill = new KillOptions();
            kill.set_wait_secs(0);
            try {
                cluster.killTopologyWithOpts(run, kill);
            } finally {
                Probe.remove(run);
            }
        }
    }

    static StormTopology topology(final String run, final BenchConfig config, final int tasks) {
        final TopologyBuilder builder = new TopologyBuilder();
        final Collectives collectives = new Collectives(builder);
        final List<Algorithm> algorithms = config.algorithms();
        builder.setSpout("S", new DriverSpout(run, config, tasks), 1);
        collectives.setBolt("B", new BenchBolts.Broadcaster(algorithms.size()), 1).shuffleGrouping("S");
        final var gather = builder.setBolt("G", new BenchBolts.Gather(run, tasks), 1);
        for (int a = 0; a < algorithms.size(); a++) {
            final String w = "W-" + algorithms.get(a).cliName();
            collectives.setBolt(w, new BenchBolts.Receiver(), tasks);
            // AUTO decides per message from its size (no expected size given)
            collectives.broadcast("B", BenchBolts.stream(a), w,
                CollectiveOptions.of(algorithms.get(a)).withExpectedBytes(0));
            gather.shuffleGrouping(w);
        }
        return builder.createTopology();
    }
}
