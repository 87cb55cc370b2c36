package io.dikw.collectives.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Starts the daemons of a local cluster as JVMs of their own and finds them again: each gets a pid
 * file, a console log and the cluster's marker property, and only a process that still carries the
 * marker is ever stopped (a pid reused by an unrelated process is left alone).
 */
final class Daemons {
    /** The system property that marks every process of a cluster with its directory. */
    static final String MARKER = "dikw.cluster";

    private final ClusterLayout layout;
    private final List<Path> classpath;
    private final Map<String, String> environment;

    /**
     * @param layout the cluster's layout
     * @param classpath the daemons' classpath
     * @param environment extra environment for every daemon
     */
    Daemons(final ClusterLayout layout, final List<Path> classpath, final Map<String, String> environment) {
        this.layout = layout;
        this.classpath = List.copyOf(classpath);
        this.environment = Map.copyOf(environment);
    }

    /**
     * @param name the daemon's name (log, pid and config file names)
     * @param prefix command that runs it elsewhere (e.g. {@code ip netns exec NS}), empty to run it here; it must exec
     *     the JVM in place, so that the pid is the JVM's
     * @param mainClass its main class
     * @param heapMb its heap
     * @param properties extra system properties
     * @param args its arguments
     * @return the started process
     * @throws IOException when it cannot be started
     */
    Process start(final String name, final List<String> prefix, final String mainClass, final int heapMb,
        final Map<String, String> properties, final List<String> args) throws IOException {
        final List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heapMb + "m");
        command.add("-XX:+UseSerialGC");
        command.add("-D" + MARKER + "=" + layout.marker());
        command.add("-Dstorm.home=" + layout.stormHome());
        command.add("-Dstorm.log.dir=" + layout.logs());
        command.add("-Dlogfile.name=" + name + ".log");
        command.add("-Dlog4j.configurationFile=" + layout.stormHome().resolve("log4j2").resolve("cluster.xml"));
        command.add("-Djava.net.preferIPv4Stack=true");
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-cp");
        command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(mainClass);
        command.addAll(args);
        final ProcessBuilder builder = new ProcessBuilder(command)
            .directory(layout.dir().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.consoleLog(name).toFile()));
        builder.environment().putAll(environment);
        final Process process = builder.start();
        Files.writeString(layout.pidFile(name), Long.toString(process.pid()), StandardCharsets.US_ASCII);
        return process;
    }

    /**
     * @param name a daemon's name
     * @return the running process of that daemon of this cluster, if its pid file names one
     */
    Optional<ProcessHandle> find(final String name) {
        final Path pidFile = layout.pidFile(name);
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            final long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::belongsHere);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * @param process a process
     * @return whether it was started for this cluster (a daemon, or a worker launched from this Storm home)
     */
    boolean belongsHere(final ProcessHandle process) {
        final List<String> args = arguments(process);
        return args.contains("-D" + MARKER + "=" + layout.marker()) || args.contains("-Dstorm.home=" + layout.stormHome());
    }

    /**
     * The full argument list: from /proc on Linux, since {@link ProcessHandle.Info} gives up on
     * command lines longer than a page, as a daemon's classpath easily is.
     */
    private static List<String> arguments(final ProcessHandle process) {
        final Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        if (Files.isReadable(cmdline)) {
            try {
                return List.of(new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).split("\0"));
            } catch (IOException e) {
                return List.of();
            }
        }
        return process.info().arguments().map(List::of).orElse(List.of());
    }

    /**
     * @param name a daemon's name
     * @return the tail of its console and log output, for error messages
     */
    String tail(final String name) {
        final StringBuilder out = new StringBuilder();
        for (final Path file : List.of(layout.consoleLog(name), layout.logs().resolve(name + ".log"))) {
            try {
                if (Files.isRegularFile(file)) {
                    final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(l -> out.append("    ").append(l).append('\n'));
                }
            } catch (IOException e) {
                out.append("    (cannot read ").append(file).append(")\n");
            }
        }
        return out.toString();
    }
}
