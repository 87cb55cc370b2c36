package io.dikw.graph.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dikw.graph.client.StreamClient;
import io.dikw.graph.store.BatchListener;
import io.dikw.graph.store.EdgeBatch;
import io.dikw.graph.store.GraphView;
import io.dikw.graph.wire.EdgeInsertion;
import io.dikw.graph.wire.StingerBatch;
import io.dikw.graph.wire.VertexUpdate;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphServerTest {
    private final List<String> log = new CopyOnWriteArrayList<>();

    private GraphServer start(final ServerConfig config) throws Exception {
        return GraphServer.start(config.withPort(0), log::add);
    }

    private static StingerBatch named(final String... pairs) {
        final StingerBatch b = new StingerBatch();
        b.makeUndirected = false;
        for (int i = 0; i < pairs.length; i += 2) {
            b.insertions.add(EdgeInsertion.named(pairs[i], pairs[i + 1], "mentioned", 1, 100 + i));
        }
        return b;
    }

    private static void awaitClosed(final GraphServer server, final String reason) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!server.counters().closedConnections().containsKey(reason) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void ingestsStringAndNumericBatchesAndVertexUpdatesOnly() throws Exception {
        try (GraphServer server = start(ServerConfig.defaults());
             StreamClient client = StreamClient.connect("localhost", server.port())) {
            client.send(named("alice", "bob", "bob", "carol", "alice", "bob"));
            client.ping();
            final StingerBatch numeric = new StingerBatch();
            numeric.type = StingerBatch.NUMBERS_ONLY;
            numeric.makeUndirected = false;
            numeric.insertions.add(EdgeInsertion.numbered(100, 101, 2, 5, 7));
            client.send(numeric);
            final StingerBatch vertexOnly = new StingerBatch();
            vertexOnly.vertexUpdates.add(new VertexUpdate(0, "carol", -1, "user", true, 42, 0));
            client.send(vertexOnly);
            client.close();
            awaitClosed(server, "end-of-session");
            assertThat(server.awaitApplied(10_000)).isTrue();
            final int alice = server.names().vertices().idOf("alice");
            final int bob = server.names().vertices().idOf("bob");
            final int carol = server.names().vertices().idOf("carol");
            final int mentioned = server.names().edgeTypes().idOf("mentioned");
            final GraphView g = server.store();
            assertThat(g.edgeWeight(alice, bob, mentioned)).isEqualTo(2);
            assertThat(g.hasEdge(bob, carol, mentioned)).isTrue();
            assertThat(g.hasEdge(bob, alice, mentioned)).isFalse();
            assertThat(g.edgeWeight(100, 101, 2)).isEqualTo(5);
            assertThat(g.vertexWeight(carol)).isEqualTo(42);
            assertThat(g.vertexType(carol)).isEqualTo(server.names().vertexTypes().idOf("user"));
            assertThat(server.counters().closedConnections()).containsEntry("end-of-session", 1L);
            assertThat(server.counters().batchesApplied()).isEqualTo(3);
        }
    }

    @Test
    void malformedOrOversizedFrameClosesOnlyThatConnection() throws Exception {
        try (GraphServer server = start(ServerConfig.defaults().withMaxFrameBytes(1024));
             StreamClient good = StreamClient.connect("localhost", server.port())) {
            good.send(named("a", "b"));
            try (Socket bad = new Socket("localhost", server.port())) {
                final OutputStream out = bad.getOutputStream();
                out.write(new byte[] {0, 0, 0, 4, 0x1a, (byte) 0xff, (byte) 0xff, 0x01});
                out.flush();
                awaitClosed(server, "malformed-batch");
            }
            try (Socket huge = new Socket("localhost", server.port())) {
                huge.getOutputStream().write(new byte[] {0, 0x10, 0, 0});
                awaitClosed(server, "oversized-frame");
            }
            try (Socket http = new Socket("localhost", server.port())) {
                http.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (server.counters().closedConnections().getOrDefault("oversized-frame", 0L) < 2
                    && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
            }
            good.send(named("b", "c"));
            good.close();
            awaitClosed(server, "end-of-session");
            assertThat(server.awaitApplied(10_000)).isTrue();
            assertThat(server.store().edgeCount()).isEqualTo(2);
            assertThat(server.counters().closedConnections())
                .containsEntry("malformed-batch", 1L).containsEntry("oversized-frame", 2L);
            assertThat(log).anyMatch(l -> l.contains("length bytes read \"GET \": the peer sends text, maybe HTTP"));
            assertThat(log).anyMatch(l -> l.contains("oversized-frame") && l.contains("exceeds maxBodyBytes=1024"));
        }
    }

    @Test
    void badUpdatesAreCountedAndTheRestOfTheBatchApplied() throws Exception {
        final ServerConfig small = new ServerConfig(0, 3, 1, 4, 1 << 20, null, 0);
        try (GraphServer server = start(small); StreamClient client = StreamClient.connect("localhost", server.port())) {
            final StingerBatch b = named("a", "b", "x".repeat(5000), "a", "c", "d");
            b.insertions.add(EdgeInsertion.numbered(1, 99, 0, 1, 0));
            b.insertions.add(EdgeInsertion.numbered(0, 1, 70_000, 1, 0));
            client.send(b);
            client.close();
            awaitClosed(server, "end-of-session");
            assertThat(server.awaitApplied(10_000)).isTrue();
            assertThat(server.store().edgeCount()).isEqualTo(1);
            assertThat(server.counters().rejectedUpdates()).containsEntry("name-too-long", 1L)
                .containsEntry("id-cap", 2L).containsEntry("unknown-type", 1L);
            assertThat(new HealthLine(server).next())
                .contains("rejected=4 {id-cap=2, name-too-long=1, unknown-type=1} closed={end-of-session=1}");
        }
    }

    @Test
    void fullQueuePushesBackOnTheSenderInsteadOfDroppingBatches() throws Exception {
        final ServerConfig tiny = new ServerConfig(0, 1 << 20, 1, 1, 1 << 20, null, 0);
        try (GraphServer server = start(tiny)) {
            final CountDownLatch release = new CountDownLatch(1);
            server.store().addListener(new BatchListener() {
                @Override
                public void beforeApply(final GraphView before, final EdgeBatch batch) {
                    try {
                        release.await();
                    } catch (final InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            final int batches = 200;
            final Thread sender = new Thread(() -> {
                try (StreamClient client = StreamClient.connect("localhost", server.port())) {
                    for (int i = 0; i < batches; i++) {
                        final StingerBatch b = new StingerBatch();
                        b.makeUndirected = false;
                        for (int j = 0; j < 10_000; j++) {
                            b.insertions.add(EdgeInsertion.numbered(i, j, 0, 1, 0));
                        }
                        client.send(b);
                    }
                } catch (final Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            sender.start();
            try {
                Thread.sleep(1500);
                assertThat(sender.isAlive()).as("sender blocked by back-pressure").isTrue();
                assertThat(server.queued()).isEqualTo(1);
            } finally {
                release.countDown();
            }
            sender.join(30_000);
            awaitClosed(server, "end-of-session");
            assertThat(server.awaitApplied(30_000)).as("applied %s, queued %s, closed %s, log %s",
                server.counters().batchesApplied(), server.queued(), server.counters().closedConnections(), log).isTrue();
            assertThat(server.store().edgeCount()).isEqualTo(batches * 10_000L);
        }
    }

    @Test
    void restartsFromTheLatestCheckpoint(@TempDir final Path dir) throws Exception {
        final long digest;
        try (GraphServer server = start(ServerConfig.defaults().withCheckpoints(dir, 0));
             StreamClient client = StreamClient.connect("localhost", server.port())) {
            client.send(named("a", "b", "b", "c"));
            client.close();
            awaitClosed(server, "end-of-session");
            assertThat(server.awaitApplied(10_000)).isTrue();
            digest = GraphDigest.of(server.store(), server.names());
        }
        Files.writeString(dir.resolve("checkpoint-000000000099.graph.tmp"), "half-written");
        try (GraphServer again = start(ServerConfig.defaults().withCheckpoints(dir, 0))) {
            assertThat(GraphDigest.of(again.store(), again.names())).isEqualTo(digest);
            assertThat(again.store().edgeCount()).isEqualTo(2);
            assertThat(log).anyMatch(l -> l.startsWith("restored"));
            assertThat(new HealthLine(again).next()).as("batches count on across a restart, as checkpoints do")
                .contains("edges=2 batches=1 ");
        }
    }
}
