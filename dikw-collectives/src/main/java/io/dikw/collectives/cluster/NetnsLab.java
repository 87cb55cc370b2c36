package io.dikw.collectives.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small multi-host network on one Linux machine: {@code n} network namespaces ("hosts") named
 * {@code dikw-ns1 … dikw-nsN} with addresses {@code 10.77.0.1 … 10.77.0.N}, joined by veth pairs to a
 * bridge that lives in a namespace of its own ({@code dikw-hub}), so the machine's own interfaces and
 * addresses are never touched. Needs root and iproute2.
 */
public final class NetnsLab {
    /** The namespace holding the bridge. */
    public static final String HUB = "dikw-hub";
    private static final String PREFIX = "dikw-ns";
    private static final String SUBNET = "10.77.0.";

    private NetnsLab() {
    }

    /**
     * @param host 1-based host number
     * @return that host's namespace name
     */
    public static String namespace(final int host) {
        return PREFIX + host;
    }

    /**
     * @param host 1-based host number
     * @return that host's address
     */
    public static String address(final int host) {
        return SUBNET + host;
    }

    /**
     * Creates the hosts (first removing any left from an earlier run).
     *
     * @param hosts how many namespaces (2..200)
     * @throws IOException when a command fails (the message carries its output; usually: not root)
     * @throws InterruptedException when interrupted
     */
    public static void up(final int hosts) throws IOException, InterruptedException {
        if (hosts < 2 || hosts > 200) {
            throw new IllegalArgumentException("hosts must be 2..200, got " + hosts);
        }
        down();
        ip("netns", "add", HUB);
        ip("-n", HUB, "link", "add", "br0", "type", "bridge");
        ip("-n", HUB, "link", "set", "br0", "up");
        for (int h = 1; h <= hosts; h++) {
            final String ns = namespace(h);
            ip("netns", "add", ns);
            ip("-n", ns, "link", "set", "lo", "up");
            ip("-n", ns, "link", "add", "eth0", "type", "veth", "peer", "name", "v" + h, "netns", HUB);
            ip("-n", ns, "addr", "add", address(h) + "/24", "dev", "eth0");
            ip("-n", ns, "link", "set", "eth0", "up");
            ip("-n", HUB, "link", "set", "v" + h, "master", "br0");
            ip("-n", HUB, "link", "set", "v" + h, "up");
        }
    }

    /**
     * Removes every namespace of the lab (deleting a namespace deletes its links).
     *
     * @return how many namespaces were removed
     * @throws IOException when listing or deleting fails
     * @throws InterruptedException when interrupted
     */
    public static int down() throws IOException, InterruptedException {
        int removed = 0;
        for (final String ns : namespaces()) {
            if (ns.equals(HUB) || ns.startsWith(PREFIX)) {
                ip("netns", "del", ns);
                removed++;
            }
        }
        return removed;
    }

    /**
     * @param ns a namespace name
     * @return its host number, or -1 when it is not one of the lab's hosts
     */
    public static int hostNumber(final String ns) {
        if (!ns.startsWith(PREFIX)) {
            return -1;
        }
        try {
            return Integer.parseInt(ns.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<String> namespaces() throws IOException, InterruptedException {
        final List<String> out = new ArrayList<>();
        for (final String line : ip("netns", "list").split("\n")) {
            if (!line.isBlank()) {
                out.add(line.trim().split("\\s+")[0]);
            }
        }
        return out;
    }

    private static String ip(final String... args) throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>();
        command.add("ip");
        command.addAll(List.of(args));
        final Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot run 'ip' (install iproute2): " + e.getMessage(), e);
        }
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("'" + String.join(" ", command) + "' did not finish within 30 s");
        }
        if (process.exitValue() != 0) {
            throw new IOException("'" + String.join(" ", command) + "' failed (" + output.trim()
                + "); network namespaces need root");
        }
        return output;
    }
}
