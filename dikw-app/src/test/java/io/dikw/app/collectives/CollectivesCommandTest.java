package io.dikw.app.collectives;

import static org.assertj.core.api.Assertions.assertThat;

import io.dikw.app.DikwCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CollectivesCommandTest {
    private static int run(final StringWriter out, final StringWriter err, final String... args) {
        final CommandLine cli = DikwCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void benchHelpExplainsTheGridOptions() {
        final StringWriter out = new StringWriter();
        assertThat(run(out, new StringWriter(), "collectives", "bench", "--help")).isZero();
        assertThat(out.toString()).contains("--sizes", "--tasks", "--algorithms", "--point-millis", "bidi-ring");
    }

    @Test
    void anUnknownAlgorithmIsNamedWithTheChoices() {
        final StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "collectives", "bench", "--algorithms", "star", "--tasks", "4"))
            .isNotZero();
        assertThat(err.toString()).contains("star", "binary-tree");
    }

    @Test
    void aNonPositiveTaskCountIsRefusedBeforeStormStarts() {
        final StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "collectives", "bench", "--tasks", "0")).isNotZero();
        assertThat(err.toString()).contains("tasks=[0]");
    }

    @Test
    void aClusterDirectoryWithoutARunningClusterIsNamedWithHowToStartOne(@org.junit.jupiter.api.io.TempDir final java.nio.file.Path dir) {
        final StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "collectives", "bench", "--cluster", dir.toString(), "--quick")).isNotZero();
        assertThat(err.toString()).contains("no running cluster in " + dir, "storm-cluster start --dir");
    }
}
