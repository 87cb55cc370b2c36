package io.dikw.collectives.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.storm.generated.ClusterSummary;
import org.apache.storm.utils.NimbusClient;
import org.apache.storm.utils.Utils;

/**
 * A real Apache Storm cluster on this machine: ZooKeeper, Nimbus and S Supervisors with P worker
 * slots each, every one a separate JVM, and worker JVMs launched by the supervisors from a Storm
 * home materialized under the cluster's directory. {@link #start} waits until Nimbus answers and
 * every supervisor has registered; {@link #attach} reaches a cluster a previous command started;
 * {@link #stop} stops exactly the processes this cluster started (daemons, workers, log writers),
 * found by pid file and checked by their command line.
 */
public final class LocalStormCluster {
    static final String ZOOKEEPER = "zookeeper";
    static final String NIMBUS = "nimbus";
    private static final String ZOOKEEPER_MAIN = "org.apache.storm.shade.org.apache.zookeeper.server.ZooKeeperServerMain";
    private static final String NIMBUS_MAIN = "org.apache.storm.daemon.nimbus.Nimbus";
    private static final String SUPERVISOR_MAIN = "org.apache.storm.daemon.supervisor.Supervisor";
    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final int STORM_SUPERVISOR_PORT = 6628;
    private static final int STORM_FIRST_SLOT_PORT = 6700;

    private final ClusterLayout layout;
    private final ClusterState state;

    private LocalStormCluster(final ClusterLayout layout, final ClusterState state) {
        this.layout = layout;
        this.state = state;
    }

    /**
     * Starts a fresh cluster (state of an earlier cluster in the same directory is wiped; logs are kept
     * only until this start).
     *
     * @param spec the cluster's shape
     * @param progress hears one line per step
     * @return the running cluster
     * @throws IOException when files cannot be written or processes started
     * @throws InterruptedException when interrupted while waiting
     * @throws IllegalStateException when a cluster already runs in the directory, or a daemon does not come up
     *     (the message carries the end of its log)
     */
    public static LocalStormCluster start(final ClusterSpec spec, final Consumer<String> progress)
        throws IOException, InterruptedException {
        final ClusterLayout layout = new ClusterLayout(spec.dir());
        final Daemons probe = new Daemons(layout, List.of(), Map.of());
        if (!runningProcesses(layout, probe).isEmpty()) {
            throw new IllegalStateException("a cluster is already running in " + layout.dir()
                + "; stop it first with './dikw storm-cluster stop --dir " + layout.dir() + "'");
        }
        for (final String stale : List.of("local", "pids", "logs", "storm-home")) {
            deleteTree(layout.dir().resolve(stale));
        }
        Files.createDirectories(layout.dir());
        final ClusterState state = choosePorts(spec);
        final List<Path> classpath = JvmClasspath.entries();
        final List<Path> classDirs = StormHome.materialize(layout, classpath);
        final Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        if (!classDirs.isEmpty()) {
            env.put("STORM_EXT_CLASSPATH", classDirs.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        }
        final Daemons daemons = new Daemons(layout, classpath, env);
        final LocalStormCluster cluster = new LocalStormCluster(layout, state);
        state.save(layout);
        try {
            cluster.startDaemons(daemons, progress);
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.stop();
            throw e;
        }
        return cluster;
    }

    /**
     * @param dir the directory of a started cluster
     * @return the cluster, for status, submit and stop
     * @throws IOException when its state cannot be read
     */
    public static LocalStormCluster attach(final Path dir) throws IOException {
        final ClusterLayout layout = new ClusterLayout(dir);
        return new LocalStormCluster(layout, ClusterState.load(layout));
    }

    /** @return the cluster's addresses */
    public ClusterState state() {
        return state;
    }

    /** @return the cluster's directory */
    public Path dir() {
        return layout.dir();
    }

    /**
     * @return Storm's defaults plus this cluster's addresses: what a client (NimbusClient, StormSubmitter)
     *     needs to reach it
     */
    public Map<String, Object> clientConfig() {
        final Map<String, Object> conf = Utils.readDefaultConfig();
        conf.putAll(new StormConfigs(layout, state).common());
        return conf;
    }

    /**
     * @return what Nimbus reports
     * @throws IllegalStateException when Nimbus cannot be reached
     */
    public ClusterStatus status() {
        final ClusterSummary summary = clusterSummary();
        final List<ClusterStatus.Supervisor> supervisors = summary.get_supervisors().stream()
            .map(s -> new ClusterStatus.Supervisor(s.get_supervisor_id(), s.get_host(), s.get_num_workers(),
                s.get_num_used_workers(), s.get_uptime_secs()))
            .sorted(Comparator.comparing(ClusterStatus.Supervisor::id))
            .toList();
        final List<ClusterStatus.Topology> topologies = summary.get_topologies().stream()
            .map(t -> new ClusterStatus.Topology(t.get_name(), t.get_id(), t.get_status(), t.get_num_workers(),
                t.get_num_executors(), t.get_uptime_secs()))
            .toList();
        return new ClusterStatus(state.host() + ":" + state.nimbusPort(), supervisors, topologies);
    }

    /** @return pids of the worker JVMs the supervisors of this cluster run now */
    public List<Long> workerPids() {
        final Daemons daemons = new Daemons(layout, List.of(), Map.of());
        final List<Long> pids = new ArrayList<>();
        for (final ClusterState.Supervisor supervisor : state.supervisors()) {
            for (final long pid : workerPidFiles(layout.localDir(supervisor.name()))) {
                ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(daemons::belongsHere).ifPresent(p -> pids.add(p.pid()));
            }
        }
        return pids;
    }

    /**
     * Stops every process of this cluster (supervisors, their workers, Nimbus, ZooKeeper) at once:
     * politely (SIGTERM) first, forcibly after ten seconds.
     *
     * @return how many processes were stopped
     */
    public int stop() {
        return stop(layout.dir());
    }

    /**
     * Stops the cluster in a directory, including what a crashed earlier command left running.
     *
     * @param dir the cluster's directory
     * @return how many processes were stopped
     */
    public static int stop(final Path dir) {
        final ClusterLayout layout = new ClusterLayout(dir);
        final Daemons daemons = new Daemons(layout, List.of(), Map.of());
        final List<ProcessHandle> processes = runningProcesses(layout, daemons);
        for (final ProcessHandle process : processes) {
            process.destroy();
        }
        final long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (final ProcessHandle process : processes) {
            final long left = Math.max(0, deadline - System.nanoTime());
            try {
                process.onExit().get(left, java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            } catch (java.util.concurrent.ExecutionException e) {
                process.destroyForcibly();
            }
        }
        for (final ProcessHandle process : processes) {
            process.onExit().join();
        }
        deleteTree(layout.dir().resolve("pids"));
        return processes.size();
    }

    /**
     * @param dir a directory
     * @return whether a cluster's daemons are running there
     */
    public static boolean isRunning(final Path dir) {
        final ClusterLayout layout = new ClusterLayout(dir);
        final Daemons daemons = new Daemons(layout, List.of(), Map.of());
        return daemons.find(NIMBUS).isPresent();
    }

    private void startDaemons(final Daemons daemons, final Consumer<String> progress)
        throws IOException, InterruptedException {
        final StormConfigs configs = new StormConfigs(layout, state);
        progress.accept("starting ZooKeeper on " + state.host() + ":" + state.zookeeperPort());
        final Path zkConfig = layout.stormHome().resolve("conf").resolve("zookeeper.cfg");
        Files.createDirectories(layout.localDir(ZOOKEEPER));
        Files.writeString(zkConfig, String.join("\n",
            "tickTime=2000",
            "dataDir=" + layout.localDir(ZOOKEEPER),
            "clientPort=" + state.zookeeperPort(),
            "clientPortAddress=" + state.host(),
            "maxClientCnxns=0",
            "admin.enableServer=false",
            "4lw.commands.whitelist=srvr,ruok",
            ""), StandardCharsets.UTF_8);
        final Process zookeeper = daemons.start(ZOOKEEPER, List.of(), ZOOKEEPER_MAIN, 256,
            Map.of("zookeeper.admin.enableServer", "false"), List.of(zkConfig.toString()));
        awaitUp(ZOOKEEPER, zookeeper, daemons, () -> FreePorts.listening(state.host(), state.zookeeperPort()));

        progress.accept("starting Nimbus on " + state.host() + ":" + state.nimbusPort());
        StormHome.writeConfig(layout.config(NIMBUS), configs.nimbus());
        final Process nimbus = daemons.start(NIMBUS, List.of(), NIMBUS_MAIN, 512,
            Map.of("storm.conf.file", layout.config(NIMBUS).toString()), List.of());
        awaitUp(NIMBUS, nimbus, daemons, this::nimbusAnswers);

        final List<Process> supervisors = new ArrayList<>();
        for (final ClusterState.Supervisor supervisor : state.supervisors()) {
            progress.accept("starting " + supervisor.name() + " on " + supervisor.host()
                + (supervisor.netns().isEmpty() ? "" : " (network namespace " + supervisor.netns() + ")")
                + " with slots " + supervisor.slotPorts());
            StormHome.writeConfig(layout.config(supervisor.name()), configs.supervisor(supervisor));
            Files.createDirectories(layout.localDir(supervisor.name()));
            supervisors.add(daemons.start(supervisor.name(), supervisor.launchPrefix(), SUPERVISOR_MAIN, 256,
                Map.of("storm.conf.file", layout.config(supervisor.name()).toString()), List.of()));
        }
        progress.accept("waiting for " + supervisors.size() + " supervisors to register with Nimbus");
        final long deadline = System.nanoTime() + STARTUP.toNanos();
        while (registeredSupervisors() < state.supervisors().size()) {
            for (int i = 0; i < supervisors.size(); i++) {
                failIfDead(state.supervisors().get(i).name(), supervisors.get(i), daemons);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + registeredSupervisors() + " of " + supervisors.size()
                    + " supervisors registered within " + STARTUP.toSeconds() + " s; see " + layout.logs());
            }
            Thread.sleep(500);
        }
    }

    private void awaitUp(final String name, final Process process, final Daemons daemons,
        final java.util.function.BooleanSupplier up) throws InterruptedException {
        final long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!up.getAsBoolean()) {
            failIfDead(name, process, daemons);
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not come up within " + STARTUP.toSeconds() + " s; its log ends:\n"
                    + daemons.tail(name));
            }
            Thread.sleep(300);
        }
    }

    private static void failIfDead(final String name, final Process process, final Daemons daemons) {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue() + " while starting; its log ends:\n"
                + daemons.tail(name));
        }
    }

    private boolean nimbusAnswers() {
        try {
            clusterSummary();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private int registeredSupervisors() {
        try {
            return clusterSummary().get_supervisors_size();
        } catch (IllegalStateException e) {
            return 0;
        }
    }

    private ClusterSummary clusterSummary() {
        try (NimbusClient client = NimbusClient.getConfiguredClient(clientConfig(), 5_000)) {
            return client.getClient().getClusterInfo();
        } catch (Exception e) {
            throw new IllegalStateException("Nimbus at " + state.host() + ":" + state.nimbusPort() + " does not answer ("
                + e.getMessage() + "); is the cluster in " + layout.dir() + " running? Try './dikw storm-cluster status'", e);
        }
    }

    private static ClusterState choosePorts(final ClusterSpec spec) {
        final boolean here = spec.supervisorNetns().isEmpty();
        final int perSupervisor = 1 + spec.slotsPerSupervisor();
        final List<Integer> ports = FreePorts.take(spec.host(), 2 + (here ? spec.supervisors() * perSupervisor : 0));
        final List<ClusterState.Supervisor> supervisors = new ArrayList<>();
        for (int s = 0; s < spec.supervisors(); s++) {
            final String name = "supervisor-" + (s + 1);
            if (here) {
                final int base = 2 + s * perSupervisor;
                supervisors.add(new ClusterState.Supervisor(name, spec.host(), "", ports.get(base),
                    List.copyOf(ports.subList(base + 1, base + perSupervisor))));
            } else {
                // a namespace of its own: nothing else listens there, so Storm's usual ports are free
                final String ns = spec.supervisorNetns().get(s);
                final List<Integer> slots = new ArrayList<>();
                for (int p = 0; p < spec.slotsPerSupervisor(); p++) {
                    slots.add(STORM_FIRST_SLOT_PORT + p);
                }
                supervisors.add(new ClusterState.Supervisor(name, NetnsLab.address(NetnsLab.hostNumber(ns)), ns,
                    STORM_SUPERVISOR_PORT, slots));
            }
        }
        return new ClusterState(spec.host(), ports.get(0), ports.get(1), supervisors, spec.workerHeapMb());
    }

    /** Daemons by pid file, workers by Storm's pid files, and log writers by their Storm home; all checked by command line. */
    private static List<ProcessHandle> runningProcesses(final ClusterLayout layout, final Daemons daemons) {
        final Set<ProcessHandle> found = new LinkedHashSet<>();
        final List<String> names = new ArrayList<>();
        final Path local = layout.dir().resolve("local");
        if (Files.isDirectory(local)) {
            try (Stream<Path> dirs = Files.list(local)) {
                dirs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("supervisor-")).sorted().forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + local, e);
            }
        }
        for (final String supervisor : names) {
            daemons.find(supervisor).ifPresent(found::add);
        }
        for (final String supervisor : names) {
            for (final long pid : workerPidFiles(layout.localDir(supervisor))) {
                ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(daemons::belongsHere).ifPresent(found::add);
            }
        }
        for (final String daemon : List.of(NIMBUS, ZOOKEEPER)) {
            daemons.find(daemon).ifPresent(found::add);
        }
        // log writers have no pid file of their own; they carry the Storm home like their workers
        ProcessHandle.allProcesses().filter(p -> p.pid() != ProcessHandle.current().pid())
            .filter(daemons::belongsHere).forEach(found::add);
        return new ArrayList<>(found);
    }

    private static List<Long> workerPidFiles(final Path supervisorLocalDir) {
        final Path workers = supervisorLocalDir.resolve("workers");
        if (!Files.isDirectory(workers)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(workers, 3)) {
            return files.filter(p -> p.getParent() != null && "pids".equals(p.getParent().getFileName().toString()))
                .map(p -> p.getFileName().toString())
                .filter(n -> n.chars().allMatch(Character::isDigit))
                .map(Long::parseLong)
                .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void deleteTree(final Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete " + p, e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
