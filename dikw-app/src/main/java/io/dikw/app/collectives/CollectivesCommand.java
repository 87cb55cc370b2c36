package io.dikw.app.collectives;

import io.dikw.collectives.bench.BenchCluster;
import io.dikw.collectives.bench.BenchConfig;
import io.dikw.collectives.bench.BenchPoint;
import io.dikw.collectives.bench.BenchReport;
import io.dikw.collectives.bench.BroadcastExperiment;
import io.dikw.collectives.bench.ProcessBenchCluster;
import io.dikw.collectives.plan.Algorithm;
import io.dikw.core.progress.ProgressBar;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dikw collectives}: collective communication for Storm topologies. */
@Command(name = "collectives", description = "Locality-aware tree and ring collectives for Storm topologies.",
    mixinStandardHelpOptions = true, subcommands = CollectivesCommand.Bench.class)
public final class CollectivesCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code dikw collectives bench}: the seed paper's broadcast experiment. */
    @Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Broadcast latency and throughput of every algorithm side by side, as in the seed paper "
            + "(S -> B -> W x N -> G), in an embedded Storm cluster whose workers talk through Netty.",
            "Prints a table, writes results.json and PNG charts (improvement over serial against message size, one "
            + "line per N) to the output directory. The full grid takes long on a small machine: narrow it with "
            + "--sizes, --tasks, --algorithms and --point-millis for a quick look.",
            "With --cluster DIR it runs on the multi-process cluster of './dikw storm-cluster start --dir DIR' "
            + "(one worker JVM per slot, every slot used); --quick measures N=64 at 1 KB and 100 KB only."})
    static final class Bench implements Callable<Integer> {
        @Option(names = "--sizes", split = ",", paramLabel = "BYTES",
            description = "Message sizes in bytes; default: 100,1000,10000,100000,1000000.")
        List<Integer> sizes = BenchConfig.PAPER_SIZES;

        @Option(names = {"-n", "--tasks"}, split = ",", paramLabel = "N",
            description = "Target task counts N; default: 8,16,32,64.")
        List<Integer> tasks = BenchConfig.PAPER_TASKS;

        @Option(names = {"-a", "--algorithms"}, split = ",", paramLabel = "NAME",
            description = "Algorithms (serial is the baseline of the ratios): serial, flat-tree, binary-tree, ring, "
                + "bidi-ring, auto; default: all.")
        List<String> algorithms = List.of();

        @Option(names = "--latency-messages", paramLabel = "K", defaultValue = "100",
            description = "Round trips measured per point; default: ${DEFAULT-VALUE}.")
        int latencyMessages;

        @Option(names = "--warmup", paramLabel = "K", defaultValue = "20",
            description = "Round trips per point before measuring; default: ${DEFAULT-VALUE}.")
        int warmup;

        @Option(names = "--throughput-messages", paramLabel = "K", defaultValue = "1000",
            description = "Broadcasts per point in the throughput run; default: ${DEFAULT-VALUE}.")
        int throughputMessages;

        @Option(names = "--window", paramLabel = "K", defaultValue = "64",
            description = "Broadcasts in flight at most in the throughput run; default: ${DEFAULT-VALUE}.")
        int window;

        @Option(names = "--point-millis", paramLabel = "MS", defaultValue = "1000",
            description = "Time limit of each latency and each throughput run; default: ${DEFAULT-VALUE}.")
        long pointMillis;

        @Option(names = "--machines", paramLabel = "M", defaultValue = "4",
            description = "Storm supervisors (machines, by node id) in the embedded cluster; default: ${DEFAULT-VALUE}.")
        int machines;

        @Option(names = "--workers-per-machine", paramLabel = "W", defaultValue = "2",
            description = "Worker processes per machine; default: ${DEFAULT-VALUE}.")
        int workersPerMachine;

        @Option(names = "--idle-parks", paramLabel = "K", defaultValue = "" + BenchConfig.STORM_IDLE_PARKS,
            description = "Times an idle bolt executor parks (about 50 us each) before sleeping 1 ms between polls "
                + "(Storm's topology.bolt.wait.progressive.level2.count); 0 saves CPU on small machines; "
                + "default: ${DEFAULT-VALUE} (Storm's).")
        int idleParks;

        @Option(names = "--cluster", paramLabel = "DIR",
            description = "Run on the cluster started by './dikw storm-cluster start --dir DIR' (machines = its "
                + "supervisors, workers per machine = its slots; --machines and --workers-per-machine are then ignored) "
                + "instead of an embedded one.")
        Path cluster;

        @Option(names = "--quick", description = "Only N=64 and sizes 1000,100000 (the issue's targets); "
            + "overrides --tasks and --sizes.")
        boolean quick;

        @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "dikw-out/collectives",
            description = "Directory for results.json and the charts; default: ${DEFAULT-VALUE}.")
        Path out;

        @Override
        public Integer call() throws Exception {
            final List<Algorithm> chosen = algorithms.isEmpty() ? List.of(Algorithm.values())
                : algorithms.stream().map(Algorithm::parse).distinct().toList();
            final List<Integer> n = quick ? List.of(64) : tasks;
            final List<Integer> bytes = quick ? List.of(1_000, 100_000) : sizes;
            try (BenchCluster storm = cluster == null ? null : new ProcessBenchCluster(cluster)) {
                final String where;
                final BenchConfig config;
                if (storm instanceof ProcessBenchCluster p) {
                    config = new BenchConfig(chosen, n, bytes, latencyMessages, warmup, throughputMessages, window,
                        pointMillis, p.supervisors(), p.slotsPerSupervisor(), idleParks);
                    where = "the process cluster: " + p.describe();
                } else {
                    config = new BenchConfig(chosen, n, bytes, latencyMessages, warmup, throughputMessages, window,
                        pointMillis, machines, workersPerMachine, idleParks);
                    where = "an embedded cluster of " + machines + " machines x " + workersPerMachine + " workers";
                }
                System.err.printf(Locale.ROOT, "collectives bench: %d points (%s; N=%s; sizes %s) on %s%n",
                    config.points(), chosen.stream().map(Algorithm::cliName).toList(), n, bytes, where);
                final ProgressBar bar = new ProgressBar("collectives bench", config.points(), System.err);
                final long start = System.nanoTime();
                final List<BenchPoint> points = storm == null
                    ? BroadcastExperiment.run(config, done -> bar.update(done))
                    : BroadcastExperiment.run(config, storm, done -> bar.update(done));
                bar.finish(points.size() + " points");
                final BenchReport report = new BenchReport(config, points);
                report.printTable(System.out);
                final Map<String, Object> machine = machine();
                machine.put("storm", where);
                machine.put("seconds", Math.round((System.nanoTime() - start) / 1e9));
                machine.put("loadAverageAtEnd",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                final Path json = out.resolve("results.json");
                report.writeJson(json, machine);
                final List<Path> charts = report.writeCharts(out);
                System.out.println("wrote " + json + " and " + charts.size() + " charts in " + out);
                return 0;
            }
        }

        private static Map<String, Object> machine() {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("cpus", Runtime.getRuntime().availableProcessors());
            m.put("java", System.getProperty("java.version"));
            m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            return m;
        }
    }
}
