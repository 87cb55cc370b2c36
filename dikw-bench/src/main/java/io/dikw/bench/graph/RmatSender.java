package io.dikw.bench.graph;

import io.dikw.graph.client.StreamClient;
import io.dikw.graph.rmat.RmatBatches;

/**
 * The sender process of the end-to-end benchmark: generates the R-MAT edges first (not timed),
 * prints {@code ready}, then sends them as string-id insertion batches and, with
 * {@code --delete}, as deletion batches, through {@link StreamClient}.
 *
 * <p>Usage: {@code RmatSender HOST:PORT SCALE EDGE_FACTOR BATCH SEED [--delete]}.
 */
public final class RmatSender {
    private RmatSender() {
    }

    /**
     * @param args see the class comment
     * @throws Exception if sending fails
     */
    public static void main(final String[] args) throws Exception {
        final String server = args[0];
        final int scale = Integer.parseInt(args[1]);
        final int edgeFactor = Integer.parseInt(args[2]);
        final int batch = Integer.parseInt(args[3]);
        final long seed = Long.parseLong(args[4]);
        final boolean delete = args.length > 5 && "--delete".equals(args[5]);
        final long[] edges = RmatBatches.generate(scale, edgeFactor, seed);
        System.out.println("ready");
        System.out.flush();
        try (StreamClient client = StreamClient.connect(server)) {
            for (int from = 0, b = 0; from < edges.length; from += batch, b++) {
                client.send(RmatBatches.insertions(edges, from, Math.min(edges.length, from + batch), true, b));
            }
            if (delete) {
                for (int from = 0; from < edges.length; from += batch) {
                    client.send(RmatBatches.deletions(edges, from, Math.min(edges.length, from + batch), true));
                }
            }
        }
        System.out.println("sent");
    }
}
