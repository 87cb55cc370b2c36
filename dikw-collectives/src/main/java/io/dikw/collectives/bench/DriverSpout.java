package io.dikw.collectives.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.storm.spout.SpoutOutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.base.BaseRichSpout;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Values;

/**
 * S of the paper's Fig. 7: runs the phases (message size × algorithm) one after the other. In each,
 * first round trips one at a time (latency: emit time to the arrival at S of G's report that the
 * N-th copy arrived), then a stream of broadcasts with a bounded number in flight (throughput at G).
 * It first tells G where to report (its {@link CompletionLink} address, on {@link #DRIVER_STREAM})
 * and waits for G to connect; each measured point goes to the harness's {@link ResultServer}.
 */
final class DriverSpout extends BaseRichSpout {
    private static final long serialVersionUID = 1L;
    private static final long LOST_NANOS = TimeUnit.SECONDS.toNanos(20);
    /** Payload bytes in flight at most during a throughput run (all copies counted): bounds memory for 1 MB × 64. */
    static final long MAX_IN_FLIGHT_BYTES = 64L << 20;
    /** Round trips measured at least, even past the time limit (slow points still get a p50). */
    static final int MIN_SAMPLES = 10;
    /** S → G: (host, port) of S's completion listener, once. */
    static final String DRIVER_STREAM = "driver";

    private final String run;
    private final BenchConfig config;
    private final int tasks;
    private final String resultHost;
    private final int resultPort;

    private transient SpoutOutputCollector out;
    private transient Probe probe;
    private transient CompletionLink.Listener listener;
    private transient ResultServer.Client results;
    private transient String host;
    private transient long announcedAt;
    private transient boolean started;
    private transient int phase;
    private transient boolean throughput;
    private transient byte[] payload;
    private transient long nextId;
    private transient long waitingFor;
    private transient long sentAt;
    private transient long phaseStart;
    private transient long measureStart;
    private transient int rounds;
    private transient List<Long> samples;
    private transient long sent;
    private transient long base;
    private transient boolean finished;

    DriverSpout(final String run, final BenchConfig config, final int tasks, final String resultHost,
        final int resultPort) {
        this.run = run;
        this.config = config;
        this.tasks = tasks;
        this.resultHost = resultHost;
        this.resultPort = resultPort;
    }

    /** Phases: one warm-up pass over the algorithms at the first size (not reported), then size × algorithm. */
    static int phases(final BenchConfig config) {
        return (config.sizes().size() + 1) * config.algorithms().size();
    }

    private boolean warmingUp() {
        return phase < config.algorithms().size();
    }

    @Override
    public void open(final Map<String, Object> conf, final TopologyContext context, final SpoutOutputCollector collector) {
        out = collector;
        probe = new Probe(phases(config));
        // the address this worker's supervisor advertises (set on a real cluster), else loopback (LocalCluster)
        host = String.valueOf(conf.getOrDefault("storm.local.hostname", "127.0.0.1"));
        try {
            listener = CompletionLink.Listener.start(probe);
            results = new ResultServer.Client(resultHost, resultPort);
        } catch (IOException e) {
            throw new UncheckedIOException("benchmark " + run + ": cannot listen for G or reach the harness at "
                + resultHost + ":" + resultPort, e);
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
            results.close();
        } catch (IOException e) {
            // shutting down anyway
        }
    }

    private int algorithmIndex() {
        return phase % config.algorithms().size();
    }

    private int bytes() {
        return config.sizes().get(Math.max(0, phase / config.algorithms().size() - 1));
    }

    private void startPhase(final int p) {
        phase = p;
        if (p >= phases(config)) {
            finished = true;
            send(new ResultServer.Finished(run));
            return;
        }
        throughput = false;
        payload = new byte[bytes()];
        Arrays.fill(payload, (byte) p);
        waitingFor = -1;
        rounds = 0;
        measureStart = 0;
        samples = new ArrayList<>();
        phaseStart = System.nanoTime();
    }

    @Override
    public void nextTuple() {
        if (!started) {
            // again every 2 s until G connects: a tuple sent before G's worker was reachable may be lost
            if (announcedAt == 0 || System.nanoTime() - announcedAt > TimeUnit.SECONDS.toNanos(2)) {
                out.emit(DRIVER_STREAM, new Values(host, listener.port()));
                announcedAt = System.nanoTime();
            }
            if (!listener.connected()) {
                pause();
                return;
            }
            started = true;
            startPhase(0);
        }
        if (finished) {
            pause();
            return;
        }
        if (throughput) {
            throughputStep();
        } else {
            latencyStep();
        }
    }

    private void latencyStep() {
        final long now = System.nanoTime();
        if (waitingFor >= 0) {
            final Long at = probe.completedAt.remove(waitingFor);
            if (at == null) {
                if (now - sentAt > LOST_NANOS) {
                    waitingFor = -1;
                    startThroughput(); // a lost round trip: report what was measured
                }
                return;
            }
            final long limit = TimeUnit.MILLISECONDS.toNanos(config.pointMillis());
            if (measureStart != 0) {
                samples.add(at - sentAt);
            } else if (rounds + 1 >= config.warmup() || now - phaseStart > limit / 2) {
                measureStart = now; // warm-up done, or cut short on a slow point
            }
            rounds++;
            waitingFor = -1;
            if (samples.size() >= config.latencyMessages()
                || measureStart != 0 && now - measureStart > limit && samples.size() >= MIN_SAMPLES) {
                startThroughput();
            }
            return;
        }
        waitingFor = nextId++;
        sentAt = System.nanoTime();
        emit(waitingFor, true);
    }

    private void startThroughput() {
        throughput = true;
        sent = 0;
        base = probe.completions.get(phase);
        phaseStart = System.nanoTime();
    }

    private void throughputStep() {
        final long completed = probe.completions.get(phase) - base;
        final long elapsed = System.nanoTime() - phaseStart;
        final boolean inTime = elapsed < TimeUnit.MILLISECONDS.toNanos(config.pointMillis());
        final long window = Math.max(1, Math.min(config.window(), MAX_IN_FLIGHT_BYTES / ((long) bytes() * tasks)));
        if (sent < config.throughputMessages() && sent - completed < window && inTime) {
            emit(nextId++, false);
            sent++;
            return;
        }
        if (completed >= sent || elapsed > LOST_NANOS) {
            finishPhase(completed);
        }
    }

    private void finishPhase(final long completed) {
        final long span = probe.lastCompletion.get(phase) - phaseStart;
        final double perSecond = completed == 0 || span <= 0 ? 0 : completed * 1e9 / span;
        final long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        if (warmingUp()) {
            startPhase(phase + 1);
            return;
        }
        final BenchPoint point = new BenchPoint(config.algorithms().get(algorithmIndex()), tasks, bytes(), sorted.length,
            percentileMicros(sorted, 0.50), percentileMicros(sorted, 0.99),
            sorted.length == 0 ? Double.NaN : Arrays.stream(sorted).average().orElse(0) / 1e3,
            perSecond, perSecond * tasks);
        send(point);
        startPhase(phase + 1);
    }

    private void send(final java.io.Serializable message) {
        try {
            results.send(message);
        } catch (IOException e) {
            throw new UncheckedIOException("benchmark " + run + ": lost the harness at " + resultHost + ":" + resultPort, e);
        }
    }

    private static double percentileMicros(final long[] sorted, final double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        final int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(i, 0)] / 1e3;
    }

    private void emit(final long id, final boolean latency) {
        out.emit(new Values(phase, algorithmIndex(), id, latency, payload));
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void declareOutputFields(final OutputFieldsDeclarer declarer) {
        declarer.declare(new Fields("phase", "algorithm", "id", "latency", "payload"));
        declarer.declareStream(DRIVER_STREAM, new Fields("host", "port"));
    }
}
