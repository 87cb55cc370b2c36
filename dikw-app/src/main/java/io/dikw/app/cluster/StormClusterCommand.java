package io.dikw.app.cluster;

import io.dikw.collectives.cluster.ClusterSpec;
import io.dikw.collectives.cluster.ClusterState;
import io.dikw.collectives.cluster.LocalStormCluster;
import io.dikw.collectives.cluster.NetnsLab;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dikw storm-cluster}: a real multi-process Storm cluster on this machine. */
@Command(name = "storm-cluster", mixinStandardHelpOptions = true,
    description = {"Start, inspect and stop a real Apache Storm cluster on this machine: ZooKeeper, Nimbus and "
        + "supervisors as separate processes, with worker JVMs launched by the supervisors, all from the jars "
        + "this build already has (nothing is downloaded).",
        "Topology commands send their topology to it with --submit DIR."},
    subcommands = {StormClusterCommand.Start.class, StormClusterCommand.Status.class, StormClusterCommand.Stop.class,
        NetnsCommand.class})
public final class StormClusterCommand implements Runnable {
    static final String DEFAULT_DIR = "dikw-out/storm-cluster";

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code dikw storm-cluster start}. */
    @Command(name = "start", mixinStandardHelpOptions = true,
        description = "Start ZooKeeper, Nimbus and the supervisors in the background; returns once Nimbus answers "
            + "and every supervisor has registered. Logs and pid files go under --dir.")
    static final class Start implements Callable<Integer> {
        @Option(names = "--supervisors", paramLabel = "S", defaultValue = "2",
            description = "Supervisor processes (each is a Storm node); default: ${DEFAULT-VALUE} "
                + "(with --supervisor-netns: one per namespace).")
        int supervisors;

        @Option(names = "--slots", paramLabel = "P", defaultValue = "2",
            description = "Worker slots per supervisor; default: ${DEFAULT-VALUE}.")
        int slots;

        @Option(names = "--dir", paramLabel = "DIR", defaultValue = DEFAULT_DIR,
            description = "Cluster directory (configuration, logs, pid files); default: ${DEFAULT-VALUE}.")
        Path dir;

        @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address every daemon binds to and advertises; default: ${DEFAULT-VALUE}.")
        String host;

        @Option(names = "--worker-heap", paramLabel = "MB", defaultValue = "" + ClusterSpec.DEFAULT_WORKER_HEAP_MB,
            description = "Heap of each worker JVM in MB; default: ${DEFAULT-VALUE}.")
        int workerHeapMb;

        @Option(names = "--supervisor-netns", paramLabel = "NS", split = ",",
            description = "Run one supervisor in each of these network namespaces (hosts of './dikw storm-cluster netns up', "
                + "e.g. dikw-ns2,dikw-ns3); this command must then run inside dikw-ns1: "
                + "ip netns exec dikw-ns1 ./dikw storm-cluster start --supervisor-netns dikw-ns2,dikw-ns3")
        java.util.List<String> supervisorNetns = java.util.List.of();

        @Option(names = "--ui", description = "Also start the Storm UI (needs the storm-webapp artifact).")
        boolean ui;

        @Override
        public Integer call() throws Exception {
            if (ui) {
                throw new IllegalArgumentException("the Storm UI needs org.apache.storm:storm-webapp, which is not published "
                    + "on Maven Central for this Storm version; use './dikw storm-cluster status' instead");
            }
            final boolean multiHost = !supervisorNetns.isEmpty();
            final String address = multiHost && "127.0.0.1".equals(host) ? NetnsLab.address(1) : host;
            if (multiHost && !NetnsCommand.canBind(address)) {
                throw new IllegalStateException("cannot bind " + address + ": run this command inside the first host, e.g. "
                    + "'ip netns exec " + NetnsLab.namespace(1) + " ./dikw storm-cluster start --supervisor-netns "
                    + String.join(",", supervisorNetns) + "' (create the hosts with './dikw storm-cluster netns up')");
            }
            final ClusterSpec shape = new ClusterSpec(dir, multiHost ? supervisorNetns.size() : supervisors, slots, address,
                workerHeapMb, supervisorNetns);
            final LocalStormCluster cluster = LocalStormCluster.start(shape, line -> System.out.println("  " + line));
            final ClusterState state = cluster.state();
            System.out.print(cluster.status().render());
            System.out.println("Nimbus:    " + state.host() + ":" + state.nimbusPort() + "   ZooKeeper: " + state.host() + ":"
                + state.zookeeperPort());
            System.out.println("Logs:      " + cluster.dir().resolve("logs"));
            System.out.println("Submit:    add --submit " + cluster.dir() + " (or --submit " + state.host() + ":"
                + state.nimbusPort() + ") to a topology command");
            System.out.println("Stop:      ./dikw storm-cluster stop --dir " + cluster.dir());
            return 0;
        }
    }

    /** {@code dikw storm-cluster status}. */
    @Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the supervisors, free and used slots, and running topologies, as Nimbus reports them.")
    static final class Status implements Callable<Integer> {
        @Option(names = "--dir", paramLabel = "DIR", defaultValue = DEFAULT_DIR,
            description = "Cluster directory; default: ${DEFAULT-VALUE}.")
        Path dir;

        @Override
        public Integer call() throws Exception {
            final LocalStormCluster cluster = LocalStormCluster.attach(dir);
            if (!LocalStormCluster.isRunning(dir)) {
                System.out.println("The cluster in " + cluster.dir() + " is not running (start it with './dikw storm-cluster start --dir "
                    + dir + "').");
                return 3;
            }
            System.out.print(cluster.status().render());
            System.out.println("Worker processes: " + cluster.workerPids());
            return 0;
        }
    }

    /** {@code dikw storm-cluster stop}. */
    @Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop every process of the cluster in --dir (daemons and workers, including ones a crashed run left "
            + "behind), found by pid file and checked by command line; other processes are never touched.")
    static final class Stop implements Callable<Integer> {
        @Option(names = "--dir", paramLabel = "DIR", defaultValue = DEFAULT_DIR,
            description = "Cluster directory; default: ${DEFAULT-VALUE}.")
        Path dir;

        @Override
        public Integer call() {
            final int stopped = LocalStormCluster.stop(dir);
            System.out.println(stopped == 0 ? "Nothing was running in " + dir.toAbsolutePath().normalize() + "."
                : "Stopped " + stopped + " processes of the cluster in " + dir.toAbsolutePath().normalize() + ".");
            return 0;
        }
    }
}
