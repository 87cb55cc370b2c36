package io.dikw.app.harmonic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dikw.harmonic.client.MasterApi;
import io.dikw.harmonic.frame.Frame;
import io.dikw.harmonic.frame.FrameReader;
import io.dikw.harmonic.frame.FrameType;
import io.dikw.harmonic.sink.FileDirectorySink;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole system as separate processes through the CLI: a master, two worker processes whose
 * channels run the example external unit, and two sources sending at once.
 */
class HarmonicProcessesIT {
    private static final String TOKEN = "it-token-" + ProcessHandle.current().pid();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String CP = System.getProperty("java.class.path");

    /** Kept after the run (target/harmonic-processes-it) so the logs of a failed run can be read. */
    private Path dir;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void freshDirectory() throws IOException {
        dir = Path.of("target", "harmonic-processes-it").toAbsolutePath();
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
    }

    @AfterEach
    void stopAll() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).destroyForcibly();
        }
    }

    private Process dikw(final String name, final String... args) throws IOException {
        final List<String> cmd = new ArrayList<>(List.of(JAVA, "-Xmx256m", "-cp", CP, "io.dikw.app.DikwCli", "harmonic"));
        cmd.addAll(List.of(args));
        final ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("HARMONIC_TOKEN", TOKEN);
        final Process p = pb.start();
        started.add(p);
        return p;
    }

    private String awaitLine(final String name, final Pattern pattern) throws Exception {
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            final Path log = dir.resolve(name + ".log");
            if (Files.exists(log)) {
                final Matcher m = pattern.matcher(Files.readString(log));
                if (m.find()) {
                    return m.group(1);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + pattern + " in " + name + ".log:\n" + Files.readString(dir.resolve(name + ".log")));
    }

    @Test
    void twoSourcesTwoWorkersQueueingAKilledUnitAndHostilePeers() throws Exception {
        dikw("master", "master", "--port", "0", "--queue-size", "100");
        final String url = awaitLine("master", Pattern.compile("HarmonicIO master at (http://\\S+)"));
        final int dataPort = Integer.parseInt(awaitLine("master", Pattern.compile("queue data port (\\d+)")));
        final String unit = JAVA + " -Xmx64m -cp " + CP + " io.dikw.harmonic.processor.ExampleUnit";
        final Path out = dir.resolve("results");
        final List<Process> workers = new ArrayList<>();
        for (int w = 1; w <= 2; w++) {
            workers.add(dikw("worker" + w, "worker", "--master", url, "--processor", "upper", "--command", unit, "--channels", "1",
                "--name", "w" + w, "--out", out.toString(), "--dead", dir.resolve("dead").toString()));
            awaitLine("worker" + w, Pattern.compile("HarmonicIO (worker) "));
        }

        // Hostile peers first: a wrong token (HTTP and data port) and a malformed frame.
        final HttpResponse<String> denied = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url
            + "/api/endpoint?processor=upper")).header("Authorization", "Bearer wrong").build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(denied.statusCode()).isEqualTo(401);
        assertThat(denied.body()).contains("missing or wrong access token");
        try (SocketChannel raw = SocketChannel.open(new InetSocketAddress("127.0.0.1", dataPort))) {
            raw.write(ByteBuffer.wrap("this is not a frame at all, not even close".getBytes(StandardCharsets.US_ASCII)));
            final Frame reply = new FrameReader(raw, 4096).read();
            assertThat(reply.type()).isEqualTo(FrameType.REJECT);
            assertThat(reply.name()).isEqualTo("bad-magic");
        }

        // Two sources, 12 slow tuples each: with two channels most of them must queue.
        final Map<String, String> expected = new HashMap<>();
        final List<Path> filesA = new ArrayList<>();
        final List<Path> filesB = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            for (final String s : List.of("a", "b")) {
                final String text = "SLEEP 250 source " + s + " tuple " + i;
                final Path f = Files.writeString(dir.resolve(s + i + ".txt"), text);
                expected.put(f.toString(), text.toUpperCase(Locale.ROOT));
                ("a".equals(s) ? filesA : filesB).add(f);
            }
        }
        final Process a = dikw("sourceA", args("send", url, filesA));
        final Process b = dikw("sourceB", args("send", url, filesB));

        // Kill worker 1's unit while it holds a tuple.
        final MasterApi api = new MasterApi(URI.create(url), TOKEN);
        awaitBusy(api);
        Thread.sleep(100);
        final List<ProcessHandle> units = workers.get(0).children().toList();
        assertThat(units).hasSize(1);
        units.get(0).destroyForcibly();

        assertThat(a.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(b.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(a.exitValue()).as(Files.readString(dir.resolve("sourceA.log"))).isZero();
        assertThat(b.exitValue()).as(Files.readString(dir.resolve("sourceB.log"))).isZero();

        // No tuple lost: every file's tuple has its upper-cased output.
        final Map<Long, String> ids = new HashMap<>();
        for (final String s : List.of("sourceA", "sourceB")) {
            for (final String line : Files.readAllLines(dir.resolve(s + ".log"))) {
                final String[] parts = line.split("\t");
                if (parts.length == 2 && parts[0].matches("\\d+")) {
                    ids.put(Long.parseLong(parts[0]), parts[1]);
                }
            }
        }
        assertThat(ids).hasSize(24);
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (final Map.Entry<Long, String> e : ids.entrySet()) {
            final Path result = FileDirectorySink.fileOf(out, "upper", e.getKey());
            while (!Files.exists(result) && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            assertThat(result).as("output of tuple " + e.getKey()).hasContent(expected.get(e.getValue()));
        }
        final JsonNode status = api.status();
        assertThat(status.path("sentToQueue").asLong()).as("tuples that waited in the queue").isGreaterThan(5);
        assertThat(status.path("dispatchedFromQueue").asLong()).isEqualTo(status.path("sentToQueue").asLong());
        assertThat(status.path("rejectedFrames").toString()).contains("bad-magic");
        awaitReport(api, "w1", "redelivered");
        assertThat(Files.exists(dir.resolve("dead"))).as("nothing dead-lettered").isFalse();
    }

    @Test
    void localStartsMasterAndWorkerProcessesAndProcessesTuples() throws Exception {
        final Process local = dikw("local", "local", "--workers", "2", "--port", "0", "--send", "4", "--for", "3",
            "--out", dir.resolve("local-out").toString());
        assertThat(local.waitFor(120, TimeUnit.SECONDS)).isTrue();
        final String log = Files.readString(dir.resolve("local.log"));
        assertThat(local.exitValue()).as(log).isZero();
        assertThat(log).contains("status page:  http://127.0.0.1:").contains("sent 4 synthetic tuples");
        final Path results = dir.resolve("local-out").resolve("results").resolve("sha256");
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end && (!Files.isDirectory(results) || Files.list(results).count() < 4)) {
            Thread.sleep(50);
        }
        try (var files = Files.list(results)) {
            assertThat(files.filter(f -> f.toString().endsWith(".out"))).hasSize(4);
        }
        assertThat(Files.readString(dir.resolve("local-out").resolve("local").resolve("worker-1.log")))
            .contains("HarmonicIO worker worker-1");
    }

    private static String[] args(final String command, final String url, final List<Path> files) {
        final List<String> a = new ArrayList<>(List.of(command, "--master", url, "--processor", "upper"));
        files.forEach(f -> a.add(f.toString()));
        return a.toArray(String[]::new);
    }

    private static void awaitBusy(final MasterApi api) throws Exception {
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            if (api.status().path("queueLength").asInt() > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the queue never filled: " + api.status());
    }

    private static void awaitReport(final MasterApi api, final String worker, final String counter) throws Exception {
        final long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode status = null;
        while (System.nanoTime() < end) {
            status = api.status();
            for (final JsonNode w : status.path("workers")) {
                if (worker.equals(w.path("name").asText()) && w.path("report").path(counter).asLong() >= 1) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("worker " + worker + " never reported " + counter + " >= 1: " + status);
    }
}
