package io.dikw.harmonic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dikw.harmonic.auth.AccessToken;
import io.dikw.harmonic.client.HarmonicClient;
import io.dikw.harmonic.client.HarmonicStream;
import io.dikw.harmonic.client.MasterApi;
import io.dikw.harmonic.frame.Frame;
import io.dikw.harmonic.frame.FrameConnection;
import io.dikw.harmonic.frame.FrameType;
import io.dikw.harmonic.master.MasterConfig;
import io.dikw.harmonic.sink.FileDirectorySink;
import io.dikw.harmonic.worker.DeadLetterDirectory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Master, workers and external units for real (units are separate processes; master and workers in this JVM). */
class HarmonicIT {
    @TempDir
    Path dir;

    static ByteBuffer text(final String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    static String output(final Path out, final String processor, final long id) throws IOException {
        return Files.readString(FileDirectorySink.fileOf(out, processor, id), StandardCharsets.ISO_8859_1);
    }

    static void await(final String what, final java.util.function.BooleanSupplier done) throws InterruptedException {
        final long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void tuplesGoThroughExternalUnitsToTheSink() throws Exception {
        try (Cluster c = Cluster.start(dir); HarmonicClient client = new HarmonicClient(c.url(), c.token.text())) {
            c.addWorker("upper", Cluster.EXAMPLE_UNIT, 2, Duration.ofSeconds(30));
            final List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                ids.add(client.send("upper", text("tuple number " + i)));
            }
            assertThat(ids).isSorted().doesNotHaveDuplicates();
            await("30 outputs", () -> c.workers.get(0).stats().processed() == 30);
            for (int i = 0; i < 30; i++) {
                assertThat(output(c.out, "upper", ids.get(i))).isEqualTo("TUPLE NUMBER " + i);
            }
        }
    }

    @Test
    void busyChannelsQueueTuplesThatRunInOrderOnceFree() throws Exception {
        try (Cluster c = Cluster.start(dir); HarmonicClient client = new HarmonicClient(c.url(), c.token.text())) {
            c.addWorker("upper", Cluster.EXAMPLE_UNIT, 1, Duration.ofSeconds(30));
            final long slow = client.send("upper", text("SLEEP 1500 first"));
            final List<Long> queued = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                queued.add(client.send("upper", text("queued " + i)));
            }
            final JsonNode status = client.api().status();
            assertThat(status.path("sentToQueue").asLong()).isGreaterThanOrEqualTo(5);
            await("6 outputs", () -> c.workers.get(0).stats().processed() == 6);
            // One channel: the order outputs were written is the order processed.
            final List<Long> written = new ArrayList<>();
            for (final long id : queued) {
                written.add(Files.getLastModifiedTime(FileDirectorySink.fileOf(c.out, "upper", id)).toMillis());
                assertThat(output(c.out, "upper", id)).startsWith("QUEUED");
            }
            assertThat(written).isSorted();
            assertThat(output(c.out, "upper", slow)).isEqualTo("SLEEP 1500 FIRST");
        }
    }

    @Test
    void aKilledUnitGetsItsTupleAgain() throws Exception {
        try (Cluster c = Cluster.start(dir); HarmonicClient client = new HarmonicClient(c.url(), c.token.text())) {
            final var w = c.addWorker("upper", Cluster.EXAMPLE_UNIT, 1, Duration.ofSeconds(30));
            final long pid = w.unitPids().get(0);
            final long id = client.send("upper", text("SLEEP 2000 survive"));
            Thread.sleep(500);
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            await("the redelivered tuple", () -> w.stats().processed() == 1);
            assertThat(output(c.out, "upper", id)).isEqualTo("SLEEP 2000 SURVIVE");
            assertThat(w.stats().snapshot()).containsEntry("redelivered", 1L).containsEntry("crashes", 1L);
            assertThat(w.unitPids()).doesNotContain(pid);
        }
    }

    @Test
    void failuresAndTimeoutsAreDeadLetteredAndTheUnitGoesOn() throws Exception {
        try (Cluster c = Cluster.start(dir); HarmonicClient client = new HarmonicClient(c.url(), c.token.text())) {
            final var w = c.addWorker("upper", Cluster.EXAMPLE_UNIT, 1, Duration.ofMillis(5000));
            final long failing = client.send("upper", text("FAIL please"));
            final long slow = client.send("upper", text("SLEEP 20000 too slow"));
            final long fine = client.send("upper", text("fine"));
            await("3 tuples handled", () -> w.stats().processed() + w.stats().failed() == 3);
            assertThat(w.stats().failed()).isEqualTo(2);
            assertThat(output(c.out, "upper", fine)).isEqualTo("FINE");
            assertThat(DeadLetterDirectory.payloadFile(c.dead, failing)).hasContent("FAIL please");
            assertThat(DeadLetterDirectory.payloadFile(c.dead, slow)).exists();
            final String log = Files.readString(c.dead.resolve("failures-w0.jsonl"));
            assertThat(log).contains("\"line\":" + failing + ",\"reason\":\"processor-error\"")
                .contains("\"line\":" + slow + ",\"reason\":\"timeout\"");
        }
    }

    @Test
    void wrongTokenIsRefusedWith401AndOnTheDataPort() throws Exception {
        try (Cluster c = Cluster.start(dir)) {
            c.addWorker("echo", List.of(), 1, Duration.ofSeconds(5));
            final HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(c.master.url() + "/api/status")).header("Authorization", "Bearer nope-nope").build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("missing or wrong access token");
            final HttpResponse<String> none = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(c.master.url() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(none.statusCode()).isEqualTo(401);
            assertThatThrownBy(() -> new MasterApi(c.url(), "wrong-token").endpoint("echo"))
                .hasMessageContaining("401");
            try (FrameConnection conn = FrameConnection.connect("127.0.0.1", c.master.dataPort(), 1024)) {
                assertThatThrownBy(() -> conn.hello("source", "wrong-token")).hasMessageContaining("unauthorized");
            }
            assertThat(c.master.status().get("rejectedFrames").toString()).contains("unauthorized=1");
        }
    }

    @Test
    void malformedAndOversizedFramesAreRejectedWhileOthersGoOn() throws Exception {
        final AccessToken token = AccessToken.generate();
        final MasterConfig config = MasterConfig.defaults(token).withLimits(100, 64 << 20, 1 << 20);
        try (Cluster c = new Cluster(dir, config); HarmonicClient client = new HarmonicClient(c.url(), token.text())) {
            c.addWorker("echo", List.of(), 1, Duration.ofSeconds(5));
            final long before = client.send("echo", text("before"));
            try (SocketChannel raw = SocketChannel.open(new InetSocketAddress("127.0.0.1", c.master.dataPort()))) {
                raw.write(ByteBuffer.wrap("GET / HTTP/1.1\r\nHost: x\r\n\r\n.......".getBytes(StandardCharsets.US_ASCII)));
                final Frame reply = new io.dikw.harmonic.frame.FrameReader(raw, 4096).read();
                assertThat(reply.type()).isEqualTo(FrameType.REJECT);
                assertThat(reply.name()).isEqualTo("bad-magic");
                assertThat(raw.read(ByteBuffer.allocate(1))).isEqualTo(-1); // closed
            }
            try (FrameConnection conn = FrameConnection.connect("127.0.0.1", c.master.dataPort(), 4096)) {
                conn.hello("source", token.text());
                conn.write(new Frame(FrameType.TUPLE, 1, "echo", ByteBuffer.allocate((1 << 20) + 1)));
                final Frame reply = conn.reader().read();
                assertThat(reply.name()).isEqualTo("oversized");
                assertThat(reply.payloadText()).contains("payloadLength=1048577");
            }
            final long after = client.send("echo", text("after"));
            await("both good tuples", () -> c.workers.get(0).stats().processed() == 2);
            assertThat(output(c.out, "echo", before)).isEqualTo("before");
            assertThat(output(c.out, "echo", after)).isEqualTo("after");
            assertThat(c.master.status().get("rejectedFrames").toString()).contains("bad-magic=1", "oversized=1");
        }
    }

    @Test
    void aStreamKeepsManyTuplesInFlightAndEveryOneArrives() throws Exception {
        try (Cluster c = Cluster.start(dir)) {
            c.addWorker("upper", Cluster.EXAMPLE_UNIT, 1, Duration.ofSeconds(30));
            c.addWorker("upper", Cluster.EXAMPLE_UNIT, 1, Duration.ofSeconds(30));
            final List<Long> ids = new ArrayList<>();
            try (HarmonicStream stream = new HarmonicStream(c.url(), c.token.text(), "upper", 64, 1 << 20, 50,
                Duration.ofSeconds(60).toNanos())) {
                for (int i = 0; i < 300; i++) {
                    ids.add(stream.send(text("streamed " + i)));
                }
                stream.flush();
            }
            assertThat(ids).isSorted().doesNotHaveDuplicates();
            await("300 outputs", () -> c.workers.stream().mapToLong(w -> w.stats().processed()).sum() == 300);
            assertThat(c.workers).allSatisfy(w -> assertThat(w.stats().processed()).as("both channels used").isPositive());
            for (int i = 0; i < 300; i++) {
                assertThat(output(c.out, "upper", ids.get(i))).isEqualTo("STREAMED " + i);
            }
            assertThat(c.master.status().get("leasedToStreams")).isEqualTo(300L); // 300 ids in 6 leases of 50
        }
    }

    @Test
    void tuplesInFlightOnAWorkerThatGoesAwayAreSentToAnother() throws Exception {
        try (Cluster c = Cluster.start(dir)) {
            final var leaving = c.addWorker("upper", Cluster.EXAMPLE_UNIT, 1, Duration.ofSeconds(30));
            final var staying = c.addWorker("upper", Cluster.EXAMPLE_UNIT, 1, Duration.ofSeconds(30));
            final List<Long> ids = new ArrayList<>();
            try (HarmonicStream stream = new HarmonicStream(c.url(), c.token.text(), "upper", 256, 1 << 20, 1000,
                Duration.ofSeconds(60).toNanos())) {
                for (int i = 0; i < 60; i++) {
                    ids.add(stream.send(text("SLEEP 50 slow " + i)));
                }
                await("the leaving worker busy", () -> leaving.stats().received() >= 2);
                leaving.close();
                stream.flush();
                assertThat(stream.resent()).as("unacknowledged tuples sent again").isPositive();
            }
            await("the staying worker done", () -> staying.stats().processed() == staying.stats().received());
            // At least once for every tuple the leaving worker had not acknowledged; what it had
            // acknowledged and not processed yet (its inbox and the tuple in hand) is lost (see README).
            final long arrived = ids.stream().filter(id -> Files.exists(FileDirectorySink.fileOf(c.out, "upper", id))).count();
            assertThat(arrived).isGreaterThanOrEqualTo(60 - 5);
            assertThat(staying.stats().processed()).isGreaterThan(30);
        }
    }

    @Test
    void aStreamFailsWithTheReasonWhenAChannelRefusesATupleForGood() throws Exception {
        final AccessToken token = AccessToken.generate();
        try (Cluster c = new Cluster(dir, MasterConfig.defaults(token))) {
            c.addWorker("echo", List.of(), 1, Duration.ofSeconds(5));
            final HarmonicStream stream = new HarmonicStream(c.url(), token.text(), "echo", 8, 1 << 30, 10,
                Duration.ofSeconds(10).toNanos());
            stream.send(ByteBuffer.allocate((64 << 20) + 1)); // over the worker's payload limit
            assertThatThrownBy(stream::flush).isInstanceOf(IOException.class).hasMessageContaining("oversized");
            assertThatThrownBy(stream::close).hasMessageContaining("oversized");
            assertThat(c.workers.get(0).stats().received()).isZero();
        }
    }
}
