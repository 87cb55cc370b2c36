package io.dikw.collectives.cluster;

import java.nio.file.Path;

/**
 * Where things live under a cluster's directory: the materialized Storm home, one configuration
 * file, log file, pid file and local directory per daemon, and the state file naming the ports.
 */
public final class ClusterLayout {
    private final Path dir;

    /** @param dir the cluster's directory */
    public ClusterLayout(final Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** @return the cluster's directory (absolute) */
    public Path dir() {
        return dir;
    }

    /** @return the Storm home supervisors launch workers from (conf, lib-worker, log4j2) */
    public Path stormHome() {
        return dir.resolve("storm-home");
    }

    /** @return the jars on every worker's classpath */
    public Path libWorker() {
        return stormHome().resolve("lib-worker");
    }

    /** @return log directory of all daemons and workers */
    public Path logs() {
        return dir.resolve("logs");
    }

    /**
     * @param daemon e.g. "nimbus", "supervisor-1"
     * @return the daemon's Storm configuration file
     */
    public Path config(final String daemon) {
        return stormHome().resolve("conf").resolve(daemon + ".yaml");
    }

    /**
     * @param daemon a daemon's name
     * @return its pid file
     */
    public Path pidFile(final String daemon) {
        return dir.resolve("pids").resolve(daemon + ".pid");
    }

    /**
     * @param daemon a daemon's name
     * @return its console output (stdout and stderr)
     */
    public Path consoleLog(final String daemon) {
        return logs().resolve(daemon + ".out");
    }

    /**
     * @param daemon a daemon's name
     * @return its private working directory (ZooKeeper data, storm.local.dir)
     */
    public Path localDir(final String daemon) {
        return dir.resolve("local").resolve(daemon);
    }

    /** @return the file naming the cluster's host and ports */
    public Path stateFile() {
        return dir.resolve("cluster.json");
    }

    /** @return the value of the marker property every process of this cluster carries */
    public String marker() {
        return dir.toString();
    }
}
