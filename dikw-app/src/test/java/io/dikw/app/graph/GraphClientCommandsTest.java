package io.dikw.app.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.dikw.app.CliRun;
import io.dikw.graph.server.GraphServer;
import io.dikw.graph.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code graph rmat} and {@code graph stream} against a server in this JVM: what a user is told. */
class GraphClientCommandsTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "graph").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void rmatChecksItsOptionsBeforeConnecting() {
        final CliRun factor = CliRun.run("graph", "rmat", "--server", "localhost:1", "--edge-factor", "0");
        assertThat(factor.code()).isNotZero();
        assertThat(factor.err()).contains("--edge-factor 0 must be >= 1").doesNotContain("cannot connect");
        final CliRun scale = CliRun.run("graph", "rmat", "--server", "localhost:1", "--scale", "31");
        assertThat(scale.code()).isNotZero();
        assertThat(scale.err()).contains("scale=31 must be in [1, 30]").doesNotContain("cannot connect");
    }

    @Test
    void rmatSendsEveryEdgeInBatchesAndDeletesThemAgain() throws Exception {
        try (GraphServer server = GraphServer.start(ServerConfig.defaults().withPort(0), line -> { })) {
            final CliRun r = CliRun.run("graph", "rmat", "--server", "localhost:" + server.port(), "--scale", "8",
                "--edge-factor", "4", "--batch", "300", "--delete");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("updates=2,048 edges=1,024");
            awaitUpdates(server, 2048);
            assertThat(server.counters().batchesApplied()).isEqualTo(8); // 4 of insertions, 4 of deletions
            assertThat(server.store().edgeCount()).isZero();
        }
    }

    @Test
    void aTemplateThatFitsNoRecordFailsAndSaysWhy() throws Exception {
        try (GraphServer server = GraphServer.start(ServerConfig.defaults().withPort(0), line -> { })) {
            final Path dead = dir.resolve("dead.jsonl");
            final CliRun r = CliRun.run("graph", "stream", "--server", "localhost:" + server.port(), "--template",
                EXAMPLES.resolve("tweets.template.json").toString(), "--input", EXAMPLES.resolve("calls.csv").toString(),
                "--dead-letters", dead.toString());
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).contains("gave an update", "does the template", "tweets.template.json", "fit the input");
            assertThat(r.out()).contains("updates=0", "dead letters: ", "malformed-json", dead.toString());
            assertThat(Files.readString(dead)).contains("malformed-json");
        }
    }

    @Test
    void streamReportsRejectedRecordsByReasonWithTheDeadLetterFile() throws Exception {
        final Path input = dir.resolve("calls.csv");
        Files.writeString(input, Files.readString(EXAMPLES.resolve("calls.csv")) + "only-one-column\n");
        try (GraphServer server = GraphServer.start(ServerConfig.defaults().withPort(0), line -> { })) {
            final Path dead = dir.resolve("dead.jsonl");
            final CliRun r = CliRun.run("graph", "stream", "--server", "localhost:" + server.port(), "--template",
                EXAMPLES.resolve("calls.template.csv").toString(), "--input", input.toString(), "--dead-letters",
                dead.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("rejected=1", "dead letters: 1 rejected (", dead.toString());
        }
    }

    @Test
    void aCutGzipInputSendsWhatCameBeforeAndSaysWhereItBroke() throws Exception {
        final StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            rows.append("caller").append(i % 97).append(",callee").append(i % 89).append(",1700000000,").append(i)
                .append('\n');
        }
        final ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(rows.toString().getBytes(StandardCharsets.UTF_8));
        }
        final byte[] whole = zipped.toByteArray();
        final Path cut = dir.resolve("cut.csv.gz");
        Files.write(cut, Arrays.copyOf(whole, whole.length * 3 / 4));
        try (GraphServer server = GraphServer.start(ServerConfig.defaults().withPort(0), line -> { })) {
            final CliRun r = CliRun.run("graph", "stream", "--server", "localhost:" + server.port(), "--template",
                EXAMPLES.resolve("calls.template.csv").toString(), "--input", cut.toString(), "--batch", "1000",
                "--dead-letters", dir.resolve("dead.jsonl").toString());
            assertThat(r.code()).isNotZero();
            assertThat(r.err()).contains("input " + cut + " broke off after line ", "updates before it were sent");
            final long sent = Long.parseLong(r.err().replaceAll("(?s).*the ([0-9,]+) updates before.*", "$1")
                .replace(",", ""));
            assertThat(sent).isPositive().isLessThan(20_000);
            awaitUpdates(server, sent);
            assertThat(server.counters().updatesApplied()).isEqualTo(sent);
        }
    }

    @Test
    void aTemplateThatIsADirectoryIsNamed() {
        final CliRun r = CliRun.run("graph", "stream", "--server", "localhost:1", "--template", EXAMPLES.toString(),
            "--input", EXAMPLES.resolve("calls.csv").toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("cannot read template " + EXAMPLES + ": it is a directory");
    }

    private static void awaitUpdates(final GraphServer server, final long updates) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (server.counters().updatesApplied() < updates && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
