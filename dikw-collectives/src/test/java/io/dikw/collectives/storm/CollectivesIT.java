package io.dikw.collectives.storm;

import static org.assertj.core.api.Assertions.assertThat;

import io.dikw.collectives.fold.Combiner;
import io.dikw.collectives.plan.Algorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.storm.Config;
import org.apache.storm.LocalCluster;
import org.apache.storm.generated.KillOptions;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every collective, for every algorithm, in LocalCluster with 3 machines of 2 worker slots and the
 * Netty transport between workers: S → B, broadcast B → W×10 and S → W×10 (a spout root), then W contributes to reduces (a sum, a
 * string concatenation: not commutative, and a sum that one task skips in one round) and a gather at
 * G, an allreduce and a barrier among W; one W and G per algorithm, all in one topology.
 */
class CollectivesIT {
    private static final int W = 10;
    private static final int ROUNDS = 40;
    /** The round the lowest W task does not contribute to the "gap" reduce. */
    private static final long GAP_ROUND = 5;
    private static final Map<String, Run> RUNS = new ConcurrentHashMap<>();

    /** What the tasks of one run saw. */
    static final class Run {
        final Map<Integer, List<Long>> broadcast = new ConcurrentHashMap<>();
        final Map<Integer, List<Long>> fromSpout = new ConcurrentHashMap<>();
        final Map<Long, Long> reduced = new ConcurrentHashMap<>();
        final Map<Long, String> concatenated = new ConcurrentHashMap<>();
        final Map<Long, Long> gapReduced = new ConcurrentHashMap<>();
        final Map<Long, List<Object>> gapIncomplete = new ConcurrentHashMap<>();
        final Map<Long, List<Object>> gathered = new ConcurrentHashMap<>();
        final Map<Integer, Map<Long, Long>> allreduced = new ConcurrentHashMap<>();
        final Map<Integer, List<Long>> released = new ConcurrentHashMap<>();
        final Set<Integer> workerPorts = ConcurrentHashMap.newKeySet();
        final Set<Integer> direct = ConcurrentHashMap.newKeySet();
        final List<String> errors = new CopyOnWriteArrayList<>();
    }

    /** One topology with every algorithm side by side (one submission: workers start and stop once). */
    @BeforeAll
    static void runAllAlgorithms() throws Exception {
        final TopologyBuilder builder = new TopologyBuilder();
        final Collectives c = new Collectives(builder);
        c.setSpout("S", new Rounds(), 1);
        c.setBolt("B", new Broadcaster(), 1).shuffleGrouping("S");
        for (final Algorithm algorithm : Algorithm.values()) {
            final String id = algorithm.cliName();
            RUNS.put(id, new Run());
            final String w = "W-" + id;
            final String g = "G-" + id;
            c.setBolt(w, new Worker(id), W);
            c.setBolt(g, new Root(id), 1);
            final CollectiveOptions options = CollectiveOptions.of(algorithm).withExpectedBytes(100);
            c.broadcast("B", "data", w, options);
            c.broadcast("S", "rounds", w, options); // a spout root
            c.reduce(w, "sum", g, (a, b) -> List.of((Long) a.get(0) + (Long) b.get(0)), options);
            c.gather(w, "items", g, options);
            c.reduce(w, "word", g, (a, b) -> List.of((String) a.get(0) + b.get(0)), options);
            c.reduce(w, "gap", g, (a, b) -> List.of((Long) a.get(0) + (Long) b.get(0)),
                options.withStaleAfterRounds(3));
            c.allreduce(w, "max", Combiner.commutative((a, b) -> List.of(Math.max((Long) a.get(0), (Long) b.get(0)))),
                options);
            c.barrier(w, "sync", options);
        }
        final Config conf = new Config();
        conf.setNumWorkers(6);
        conf.setNumAckers(0);
        try (LocalCluster cluster = LocalStorm.start(3, 2)) {
            cluster.submitTopology("collectives-it", conf, builder.createTopology());
            try {
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (!RUNS.values().stream().allMatch(CollectivesIT::complete) && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            } finally {
                final KillOptions kill = new KillOptions();
                kill.set_wait_secs(0);
                cluster.killTopologyWithOpts("collectives-it", kill);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void everyCollectiveDeliversExactlyOnceInOrderWithTheSequentialResult(final Algorithm algorithm) {
        final Run run = RUNS.get(algorithm.cliName());
        assertThat(run.errors).isEmpty();
        assertThat(run.workerPorts).as("W spread over workers").hasSizeGreaterThan(2);
        final List<Long> all = new ArrayList<>();
        for (long r = 0; r < ROUNDS; r++) {
            all.add(r);
        }
        assertThat(run.broadcast).hasSize(W);
        if (algorithm == Algorithm.SERIAL) {
            assertThat(run.direct).as("allGrouping: every task straight from B").hasSize(W);
        } else if (algorithm != Algorithm.AUTO) {
            assertThat(run.direct).as("the others relay: B sends to fewer tasks").hasSizeLessThan(W);
        }
        run.broadcast.forEach((task, got) -> assertThat(got).as("task %d", task).isEqualTo(all));
        assertThat(run.fromSpout).as("broadcast from the spout").hasSize(W);
        run.fromSpout.forEach((task, got) -> assertThat(got).as("task %d, from the spout", task).isEqualTo(all));
        final long taskSum = run.broadcast.keySet().stream().mapToLong(Integer::longValue).sum();
        final long maxTask = run.broadcast.keySet().stream().mapToLong(Integer::longValue).max().orElseThrow();
        final int lowest = run.broadcast.keySet().stream().mapToInt(Integer::intValue).min().orElseThrow();
        for (long r = 0; r < ROUNDS; r++) {
            assertThat(run.reduced.get(r)).as("sum in round %d", r).isEqualTo(taskSum * (r + 1));
            final long round = r;
            assertThat(run.concatenated.get(r)).as("concatenation in task order, round %d", r).isEqualTo(
                run.broadcast.keySet().stream().sorted().map(t -> word(t, round)).reduce("", String::concat));
            if (r == GAP_ROUND) {
                assertThat(run.gapReduced).as("no result for the incomplete round").doesNotContainKey(r);
                assertThat(run.gapIncomplete.get(r)).as("incomplete notice: the missing task").containsExactly(lowest);
            } else {
                assertThat(run.gapReduced.get(r)).as("gap sum in round %d", r).isEqualTo(taskSum * (r + 1));
            }
            final List<Object> g = run.gathered.get(r);
            assertThat(g).as("gather round %d", r).hasSize(W);
            assertThat(g.stream().map(e -> (Object) ((List<?>) e).get(0)).toList())
                .containsExactlyElementsOf(run.broadcast.keySet().stream().sorted().map(i -> (Object) i).toList());
        }
        assertThat(run.allreduced).hasSize(W);
        for (final Map<Long, Long> perRound : run.allreduced.values()) {
            for (long r = 0; r < ROUNDS; r++) {
                assertThat(perRound.get(r)).isEqualTo(maxTask * 1000 + r);
            }
        }
        assertThat(run.released).hasSize(W);
        run.released.values().forEach(got -> assertThat(got).containsExactlyInAnyOrderElementsOf(all));
    }

    private static boolean complete(final Run run) {
        return run.reduced.size() == ROUNDS && run.gathered.size() == ROUNDS && run.concatenated.size() == ROUNDS
            && run.gapReduced.size() + run.gapIncomplete.size() == ROUNDS && run.allreduced.size() == W
            && run.allreduced.values().stream().allMatch(m -> m.size() == ROUNDS) && run.released.size() == W
            && run.released.values().stream().allMatch(l -> l.size() == ROUNDS)
            && run.broadcast.size() == W && run.broadcast.values().stream().allMatch(l -> l.size() == ROUNDS)
            && run.fromSpout.size() == W && run.fromSpout.values().stream().allMatch(l -> l.size() == ROUNDS);
    }

    /** Emits rounds 0..ROUNDS-1. */
    static final class Rounds extends BaseRichSpout {
        private transient SpoutOutputCollector out;
        private transient long next;

        @Override
        public void open(final Map<String, Object> conf, final TopologyContext context, final SpoutOutputCollector c) {
            out = c;
        }

        @Override
        public void nextTuple() {
            if (next < ROUNDS) {
                out.emit("rounds", new Values(next));
                out.emit(new Values(next++));
            } else {
                try {
                    Thread.sleep(5);
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void declareOutputFields(final OutputFieldsDeclarer d) {
            d.declare(new Fields("round"));
            d.declareStream("rounds", new Fields("round"));
        }
    }

    /** A plain bolt: forwards each round with a payload on stream "data". */
    static final class Broadcaster extends BaseRichBolt {
        private transient OutputCollector out;

        @Override
        public void prepare(final Map<String, Object> conf, final TopologyContext context, final OutputCollector c) {
            out = c;
        }

        @Override
        public void execute(final Tuple input) {
            out.emit("data", new Values(input.getLong(0), new byte[100]));
        }

        @Override
        public void declareOutputFields(final OutputFieldsDeclarer d) {
            d.declareStream("data", new Fields("round", "bytes"));
        }
    }

    /** Records each broadcast and contributes to the four collectives. */
    static final class Worker extends BaseRichBolt {
        private final String id;
        private transient OutputCollector out;
        private transient int task;
        private transient int lowestTask;

        Worker(final String id) {
            this.id = id;
        }

        @Override
        public void prepare(final Map<String, Object> conf, final TopologyContext context, final OutputCollector c) {
            out = c;
            task = context.getThisTaskId();
            lowestTask = context.getComponentTasks(context.getThisComponentId()).stream().min(Integer::compare)
                .orElseThrow();
            RUNS.get(id).workerPorts.add(context.getThisWorkerPort());
        }

        @Override
        public void execute(final Tuple t) {
            final Run run = RUNS.get(id);
            switch (t.getSourceStreamId()) {
                case "data" -> {
                    if (!t.getSourceComponent().equals("B") || t.getBinaryByField("bytes").length != 100) {
                        run.errors.add("unexpected broadcast tuple " + t);
                    }
                    if (!(t instanceof DeliveredTuple)) {
                        run.direct.add(task);
                    }
                    final long round = t.getLongByField("round");
                    run.broadcast.computeIfAbsent(task, k -> new CopyOnWriteArrayList<>()).add(round);
                    out.emit("sum", new Values(round, (long) task * (round + 1)));
                    out.emit("word", new Values(round, word(task, round)));
                    if (round != GAP_ROUND || task != lowestTask) {
                        out.emit("gap", new Values(round, (long) task * (round + 1)));
                    }
                    out.emit("items", new Values(round, "from-" + task));
                    out.emit("max", new Values(round, task * 1000L + round));
                    out.emit("sync", new Values(round));
                }
                case "rounds" -> {
                    if (!t.getSourceComponent().equals("S")) {
                        run.errors.add("unexpected spout broadcast tuple " + t);
                    }
                    run.fromSpout.computeIfAbsent(task, k -> new CopyOnWriteArrayList<>()).add(t.getLong(0));
                }
                case "max" -> run.allreduced.computeIfAbsent(task, k -> new ConcurrentHashMap<>())
                    .put(t.getLong(0), t.getLong(1));
                case "sync" -> run.released.computeIfAbsent(task, k -> new CopyOnWriteArrayList<>()).add(t.getLong(0));
                default -> run.errors.add("W got " + t.getSourceStreamId());
            }
        }

        @Override
        public void declareOutputFields(final OutputFieldsDeclarer d) {
            d.declareStream("sum", new Fields("round", "sum"));
            d.declareStream("word", new Fields("round", "word"));
            d.declareStream("gap", new Fields("round", "sum"));
            d.declareStream("items", new Fields("round", "item"));
            d.declareStream("max", new Fields("round", "max"));
            d.declareStream("sync", new Fields("round"));
        }
    }

    /** The reduce and gather root. */
    static final class Root extends BaseRichBolt {
        private final String id;

        Root(final String id) {
            this.id = id;
        }

        @Override
        public void prepare(final Map<String, Object> conf, final TopologyContext context, final OutputCollector c) {
        }

        @SuppressWarnings("unchecked")
        @Override
        public void execute(final Tuple t) {
            final Run run = RUNS.get(id);
            final String stream = t.getSourceStreamId();
            if (stream.equals("sum")) {
                once(run, run.reduced.put(t.getLong(0), t.getLongByField("sum")), t);
            } else if (stream.equals("word")) {
                once(run, run.concatenated.put(t.getLong(0), t.getStringByField("word")), t);
            } else if (stream.equals("gap")) {
                once(run, run.gapReduced.put(t.getLong(0), t.getLong(1)), t);
            } else if (stream.equals(Collectives.incompleteStream("gap"))) {
                once(run, run.gapIncomplete.put(t.getLong(0), (List<Object>) t.getValueByField("missing")), t);
            } else if (t.getSourceStreamId().equals(Collectives.gatheredStream("items"))) {
                if (run.gathered.put(t.getLong(0), (List<Object>) t.getValue(1)) != null) {
                    run.errors.add("second gather for round " + t.getLong(0));
                }
            } else {
                run.errors.add("G got " + t.getSourceStreamId());
            }
        }

        private static void once(final Run run, final Object previous, final Tuple t) {
            if (previous != null) {
                run.errors.add("second outcome for round " + t.getLong(0) + " on " + t.getSourceStreamId());
            }
        }

        @Override
        public void declareOutputFields(final OutputFieldsDeclarer d) {
        }
    }

    private static String word(final int task, final long round) {
        return task + "@" + round + ";";
    }
}
