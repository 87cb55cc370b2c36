package io.dikw.app.cluster;

import io.dikw.collectives.cluster.NetnsLab;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dikw storm-cluster netns}: several "hosts" on one Linux machine, as network namespaces. */
@Command(name = "netns", mixinStandardHelpOptions = true,
    description = {"Create or remove a multi-host lab on this machine (needs root and iproute2): network namespaces "
        + "dikw-ns1..N with addresses 10.77.0.1..N joined through a bridge in a namespace of its own (dikw-hub); "
        + "the machine's own interfaces are untouched.",
        "A cluster across them: ip netns exec dikw-ns1 ./dikw storm-cluster start --supervisor-netns dikw-ns2,dikw-ns3"},
    subcommands = {NetnsCommand.Up.class, NetnsCommand.Down.class})
final class NetnsCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * @param address an address
     * @return whether this process can listen on it (i.e. it belongs to the namespace this process runs in)
     */
    static boolean canBind(final String address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code netns up}. */
    @Command(name = "up", mixinStandardHelpOptions = true, description = "Create the hosts (replacing an earlier lab).")
    static final class Up implements Callable<Integer> {
        @Option(names = "--hosts", paramLabel = "N", defaultValue = "3", description = "Hosts; default: ${DEFAULT-VALUE}.")
        int hosts;

        @Override
        public Integer call() throws Exception {
            NetnsLab.up(hosts);
            for (int h = 1; h <= hosts; h++) {
                System.out.println("  " + NetnsLab.namespace(h) + "  " + NetnsLab.address(h));
            }
            System.out.println("Run a command on a host with: ip netns exec " + NetnsLab.namespace(1) + " COMMAND");
            return 0;
        }
    }

    /** {@code netns down}. */
    @Command(name = "down", mixinStandardHelpOptions = true, description = "Remove the hosts and the bridge.")
    static final class Down implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            System.out.println("Removed " + NetnsLab.down() + " namespaces.");
            return 0;
        }
    }
}
