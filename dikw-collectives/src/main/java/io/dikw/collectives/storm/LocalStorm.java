package io.dikw.collectives.storm;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.storm.Config;
import org.apache.storm.DaemonConfig;
import org.apache.storm.LocalCluster;
import org.apache.storm.scheduler.DefaultScheduler;

/**
 * An embedded Storm cluster with several supervisors (machines, by node id) of several worker slots
 * each, whose workers talk through the real Netty transport ({@code storm.local.mode.zmq=true}),
 * on a block of free ports so that parallel test runs on one host do not collide. Executors are
 * spread evenly over the topology's workers (Storm's DefaultScheduler).
 */
public final class LocalStorm {
    private static final int PORT_TRIES = 50;

    private LocalStorm() {
    }

    /**
     * @param supervisors machines
     * @param portsPerSupervisor worker slots per machine
     * @return the running cluster; close it when done
     * @throws Exception when Storm does not start
     */
    public static LocalCluster start(final int supervisors, final int portsPerSupervisor) throws Exception {
        final int base = freePortBlock(supervisors * portsPerSupervisor);
        return new LocalCluster.Builder()
            .withSupervisors(supervisors)
            .withPortsPerSupervisor(portsPerSupervisor)
            .withSupervisorSlotPortMin(base)
            .withDaemonConf(Config.STORM_LOCAL_MODE_ZMQ, true)
            // spread executors evenly over topology.workers slots, as the paper's cluster did
            .withDaemonConf(DaemonConfig.STORM_SCHEDULER, DefaultScheduler.class.getName())
            .build();
    }

    private static int freePortBlock(final int count) throws IOException {
        for (int attempt = 0; attempt < PORT_TRIES; attempt++) {
            final int base = ThreadLocalRandom.current().nextInt(20_000, 60_000);
            if (allFree(base, count)) {
                return base;
            }
        }
        throw new IOException("no block of " + count + " free ports found between 20000 and 60000");
    }

    private static boolean allFree(final int base, final int count) {
        for (int p = base; p < base + count; p++) {
            try (ServerSocket s = new ServerSocket(p)) {
                s.setReuseAddress(true);
            } catch (final IOException e) {
                return false;
            }
        }
        return true;
    }
}
