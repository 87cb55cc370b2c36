package io.dikw.collectives.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.storm.generated.StormTopology;
import org.apache.storm.spout.SpoutOutputCollector;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.TopologyBuilder;
import org.apache.storm.topology.base.BaseRichBolt;
import org.apache.storm.topology.base.BaseRichSpout;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Tuple;
import org.apache.storm.tuple.Values;
import org.apache.storm.utils.Utils;

/**
 * A topology that proves where it runs: a spout stamps each tuple with its process id, bolts count
 * what they receive and how much of it crossed from another process, and write that to a report
 * file per bolt task, named by their own process id.
 */
final class PidProbe {
    static final String REPORT_DIR = "probe.report.dir";

    private PidProbe() {
    }

    static StormTopology topology(final int bolts) {
        final TopologyBuilder builder = new TopologyBuilder();
        builder.setSpout("stamp", new StampSpout(), 1);
        // fields grouping spreads tuples over every task (shuffle would prefer tasks in the spout's own worker)
        builder.setBolt("count", new CountBolt(), bolts).fieldsGrouping("stamp", new Fields("seq"));
        return builder.createTopology();
    }

    /** One bolt task's report: where it ran (process and address) and what it received. */
    record Report(long pid, String address, int task, long received, long crossProcess) {
    }

    static List<Report> reports(final Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        final List<Report> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (final Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                final String[] f = Files.readString(file, StandardCharsets.US_ASCII).trim().split(" ");
                out.add(new Report(Long.parseLong(f[0]), f[1], Integer.parseInt(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Emits (sequence, pid) about 500 times a second. */
    static final class StampSpout extends BaseRichSpout {
        private static final long serialVersionUID = 1L;
        private transient SpoutOutputCollector collector;
        private long seq;
        private final long pid = ProcessHandle.current().pid();

        @Override
        public void open(final Map<String, Object> conf, final TopologyContext context, final SpoutOutputCollector out) {
            this.collector = out;
        }

        @Override
        public void nextTuple() {
            collector.emit(new Values(seq++, ProcessHandle.current().pid()));
            Utils.sleep(2);
        }

        @Override
        public void declareOutputFields(final OutputFieldsDeclarer declarer) {
            declarer.declare(new Fields("seq", "pid"));
        }

        long pid() {
            return pid;
        }
    }

    /** Counts tuples (and those from another process) and reports once a second. */
    static final class CountBolt extends BaseRichBolt {
        private static final long serialVersionUID = 1L;
        private transient Path dir;
        private transient long pid;
        private transient String address;
        private transient int task;
        private transient long received;
        private transient long cross;
        private transient long lastReport;

        @Override
        public void prepare(final Map<String, Object> conf, final TopologyContext context, final OutputCollector collector) {
            dir = Path.of((String) conf.get(REPORT_DIR));
            pid = ProcessHandle.current().pid();
            address = siteAddress();
            task = context.getThisTaskId();
            report();
        }

        @Override
        public void execute(final Tuple tuple) {
            received++;
            if (tuple.getLongByField("pid") != pid) {
                cross++;
            }
            if (System.currentTimeMillis() - lastReport > 500) {
                report();
            }
        }

        private void report() {
            lastReport = System.currentTimeMillis();
            try {
                Files.createDirectories(dir);
                final Path tmp = dir.resolve(pid + "-" + task + ".tmp");
                Files.writeString(tmp, pid + " " + address + " " + task + " " + received + " " + cross, StandardCharsets.US_ASCII);
                Files.move(tmp, dir.resolve(pid + "-" + task + ".txt"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void declareOutputFields(final OutputFieldsDeclarer declarer) {
            // a sink
        }

        /** The first non-loopback IPv4 address of this (network namespace's) host, or 127.0.0.1. */
        private static String siteAddress() {
            try {
                for (final NetworkInterface nic : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    for (final InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                        if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                            return a.getHostAddress();
                        }
                    }
                }
            } catch (SocketException e) {
                // fall through
            }
            return "127.0.0.1";
        }
    }
}
