package io.dikw.collectives.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Storm configuration of each daemon of a local cluster. Every daemon shares the ZooKeeper and
 * Nimbus addresses; each supervisor has its own local directory, Thrift port and slot ports, so
 * several supervisors can share one machine and still be distinct Storm nodes.
 */
final class StormConfigs {
    private final ClusterLayout layout;
    private final ClusterState state;

    StormConfigs(final ClusterLayout layout, final ClusterState state) {
        this.layout = layout;
        this.state = state;
    }

    /** @return settings every daemon and every client of this cluster shares */
    Map<String, Object> common() {
        final Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("storm.zookeeper.servers", List.of(state.host()));
        conf.put("storm.zookeeper.port", state.zookeeperPort());
        conf.put("nimbus.seeds", List.of(state.host()));
        conf.put("nimbus.thrift.port", state.nimbusPort());
        conf.put("storm.local.hostname", state.host());
        conf.put("storm.log.dir", layout.logs().toString());
        // Even scheduling over topology.workers (the resource-aware default would pack executors into few workers).
        conf.put("storm.scheduler", "org.apache.storm.scheduler.DefaultScheduler");
        conf.put("worker.heap.memory.mb", state.workerHeapMb());
        conf.put("topology.worker.max.heap.size.mb", (double) state.workerHeapMb());
        conf.put("worker.childopts", "-Xmx%HEAP-MEM%m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError");
        // A dead worker is noticed within seconds rather than the default half minute.
        conf.put("supervisor.worker.timeout.secs", 15);
        conf.put("nimbus.supervisor.timeout.secs", 30);
        conf.put("nimbus.monitor.freq.secs", 3);
        return conf;
    }

    /** @return Nimbus's configuration */
    Map<String, Object> nimbus() {
        final Map<String, Object> conf = common();
        conf.put("storm.local.dir", layout.localDir("nimbus").toString());
        return conf;
    }

    /**
     * @param supervisor the supervisor's ports
     * @return its configuration
     */
    Map<String, Object> supervisor(final ClusterState.Supervisor supervisor) {
        final Map<String, Object> conf = common();
        conf.put("storm.local.dir", layout.localDir(supervisor.name()).toString());
        conf.put("storm.local.hostname", supervisor.host());
        conf.put("supervisor.thrift.port", supervisor.thriftPort());
        conf.put("supervisor.slots.ports", supervisor.slotPorts());
        return conf;
    }
}
