package io.dikw.app.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.dikw.graph.names.Names;
import io.dikw.graph.rmat.RmatBatches;
import io.dikw.graph.server.BatchResolver;
import io.dikw.graph.server.Checkpoints;
import io.dikw.graph.server.GraphDigest;
import io.dikw.graph.server.IngestCounters;
import io.dikw.graph.store.GraphStore;
import io.dikw.graph.template.RecordTemplate;
import io.dikw.graph.template.TemplateException;
import io.dikw.graph.wire.StingerBatch;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph server and its senders as separate processes, started through the real CLI. */
class GraphServerIT {
    private static final Path ROOT = Path.of("..");
    private static final Path TEMPLATE = ROOT.resolve("examples/graph/tweets.template.json");
    private static final int MAX_VERTICES = 1 << 20;
    private static final Pattern PORT = Pattern.compile("listening on port (\\d+)");
    private static final Pattern CHECKPOINT = Pattern.compile("checkpoint (\\S+): .* batches=(\\d+) digest=(\\p{XDigit}+)");
    private static final Pattern RESTORED = Pattern.compile("restored (\\S+): .* digest=(\\p{XDigit}+)");

    private static int port(final JavaProcess server) throws InterruptedException {
        final Matcher m = PORT.matcher(server.await(l -> PORT.matcher(l).find(), 60));
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** The graph the server should hold, built in this JVM from the same inputs. */
    private static long expectedDigest(final List<long[]> rmatStreams, final Path tweets) throws Exception {
        final Names names = new Names(MAX_VERTICES);
        try (GraphStore store = new GraphStore(MAX_VERTICES, 1)) {
            final BatchResolver resolver = new BatchResolver(names, MAX_VERTICES, new IngestCounters());
            for (final long[] edges : rmatStreams) {
                for (int from = 0, b = 0; from < edges.length; from += 1000, b++) {
                    store.apply(resolver.resolve(RmatBatches.insertions(edges, from, Math.min(edges.length, from + 1000),
                        true, b)));
                }
            }
            if (tweets != null) {
                final RecordTemplate template = RecordTemplate.load(TEMPLATE);
                final StingerBatch batch = new StingerBatch();
                batch.makeUndirected = false;
                for (final String line : Files.readAllLines(tweets)) {
                    try {
                        template.extract(line, batch);
                    } catch (final TemplateException e) {
                        // dead-lettered by the stream process too
                    }
                }
                store.apply(resolver.resolve(batch));
            }
            return GraphDigest.of(store, names);
        }
    }

    private static Path tweets(final Path dir, final int count) throws Exception {
        final Path file = dir.resolve("tweets.jsonl");
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(new GZIPInputStream(
            Files.newInputStream(ROOT.resolve("examples/social/sample-tweets.jsonl.gz"))), "UTF-8"))) {
            final StringBuilder sb = new StringBuilder();
            for (int i = 0; i < count; i++) {
                sb.append(in.readLine()).append('\n');
            }
            sb.append("{\"this is\": not json\n");
            Files.writeString(file, sb);
        }
        return file;
    }

    @Test
    void concurrentStreamsAreIngestedExactlyAndAMalformedFrameClosesOnlyItsConnection(@TempDir final Path dir)
        throws Exception {
        final Path tweets = tweets(dir, 3000);
        final Path ckpt = dir.resolve("ckpt");
        try (JavaProcess server = JavaProcess.dikw("graph", "serve", "--port", "0", "--max-vertices",
            String.valueOf(MAX_VERTICES), "--checkpoint-dir", ckpt.toString(), "--checkpoint-every", "0")) {
            final String at = "localhost:" + port(server);
            try (JavaProcess rmat = JavaProcess.dikw("graph", "rmat", "--server", at, "--scale", "12", "--edge-factor",
                "8", "--batch", "1000", "--seed", "5");
                 JavaProcess stream = JavaProcess.dikw("graph", "stream", "--server", at, "--template",
                     TEMPLATE.toString(), "--input", tweets.toString(), "--batch", "500", "--undirected=false",
                     "--dead-letters", dir.resolve("dead.jsonl").toString());
                 Socket hostile = new Socket("localhost", Integer.parseInt(at.substring(at.indexOf(':') + 1)))) {
                final OutputStream out = hostile.getOutputStream();
                out.write(new byte[] {0, 0, 0, 5, 0x1a, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f});
                out.flush();
                assertThat(rmat.waitFor(120)).as(rmat.output()).isZero();
                assertThat(stream.waitFor(120)).as(stream.output()).isZero();
                assertThat(stream.output()).contains("rejected=1");
                assertThat(Files.readString(dir.resolve("dead.jsonl"))).contains("\"reason\":\"malformed-json\"");
            }
            server.await(l -> l.contains("closing stream connection") && l.contains("malformed-batch"), 30);
            server.await(l -> l.contains("end-of-session=2"), 30);
            assertThat(server.stop(60)).isIn(0, 143); // 143: ended by SIGTERM after the shutdown hook
        }
        final Checkpoints.Loaded loaded = new Checkpoints(ckpt).loadLatest(MAX_VERTICES, 1).orElseThrow();
        assertThat(GraphDigest.hex(GraphDigest.of(loaded.store(), loaded.names())))
            .isEqualTo(GraphDigest.hex(expectedDigest(List.of(RmatBatches.generate(12, 8, 5)), tweets)));
        loaded.store().close();
    }

    @Test
    void killedServerRestartsFromItsLatestCheckpoint(@TempDir final Path dir) throws Exception {
        final Path ckpt = dir.resolve("ckpt");
        final Map<String, String> digestByFile = new HashMap<>();
        final String expected = GraphDigest.hex(expectedDigest(List.of(RmatBatches.generate(12, 8, 7)), null));
        try (JavaProcess server = JavaProcess.dikw("graph", "serve", "--port", "0", "--max-vertices",
            String.valueOf(MAX_VERTICES), "--checkpoint-dir", ckpt.toString(), "--checkpoint-every", "1", "--quiet")) {
            final String at = "localhost:" + port(server);
            try (JavaProcess rmat = JavaProcess.dikw("graph", "rmat", "--server", at, "--scale", "12", "--edge-factor",
                "8", "--batch", "1000", "--seed", "7")) {
                assertThat(rmat.waitFor(120)).as(rmat.output()).isZero();
            }
            // 33 batches of up to 1000 edges: wait for a checkpoint that holds them all, then keep the server busy
            server.await(l -> l.contains("batches=33 "), 60);
            try (JavaProcess more = JavaProcess.dikw("graph", "rmat", "--server", at, "--scale", "14", "--edge-factor",
                "16", "--batch", "2000", "--seed", "8")) {
                server.await(l -> CHECKPOINT.matcher(l).find() && !l.contains("batches=33 "), 60);
                server.kill();
                more.close();
            }
            for (final String line : server.lines()) {
                final Matcher m = CHECKPOINT.matcher(line);
                if (m.find()) {
                    digestByFile.put(Path.of(m.group(1)).getFileName().toString(), m.group(3));
                    if ("33".equals(m.group(2))) {
                        assertThat(m.group(3)).isEqualTo(expected);
                    }
                }
            }
        }
        try (JavaProcess again = JavaProcess.dikw("graph", "serve", "--port", "0", "--max-vertices",
            String.valueOf(MAX_VERTICES), "--checkpoint-dir", ckpt.toString(), "--quiet")) {
            final Matcher m = RESTORED.matcher(again.await(l -> RESTORED.matcher(l).find(), 60));
            assertThat(m.find()).isTrue();
            final String file = Path.of(m.group(1)).getFileName().toString();
            assertThat(digestByFile).containsKey(file);
            assertThat(m.group(2)).isEqualTo(digestByFile.get(file));
            assertThat(again.stop(60)).isIn(0, 143);
        }
    }
}
