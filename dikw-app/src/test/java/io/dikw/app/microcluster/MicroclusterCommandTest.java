package io.dikw.app.microcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.dikw.app.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MicroclusterCommandTest {
    @TempDir
    Path dir;

    private static CliRun run(final String... args) {
        return CliRun.run(args);
    }

    @Test
    void helpExplainsTheOptions() {
        final CliRun r = run("microcluster", "run", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--preset", "--window", "--parallelism", "--engine", "--on-bad-row", "--q", "--k");
    }

    @Test
    void generatesKddAndClustersItEndToEnd() throws Exception {
        final Path kdd = dir.resolve("kdd.csv.gz");
        assertThat(run("generate", "kdd", "--count", "30000", "--seed", "4", "--out", kdd.toString()).code()).isZero();
        final Path out = dir.resolve("out");
        final CliRun r = run("microcluster", "run", "--input", kdd.toString(), "--preset", "kdd99", "--q", "30", "--k",
            "4", "--window", "10s", "--batch", "5s", "--parallelism", "2", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Macro clusters of the last window", "label mix", "neptune", "purity", "NMI");
        assertThat(Files.readAllLines(out.resolve("batches.jsonl"))).hasSize(6)
            .allSatisfy(l -> assertThat(l).contains("\"ssq\"", "\"processingMs\"", "\"schedulingDelayMs\""));
        assertThat(out.resolve("batches.png")).isNotEmptyFile();
    }

    @Test
    void aBadRowFailsWithItsLineOrIsSkippedAndDeadLettered() throws Exception {
        final List<String> lines = new ArrayList<>();
        lines.add("a,b,label");
        for (int i = 0; i < 3000; i++) {
            lines.add((i % 7) + "," + (i % 3) + "," + (i % 2 == 0 ? "x" : "y"));
        }
        lines.set(101, "1,oops,x");
        lines.set(202, "1,2");
        final Path csv = dir.resolve("points.csv");
        Files.write(csv, lines);
        final CliRun fail = run("microcluster", "run", "--input", csv.toString(), "--label-column", "label",
            "--q", "10", "--k", "2", "--window", "2s", "--batch", "1s", "--out", dir.resolve("o1").toString());
        assertThat(fail.code()).isEqualTo(1);
        assertThat(fail.err()).contains("line 102", "'oops', not a number", "--on-bad-row skip");

        final Path out = dir.resolve("o2");
        final CliRun skip = run("microcluster", "run", "--input", csv.toString(), "--label-column", "label",
            "--q", "10", "--k", "2", "--window", "2s", "--batch", "1s", "--on-bad-row", "skip", "--out", out.toString());
        assertThat(skip.code()).as(skip.err()).isZero();
        assertThat(skip.out()).contains("2 bad rows skipped");
        assertThat(Files.readAllLines(out.resolve("dead-letters.jsonl"))).hasSize(2);
    }

    @Test
    void anUnknownColumnSaysWhichColumnsExist() throws Exception {
        final Path csv = dir.resolve("p.csv");
        Files.writeString(csv, "a,b\n1,2\n");
        final CliRun r = run("microcluster", "run", "--input", csv.toString(), "--columns", "a,zz");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no column named 'zz'", "a, b");
    }

    @Test
    void windowLengthsReadUnits() {
        final StreamSeconds s = new StreamSeconds();
        assertThat(s.convert("70s")).isEqualTo(70.0);
        assertThat(s.convert("2m")).isEqualTo(120.0);
        assertThat(s.convert("500ms")).isEqualTo(0.5);
        assertThat(s.convert("3")).isEqualTo(3.0);
    }
}
