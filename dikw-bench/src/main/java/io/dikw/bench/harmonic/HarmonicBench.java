package io.dikw.bench.harmonic;

import io.dikw.bench.BenchTable;
import io.dikw.harmonic.client.ByteSize;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HarmonicIO side by side with Storm (LocalCluster, spout to bolt) and a broker (embedded Artemis,
 * producer to queue to consumer): messages/s and MB/s for each payload size, the same messages
 * through each, with the ratios. HarmonicIO runs a master and two workers with the trivial
 * {@code echo} processor on localhost, over real TCP.
 *
 * <p>Usage: {@code HarmonicBench [--sizes 1KB,100KB,1MB,10MB] [--megabytes M] [--max-messages N]
 * [--min-messages N] [--sources N] [--channels N] [--systems harmonic,storm,artemis] [--quick] [--out FILE]}.
 * Each size sends about M megabytes (within the message bounds) through each system.
 */
public final class HarmonicBench {
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
        List<String> systems = List.of("harmonic", "storm", "artemis");
        Path out = Path.of("dikw-out/bench/harmonic.json");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" -> sizes = Arrays.asList(args[++i].split(","));
                case "--megabytes" -> megabytes = Long.parseLong(args[++i]);
                case "--max-messages" -> maxMessages = Long.parseLong(args[++i]);
                case "--min-messages" -> minMessages = Long.parseLong(args[++i]);
                case "--sources" -> sources = Integer.parseInt(args[++i]);
                case "--channels" -> channels = Integer.parseInt(args[++i]);
                case "--systems" -> systems = Arrays.asList(args[++i].split(","));
                case "--quick" -> {
                    megabytes = 100;
                    maxMessages = 2_000;
                    minMessages = 20;
                }
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (options: --sizes 1KB,100KB "
                    + "--megabytes M --max-messages N --min-messages N --sources N --channels N "
                    + "--systems harmonic,storm,artemis --quick --out FILE)");
            }
        }
        final long largest = sizes.stream().mapToLong(ByteSize::parse).max().orElse(1024);
        final BenchTable table = new BenchTable("harmonic: payload throughput, HarmonicIO vs Storm vs Artemis",
            List.of("payload", "messages", "system", "msg/s", "MB/s", "us/msg/source", "harmonic/this MB/s"));
        final Map<String, AutoCloseable> running = new LinkedHashMap<>();
        try {
            for (final String system : systems) {
                running.put(system, switch (system) {
                    case "harmonic" -> new HarmonicPayloads(2, channels, Math.max(largest + 1024, 64L << 20));
                    case "storm" -> new StormPayloads(sources);
                    case "artemis" -> new ArtemisPayloads();
                    default -> throw new IllegalArgumentException("unknown system " + system + " (harmonic, storm, artemis)");
                });
            }
            for (final String sizeText : sizes) {
                final int size = (int) ByteSize.parse(sizeText);
                final long messages = Math.max(minMessages, Math.min(maxMessages, megabytes * 1_000_000 / size))
                    / sources * sources;
                final List<PayloadRun> runs = new ArrayList<>();
                for (final Map.Entry<String, AutoCloseable> e : running.entrySet()) {
                    runOnce(e.getValue(), size, Math.max(sources, messages / 10), sources); // warm-up
                    final PayloadRun r = runOnce(e.getValue(), size, messages, sources);
                    runs.add(r);
                    System.err.printf(Locale.ROOT, "%s %s: %.0f msg/s, %.1f MB/s%n", sizeText, r.system(),
                        r.messagesPerSecond(), r.megabytesPerSecond());
                }
                final double harmonic = runs.stream().filter(r -> r.system().equals("harmonic"))
                    .mapToDouble(PayloadRun::megabytesPerSecond).findFirst().orElse(Double.NaN);
                for (final PayloadRun r : runs) {
                    table.row(sizeText, r.messages(), r.system(), r.messagesPerSecond(), r.megabytesPerSecond(),
                        r.microsPerMessage(sources), harmonic / r.megabytesPerSecond());
                }
            }
        } finally {
            for (final AutoCloseable c : running.values()) {
                c.close();
            }
        }
        table.note("setup", "HarmonicIO: master + 2 workers x " + channels + " channel(s), echo processor, " + sources
            + " sources over loopback TCP; Storm: LocalCluster, 2 worker slots, " + sources
            + " spouts -> 2 bolts, acking, 16 pending/spout; Artemis: embedded broker, " + sources
            + " producers -> anycast queue -> " + sources + " consumers, non-durable");
        table.note("targets", ">= 1000 MB/s for 10MB payloads; <= 1000 us per message at 1KB; "
            + ">= 2x Storm's MB/s for payloads >= 1MB");
        table.print(System.out);
        table.writeJson(out);
        System.out.println("wrote " + out);
        System.exit(0); // Storm's and Artemis's client threads are not daemons and would keep the JVM up
    }

    private static PayloadRun runOnce(final AutoCloseable system, final int size, final long messages, final int sources)
        throws Exception {
        if (system instanceof HarmonicPayloads h) {
            return h.run(size, messages, sources);
        }
        if (system instanceof StormPayloads s) {
            return s.run(size, messages, sources);
        }
        return ((ArtemisPayloads) system).run(size, messages, sources);
    }
}
