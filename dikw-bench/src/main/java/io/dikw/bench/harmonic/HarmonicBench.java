package io.dikw.bench.harmonic;

import io.dikw.bench.BenchTable;
import io.dikw.harmonic.client.ByteSize;
import io.dikw.harmonic.client.HarmonicStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * HarmonicIO side by side with Storm (LocalCluster, spout to bolt) and a broker (embedded Artemis,
 * producer to queue to consumer): messages/s and MB/s for each payload size, the same messages
 * through each, with the ratios, and the latency of one message at low load. HarmonicIO runs a
 * master and two workers with the trivial {@code echo} processor on localhost, over real TCP.
 *
 * <p>Usage: {@code HarmonicBench [--sizes 1KB,100KB,1MB,10MB] [--megabytes M] [--max-messages N]
 * [--min-messages N] [--sources N] [--channels N] [--storm-pending N]
 * [--systems harmonic,harmonic-pertuple,storm,storm-inworker,artemis] [--quick] [--out FILE]}.
 * Each size sends about M megabytes (within the message bounds) through each system.
 */
public final class HarmonicBench {
    private static final String ALL = "harmonic,harmonic-pertuple,storm,storm-inworker,artemis";
    private static final long LATENCY_PROBES = 200;

    private HarmonicBench() {
    }

    /**
     * @param args see the class comment
     * @throws Exception when a run fails
     */
    public static void main(final String[] args) throws Exception {
        List<String> sizes = List.of("1KB", "100KB", "1MB", "10MB");
        long megabytes = 2000;
        long maxMessages = 20_000;
        long minMessages = 100;
        int sources = 2;
        int channels = 1;
        int stormPending = 16;
        List<String> systems = Arrays.asList(ALL.split(","));
        Path out = Path.of("dikw-out/bench/harmonic.json");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" -> sizes = Arrays.asList(args[++i].split(","));
                case "--megabytes" -> megabytes = Long.parseLong(args[++i]);
                case "--max-messages" -> maxMessages = Long.parseLong(args[++i]);
                case "--min-messages" -> minMessages = Long.parseLong(args[++i]);
                case "--sources" -> sources = Integer.parseInt(args[++i]);
                case "--channels" -> channels = Integer.parseInt(args[++i]);
                case "--storm-pending" -> stormPending = Integer.parseInt(args[++i]);
                case "--systems" -> systems = Arrays.asList(args[++i].split(","));
                case "--quick" -> {
                    megabytes = 100;
                    maxMessages = 2_000;
                    minMessages = 20;
                }
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (options: --sizes 1KB,100KB "
                    + "--megabytes M --max-messages N --min-messages N --sources N --channels N --storm-pending N "
                    + "--systems " + ALL + " --quick --out FILE)");
            }
        }
        final long largest = sizes.stream().mapToLong(ByteSize::parse).max().orElse(1024);
        final BenchTable table = new BenchTable("harmonic: payload throughput and latency, HarmonicIO vs Storm vs Artemis",
            List.of("payload", "messages", "system", "msg/s", "MB/s", "us/msg", "latency us", "harmonic/this MB/s"));
        final List<AutoCloseable> running = new ArrayList<>();
        final List<PayloadSystem> under = new ArrayList<>();
        try {
            HarmonicPayloads harmonic = null;
            StormPayloads storm = null;
            for (final String system : systems) {
                switch (system) {
                    case "harmonic", "harmonic-pertuple" -> {
                        if (harmonic == null) {
                            harmonic = new HarmonicPayloads(2, channels, Math.max(largest + 1024, 64L << 20));
                            running.add(harmonic);
                        }
                        under.add(harmonic.mode(system.equals("harmonic")));
                    }
                    case "storm", "storm-inworker" -> {
                        if (storm == null) {
                            storm = new StormPayloads(sources, stormPending);
                            running.add(storm);
                        }
                        under.add(storm.on(system.equals("storm") ? StormPayloads.Route.CROSS_WORKER
                            : StormPayloads.Route.IN_WORKER));
                    }
                    case "artemis" -> {
                        final ArtemisPayloads artemis = new ArtemisPayloads();
                        running.add(artemis);
                        under.add(artemis);
                    }
                    default -> throw new IllegalArgumentException("unknown system " + system + " (" + ALL + ")");
                }
            }
            for (final String sizeText : sizes) {
                final int size = (int) ByteSize.parse(sizeText);
                final long messages = Math.max(minMessages, Math.min(maxMessages, megabytes * 1_000_000 / size))
                    / sources * sources;
                final long probes = Math.max(10, Math.min(LATENCY_PROBES, messages / 10));
                final List<PayloadRun[]> runs = new ArrayList<>();
                for (final PayloadSystem system : under) {
                    final long warmUp = Math.max(sources, Math.min(messages, Math.max(messages / 10, 20)));
                    system.throughput(size, warmUp, sources);
                    final PayloadRun r = system.throughput(size, messages, sources);
                    final PayloadRun l = system.latency(size, probes);
                    runs.add(new PayloadRun[] {r, l});
                    System.err.printf(Locale.ROOT, "%s %s: %.0f msg/s, %.1f MB/s, latency %.0f us%n", sizeText, r.system(),
                        r.messagesPerSecond(), r.megabytesPerSecond(), l.microsPerMessage());
                }
                final double reference = runs.stream().filter(r -> r[0].system().equals("harmonic"))
                    .mapToDouble(r -> r[0].megabytesPerSecond()).findFirst().orElse(Double.NaN);
                for (final PayloadRun[] r : runs) {
                    table.row(sizeText, r[0].messages(), r[0].system(), r[0].messagesPerSecond(), r[0].megabytesPerSecond(),
                        r[0].microsPerMessage(), r[1].microsPerMessage(), reference / r[0].megabytesPerSecond());
                }
            }
        } finally {
            for (final AutoCloseable c : running) {
                c.close();
            }
        }
        table.note("setup", "HarmonicIO: master + 2 workers x " + channels + " channel(s), echo processor, " + sources
            + " sources over loopback TCP; harmonic = streaming sources (ids and channels leased in bulk, up to "
            + HarmonicStream.DEFAULT_WINDOW + " tuples / " + (HarmonicStream.DEFAULT_WINDOW_BYTES >> 20)
            + " MiB in flight per source, batched ACKs), harmonic-pertuple = one endpoint request + frame + ACK per "
            + "tuple; Storm: LocalCluster, 2 workers over Netty (storm.local.mode.zmq=true), " + sources
            + " spouts -> 4 bolts, acking, " + stormPending + " pending/spout; "
            + "storm = direct grouping to a bolt in the other worker "
            + "(Kryo + TCP), storm-inworker = to a bolt in the spout's worker (array handed over by reference); "
            + "Artemis: embedded broker, " + sources + " producers -> anycast queue -> " + sources
            + " consumers, non-durable");
        table.note("columns", "us/msg = 1e6 / aggregate msg/s (amortized cost at saturation); latency us = mean "
            + "end-to-end time of one message (send until the receiver has it) with one sender and one message "
            + "in flight");
        table.note("targets", ">= 1000 MB/s for 10MB payloads; <= 1000 us per message at 1KB; "
            + ">= 2x Storm's MB/s for payloads >= 1MB");
        table.print(System.out);
        table.writeJson(out);
        System.out.println("wrote " + out);
        System.exit(0); // Storm's and Artemis's client threads are not daemons and would keep the JVM up
    }
}
