package io.dikw.app.graph;

import io.dikw.core.io.DeadLetters;
import io.dikw.core.io.InputFiles;
import io.dikw.core.progress.ProgressBar;
import io.dikw.graph.client.RecordStreamer;
import io.dikw.graph.client.StreamClient;
import io.dikw.graph.template.RecordTemplate;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dikw graph stream}: a stream process that sends templated records to a server. */
@Command(name = "stream", mixinStandardHelpOptions = true,
    description = {"Read records (JSON lines, or CSV rows with a .csv template), turn each into edges with a template "
        + "of STINGER $ keywords, and send them to a graph server in batches.",
        "Example: ./dikw graph stream --server localhost:10102 \\",
        "  --template examples/graph/tweets.template.json --input tweets.jsonl.gz",
        "Records the template cannot use are counted and written to --dead-letters with their line and reason."})
final class StreamCommand implements Callable<Integer> {
    @Option(names = "--server", required = true, paramLabel = "HOST:PORT", description = "The graph server's stream port.")
    String server;

    @Option(names = "--template", required = true, paramLabel = "FILE",
        description = "Template: JSON (one or more objects) or CSV (name ends in .csv); see examples/graph/.")
    Path template;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE",
        description = "Records, one per line (plain or gzip), or - for standard input.")
    Path input;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "10000",
        description = "Updates per batch; default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--undirected", description = "Insert every edge in both directions (STINGER's make_undirected).")
    boolean undirected;

    @Option(names = "--dead-letters", paramLabel = "FILE", defaultValue = "dikw-out/graph/dead-letters.jsonl",
        description = "Where rejected records go (created on the first one); default: ${DEFAULT-VALUE}.")
    Path deadLetters;

    @Override
    public Integer call() throws Exception {
        final RecordTemplate t = RecordTemplate.load(template);
        final RecordStreamer streamer = new RecordStreamer(t, batch, undirected);
        final ProgressBar bar = new ProgressBar("stream", 0, System.err);
        final RecordStreamer.Summary s;
        try (DeadLetters dead = DeadLetters.toFile(deadLetters);
             Reader in = InputFiles.open(input);
             StreamClient client = StreamClient.connect(server)) {
            s = streamer.stream(input.toString(), in, client, dead, done -> bar.update(done, "records"));
            bar.finish(String.format(Locale.ROOT, "%,d updates in %,d batch%s", s.updates(), s.batches(),
                s.batches() == 1 ? "" : "es"));
            System.out.println(String.format(Locale.ROOT, "records=%d updates=%d batches=%d rejected=%d",
                s.records(), s.updates(), s.batches(), s.rejected()));
            if (dead.count() > 0) {
                System.out.println("dead letters: " + dead.summary());
            }
        }
        if (s.records() > 0 && s.updates() == 0) {
            System.err.println("dikw graph stream: none of the " + s.records() + " records gave an update: does the "
                + "template " + template + " fit the input? The dead letters " + deadLetters + " say why each "
                + "record was refused.");
            return 1;
        }
        return 0;
    }
}
