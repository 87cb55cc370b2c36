package io.dikw.collectives.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping finds a crashed run's processes by pid file and stops only those that carry the cluster's marker. */
class LocalStormClusterStopTest {
    @TempDir
    Path dir;

    @Test
    void stopsOnlyProcessesOfThisClusterNamedByPidFiles() throws Exception {
        final ClusterLayout layout = new ClusterLayout(dir);
        Files.createDirectories(layout.dir().resolve("pids"));
        final Process ours = sleeper("-D" + Daemons.MARKER + "=" + layout.marker());
        final Process stranger = sleeper("-D" + Daemons.MARKER + "=/somewhere/else");
        try {
            Files.writeString(layout.pidFile(LocalStormCluster.NIMBUS), Long.toString(ours.pid()));
            Files.writeString(layout.pidFile(LocalStormCluster.ZOOKEEPER), Long.toString(stranger.pid()));
            assertThat(LocalStormCluster.isRunning(dir)).isTrue();

            final int stopped = LocalStormCluster.stop(dir);

            assertThat(stopped).isEqualTo(1);
            assertThat(ours.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(stranger.isAlive()).isTrue();
            assertThat(LocalStormCluster.isRunning(dir)).isFalse();
            assertThat(layout.pidFile(LocalStormCluster.NIMBUS)).doesNotExist();
        } finally {
            ours.destroyForcibly();
            stranger.destroyForcibly();
        }
    }

    @Test
    void aPidFileNamingAnUnrelatedProcessIsIgnored() throws Exception {
        final ClusterLayout layout = new ClusterLayout(dir);
        Files.createDirectories(layout.dir().resolve("pids"));
        final Process reused = sleeper("unrelated");
        try {
            Files.writeString(layout.pidFile(LocalStormCluster.NIMBUS), Long.toString(reused.pid()));
            assertThat(LocalStormCluster.isRunning(dir)).isFalse();
            assertThat(LocalStormCluster.stop(dir)).isZero();
            assertThat(reused.isAlive()).isTrue();
        } finally {
            reused.destroyForcibly();
        }
    }

    /** A process whose command line carries {@code marker} (bash's $0), as a daemon carries its property. */
    private static Process sleeper(final String marker) throws IOException {
        return new ProcessBuilder("bash", "-c", "sleep 60; true", marker).start();
    }
}
