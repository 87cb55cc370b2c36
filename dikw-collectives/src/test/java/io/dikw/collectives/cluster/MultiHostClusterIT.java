package io.dikw.collectives.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Three hosts as Linux network namespaces (root and iproute2 needed; skipped otherwise): ZooKeeper and
 * Nimbus on the first, a supervisor on each of the others, a topology whose workers run on both.
 */
class MultiHostClusterIT {
    private static final Path DIR = Path.of("target", "it-multihost").toAbsolutePath();

    @Test
    void aTopologyRunsAcrossSupervisorsOnTwoHosts() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "network namespaces need root");
        assumeTrue(new File("/usr/sbin/ip").canExecute() || new File("/sbin/ip").canExecute() || new File("/usr/bin/ip").canExecute(),
            "iproute2 (ip) is not installed");
        try {
            NetnsLab.up(3);
        } catch (java.io.IOException e) {
            NetnsLab.down();
            assumeTrue(!String.valueOf(e.getMessage()).contains("not permitted"),
                "this machine does not allow network namespaces: " + e.getMessage());
            throw e;
        }
        try {
            final List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", NetnsLab.namespace(1),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
                JvmClasspath.entries().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                MultiHostRun.class.getName(), DIR.toString()));
            Files.createDirectories(DIR);
            final Path log = DIR.resolve("multi-host-run.out");
            final Process run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            final boolean finished = run.waitFor(5, TimeUnit.MINUTES);
            if (!finished) {
                run.destroyForcibly();
            }
            final String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(finished).as("multi-host run finished within 5 minutes; output:\n%s", output).isTrue();
            assertThat(output).contains("MULTI-HOST OK");
            assertThat(run.exitValue()).as(output).isZero();
        } finally {
            LocalStormCluster.stop(DIR);
            NetnsLab.down();
        }
    }
}
