package io.dikw.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.dikw.core.io.InputFiles;
import io.dikw.social.generate.GeneratorConfig;
import io.dikw.social.generate.TweetStreamGenerator;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DikwCliTest {
    @TempDir
    Path dir;

    private static CliRun run(final String... args) {
        return CliRun.run(args);
    }

    @Test
    void helpListsTheCommandsThatExist() {
        final CliRun r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("demo", "social", "generate");
    }

    /** Every command's help renders as written: picocli warns (and prints raw text) on a stray {@code %}. */
    @Test
    void everyCommandsHelpRendersWithoutWarnings() {
        final List<List<String>> paths = new ArrayList<>();
        collect(DikwCli.commandLine(), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(10);
        for (final List<String> path : paths) {
            final List<String> args = new ArrayList<>(path);
            args.add("--help");
            final CliRun r = run(args.toArray(String[]::new));
            final String command = "dikw " + String.join(" ", args);
            assertThat(r.code()).as(command).isZero();
            assertThat(r.err()).as(command).doesNotContain("WARN");
            assertThat(r.out()).as(command).contains("Usage:");
        }
    }

    private static void collect(final CommandLine cli, final List<String> path, final List<List<String>> paths) {
        for (final CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getCommandSpec().usageMessage().hidden() || sub.getCommandName().equals("help")) {
                continue;
            }
            final List<String> p = new ArrayList<>(path);
            p.add(sub.getCommandName());
            paths.add(p);
            collect(sub, p, paths);
        }
    }

    @Test
    void socialRunHelpExplainsParallelismAndSync() {
        final CliRun r = run("social", "run", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--parallelism", "--sync", "--broker", "--http-port", "--sequential", "--labels");
    }

    @Test
    void generateThenClusterSequentiallyWritesEveryOutput() throws Exception {
        final Path tweets = dir.resolve("t.jsonl.gz");
        assertThat(run("generate", "tweets", "--count", "3000", "--memes", "5", "--users", "500", "--seed", "3",
            "--out", tweets.toString()).code()).isZero();
        final Path labels = dir.resolve("t-labels.tsv.gz");
        assertThat(labels).exists();
        final Path out = dir.resolve("out");
        final CliRun r = run("social", "run", "--sequential", "--input", tweets.toString(), "--labels",
            labels.toString(), "--out", out.toString(), "--clusters", "20");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Clustered 3,000 tweets", "LFK-NMI", "No input record was rejected");
        assertThat(out.resolve("steps.jsonl")).exists();
        assertThat(out.resolve("summary.json")).exists();
        assertThat(out.resolve("quality.png")).exists();
    }

    @Test
    void badRecordsAreReportedAndKept() throws Exception {
        final Path tweets = dir.resolve("t.jsonl");
        try (Writer w = InputFiles.create(tweets)) {
            new TweetStreamGenerator(GeneratorConfig.defaults().withCount(500).withMemes(3).withUsers(200).withSeed(1))
                .write(w, Writer.nullWriter(), n -> { });
            w.write("{not json\n{\"id_str\":\"1\"}\n");
        }
        final Path out = dir.resolve("bad");
        final CliRun r = run("social", "run", "--sequential", "--input", tweets.toString(), "--out", out.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Rejected 2 input records");
        assertThat(Files.readString(out.resolve("dead-letters.jsonl"))).contains("malformed-json", "missing-field");
    }

    @Test
    void aMissingInputSaysWhatToDo() {
        final CliRun r = run("social", "run", "--sequential", "--input", dir.resolve("nope.jsonl").toString(),
            "--out", dir.resolve("o").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("nope.jsonl", "check the path");
    }

    @Test
    void anInvalidParameterNamesIt() {
        final CliRun r = run("social", "run", "--sequential", "--input", "x", "--clusters", "0");
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("clusters");
    }
}
