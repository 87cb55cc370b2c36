package io.dikw.bench.collectives;

import io.dikw.bench.BenchTable;
import io.dikw.collectives.bench.BenchConfig;
import io.dikw.collectives.bench.BenchPoint;
import io.dikw.collectives.bench.BenchReport;
import io.dikw.collectives.bench.BroadcastExperiment;
import io.dikw.collectives.plan.Algorithm;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The seed paper's broadcast experiment (S → B → W×N → G in LocalCluster, Netty between workers):
 * p50/p99 round-trip latency and throughput of every algorithm side by side, with ratios over
 * serial (Storm's allGrouping); JSON next to PNG charts like the paper's Fig. 9 and 10.
 *
 * <p>Usage: {@code CollectivesBench [--sizes 100,1000] [--tasks 8,16] [--algorithms serial,binary-tree]
 * [--point-millis MS] [--latency-messages K] [--throughput-messages K] [--machines M]
 * [--workers-per-machine W] [--out DIR]}.
 */
public final class CollectivesBench {
    private CollectivesBench() {
    }

    /**
     * @param args see the class comment
     * @throws Exception when a run fails
     */
    public static void main(final String[] args) throws Exception {
        final BenchConfig paper = BenchConfig.paper();
        List<Integer> sizes = paper.sizes();
        List<Integer> tasks = paper.tasks();
        List<Algorithm> algorithms = paper.algorithms();
        long pointMillis = paper.pointMillis();
        int latency = paper.latencyMessages();
        int throughput = paper.throughputMessages();
        int machines = paper.machines();
        int workers = paper.workersPerMachine();
        Path out = Path.of("dikw-out/bench/collectives");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" -> sizes = ints(args[++i]);
                case "--tasks" -> tasks = ints(args[++i]);
                case "--algorithms" -> algorithms = Arrays.stream(args[++i].split(",")).map(Algorithm::parse).toList();
                case "--point-millis" -> pointMillis = Long.parseLong(args[++i]);
                case "--latency-messages" -> latency = Integer.parseInt(args[++i]);
                case "--throughput-messages" -> throughput = Integer.parseInt(args[++i]);
                case "--machines" -> machines = Integer.parseInt(args[++i]);
                case "--workers-per-machine" -> workers = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (options: --sizes, "
                    + "--tasks, --algorithms, --point-millis, --latency-messages, --throughput-messages, --machines, "
                    + "--workers-per-machine, --out)");
            }
        }
        final BenchConfig config = new BenchConfig(algorithms, tasks, sizes, latency, paper.warmup(), throughput,
            paper.window(), pointMillis, machines, workers);
        final List<BenchPoint> points = BroadcastExperiment.run(config,
            done -> System.err.print("\rpoints done: " + done + "/" + config.points()));
        System.err.println();
        final BenchReport report = new BenchReport(config, points);
        final BenchTable table = new BenchTable("collectives-broadcast", List.of("N", "bytes", "algorithm", "p50 us",
            "p99 us", "latency x serial", "broadcasts/s", "messages/s at G", "throughput x serial"));
        for (final BenchPoint p : points) {
            table.row(p.tasks(), p.bytes(), p.algorithm().cliName(), p.p50Micros(), p.p99Micros(),
                report.latencyRatio(p), p.broadcastsPerSecond(), p.messagesPerSecond(), report.throughputRatio(p));
        }
        table.note("transport", "LocalCluster, storm.local.mode.zmq=true (Netty between in-process workers)");
        table.note("layout", machines + " machines x " + workers + " workers");
        table.print(System.out);
        table.writeJson(out.resolve("collectives-broadcast.json"));
        report.writeJson(out.resolve("results.json"), BenchTable.machine());
        report.writeCharts(out);
        System.out.println("wrote " + out);
        System.out.flush();
        // LocalCluster leaves non-daemon Storm threads behind after close: end the JVM with the results written
        System.exit(0);
    }

    private static List<Integer> ints(final String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }
}
