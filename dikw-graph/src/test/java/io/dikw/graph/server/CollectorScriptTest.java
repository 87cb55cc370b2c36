package io.dikw.graph.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code collector.sh}, which ./dikw graph serve and the graph-ingest benchmark use to pick a collector. */
class CollectorScriptTest {

    private static final Path SCRIPT = Path.of("collector.sh").toAbsolutePath(); // tests run in dikw-graph/

    @Test
    void addsShenandoahWhenThisJvmHasItAndNoCollectorIsNamed() throws Exception {
        final String opts = collectorOpts("-Xmx1g");
        if (jvmHasShenandoah()) {
            assertThat(opts).isEqualTo("-Xmx1g -XX:+UseShenandoahGC");
        } else {
            assertThat(opts).isEqualTo("-Xmx1g");
        }
    }

    @Test
    void keepsACollectorTheUserNamed() throws Exception {
        assertThat(collectorOpts("-Xmx1g -XX:+UseG1GC")).isEqualTo("-Xmx1g -XX:+UseG1GC");
        assertThat(collectorOpts("-XX:+UseParallelGC")).isEqualTo("-XX:+UseParallelGC");
    }

    /** Runs {@code graph_collector_opts OPTS} with this JVM's java first on the PATH. */
    private static String collectorOpts(final String opts) throws IOException, InterruptedException {
        final ProcessBuilder pb = new ProcessBuilder("bash", "-c", ". \"$0\" && graph_collector_opts \"$1\"",
            SCRIPT.toString(), opts).redirectErrorStream(true);
        final String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
        pb.environment().put("PATH", javaBin + ":" + pb.environment().getOrDefault("PATH", "/usr/bin:/bin"));
        final Process p = pb.start();
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    /** @return whether this JVM can run Shenandoah, asked the way the script asks */
    private static boolean jvmHasShenandoah() throws IOException, InterruptedException {
        final Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:+UseShenandoahGC", "-version").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }
}
