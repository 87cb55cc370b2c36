package io.dikw.app.graph;

import io.dikw.core.progress.ProgressBar;
import io.dikw.graph.client.StreamClient;
import io.dikw.graph.rmat.RmatBatches;
import io.dikw.graph.rmat.RmatGenerator;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dikw graph rmat}: sends a synthetic R-MAT edge stream to a server. */
@Command(name = "rmat", mixinStandardHelpOptions = true,
    description = {"Send an R-MAT edge stream (Graph500: a=0.57, b=0.19, c=0.19, d=0.05) of edge-factor * 2^scale "
        + "directed edges to a graph server, in batches, then optionally delete them again.",
        "Example: ./dikw graph rmat --server localhost:10102 --scale 16 --edge-factor 16 --batch 100000"})
final class RmatCommand implements Callable<Integer> {
    @Option(names = "--server", required = true, paramLabel = "HOST:PORT", description = "The graph server's stream port.")
    String server;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "16",
        description = "2^S vertices; default: ${DEFAULT-VALUE}.")
    int scale;

    @Option(names = "--edge-factor", paramLabel = "F", defaultValue = "16",
        description = "Edges per vertex; default: ${DEFAULT-VALUE}.")
    int edgeFactor;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "100000",
        description = "Edges per batch; default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Random seed; default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--numeric-ids", description = "Send numeric vertex ids instead of names (v<id>).")
    boolean numeric;

    @Option(names = "--delete", description = "After inserting, send the same edges again as deletions.")
    boolean delete;

    @Override
    public Integer call() throws Exception {
        if (batch < 1) {
            throw new IllegalArgumentException("--batch " + batch + " must be >= 1");
        }
        if (edgeFactor < 1) {
            throw new IllegalArgumentException("--edge-factor " + edgeFactor + " must be >= 1");
        }
        RmatGenerator.checkScale(scale);
        final long edges = (long) edgeFactor << scale;
        try (StreamClient client = StreamClient.connect(server)) {
            final ProgressBar bar = new ProgressBar("rmat", edges * (delete ? 2L : 1L), System.err);
            // Edges are made batch by batch, so memory stays one batch whatever the scale; the
            // deletions replay the generator from the same seed.
            final long sent = send(client, bar, edges, false) + (delete ? send(client, bar, edges, true) : 0);
            bar.finish(String.format(Locale.ROOT, "%,d frames, %,d bytes", client.framesSent(), client.bytesSent()));
            System.out.println(String.format(Locale.ROOT, "updates=%,d edges=%,d (generated; the server merges "
                + "repeated edges)", sent, edges));
        }
        return 0;
    }

    private long send(final StreamClient client, final ProgressBar bar, final long edges, final boolean deletions)
        throws IOException {
        final RmatGenerator generator = new RmatGenerator(scale, seed);
        final long[] buffer = new long[(int) Math.min(batch, edges)];
        final long before = deletions ? edges : 0;
        long sent = 0;
        for (long b = 0; sent < edges; b++) {
            final int n = (int) Math.min(buffer.length, edges - sent);
            for (int i = 0; i < n; i++) {
                buffer[i] = generator.next();
            }
            client.send(deletions ? RmatBatches.deletions(buffer, 0, n, !numeric)
                : RmatBatches.insertions(buffer, 0, n, !numeric, b));
            sent += n;
            bar.update(before + sent, deletions ? "delete" : "insert");
        }
        return sent;
    }
}
