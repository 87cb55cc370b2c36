package io.dikw.app.graph;

import io.dikw.core.progress.ProgressBar;
import io.dikw.graph.client.StreamClient;
import io.dikw.graph.rmat.RmatBatches;
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
        final long[] edges = RmatBatches.generate(scale, edgeFactor, seed);
        final ProgressBar bar = new ProgressBar("rmat", edges.length * (delete ? 2L : 1L), System.err);
        long sent = 0;
        try (StreamClient client = StreamClient.connect(server)) {
            for (int from = 0, b = 0; from < edges.length; from += batch, b++) {
                final int to = Math.min(edges.length, from + batch);
                client.send(RmatBatches.insertions(edges, from, to, !numeric, b));
                sent += to - from;
                bar.update(sent, "insert");
            }
            if (delete) {
                for (int from = 0; from < edges.length; from += batch) {
                    final int to = Math.min(edges.length, from + batch);
                    client.send(RmatBatches.deletions(edges, from, to, !numeric));
                    sent += to - from;
                    bar.update(sent, "delete");
                }
            }
            bar.finish(String.format(Locale.ROOT, "%,d frames, %,d bytes", client.framesSent(), client.bytesSent()));
        }
        System.out.println(String.format(Locale.ROOT, "updates=%d edges=%d", sent, edges.length));
        return 0;
    }
}
