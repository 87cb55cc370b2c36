package io.dikw.app.microcluster;

import io.dikw.microcluster.data.BadRowPolicy;
import io.dikw.microcluster.data.CsvLayout;
import io.dikw.microcluster.data.Normalizer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dikw microcluster}: sliding-window micro-cluster clustering of numeric streams. */
@Command(name = "microcluster", mixinStandardHelpOptions = true,
    description = "Cluster numeric streams over a sliding window with micro-clusters (parallel SCluStream).",
    subcommands = MicroclusterCommand.Run.class)
public final class MicroclusterCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The engines. */
    public enum Engine {
        /** In-JVM threads: p partition threads and a merge thread (the default). */
        LOCAL,
        /** A Storm topology in an embedded LocalCluster: partition bolts and a merge bolt. */
        STORM,
        /** Everything in one thread (the reference). */
        SEQUENTIAL
    }

    /** Presets of known data sets. */
    public enum Preset {
        /** KDD Cup '99: 42 columns, no header, label last, the 34 continuous attributes. */
        KDD99,
        /** Any numeric CSV: name the columns. */
        NONE
    }

    /** {@code dikw microcluster run}. */
    @Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Cluster a numeric CSV stream: p partitions keep q CluStream micro-clusters each (online phase), "
            + "snapshots at every batch end give the micro-clusters of the sliding window by subtraction, the partitions' "
            + "windows are merged by additivity and reduced to q, and weighted k-means++ turns them into k macro clusters "
            + "(offline phase). Prints progress, then the macro clusters of the last window (size, what stands out in "
            + "the centre, label mix).",
            "Writes per-batch metrics (processing time, scheduling delay, SSQ, purity, NMI) to batches.jsonl and a chart "
            + "to batches.png in the output directory.",
            "Example: ./dikw generate kdd --count 500000 --out kdd.csv && \\",
            "  ./dikw microcluster run --input kdd.csv --preset kdd99 --q 50 --k 5 --window 70s --parallelism 2"})
    static final class Run implements Callable<Integer> {
        @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE",
            description = "Numeric CSV (plain or gzip).")
        Path input;

        @Option(names = "--preset", paramLabel = "NAME", defaultValue = "none",
            description = "kdd99 (KDD Cup '99 layout, 34 continuous attributes, label last) or none; default: ${DEFAULT-VALUE}.")
        Preset preset;

        @Option(names = "--columns", paramLabel = "COLS", split = ",",
            description = "Feature columns by header name or 1-based number (without --preset); default: all but label and time.")
        List<String> columns = List.of();

        @Option(names = "--label-column", paramLabel = "COL", description = "Column holding the true class (scores purity and NMI).")
        String labelColumn;

        @Option(names = "--time-column", paramLabel = "COL",
            description = "Column holding timestamps in seconds; without it row i is at i / --rate.")
        String timeColumn;

        @Option(names = "--header", paramLabel = "yes|no|auto", defaultValue = "auto",
            description = "Whether the first line names the columns; default: ${DEFAULT-VALUE} (yes when its first field is not a number).")
        CsvLayout.Header header;

        @Option(names = "--rate", paramLabel = "ROWS_PER_S", defaultValue = "1000",
            description = "Rows per second of stream time when rows have no timestamps; default: ${DEFAULT-VALUE}.")
        double rate;

        @Option(names = "--normalize", paramLabel = "zscore|minmax|none", defaultValue = "zscore",
            description = "Per-attribute normalization, fitted in a first pass over the file; default: ${DEFAULT-VALUE}.")
        Normalizer.Kind normalize;

        @Option(names = "--q", paramLabel = "Q", defaultValue = "50", description = "Micro-clusters; default: ${DEFAULT-VALUE}.")
        int q;

        @Option(names = "--k", paramLabel = "K", defaultValue = "5", description = "Macro clusters; default: ${DEFAULT-VALUE}.")
        int k;

        @Option(names = "--init", paramLabel = "N", defaultValue = "2000",
            description = "Points clustered by k-means++ into the first micro-clusters; default: ${DEFAULT-VALUE}.")
        int init;

        @Option(names = "--window", paramLabel = "LENGTH", defaultValue = "70s", converter = StreamSeconds.class,
            description = "Sliding window of stream time; default: ${DEFAULT-VALUE}.")
        double window;

        @Option(names = "--batch", paramLabel = "LENGTH", defaultValue = "5s", converter = StreamSeconds.class,
            description = "Batch (and snapshot slot) length; default: ${DEFAULT-VALUE}.")
        double batch;

        @Option(names = "--horizon", paramLabel = "LENGTH", converter = StreamSeconds.class,
            description = "Micro-clusters not relevant within it may be deleted; default: the window.")
        Double horizon;

        @Option(names = "--boundary", paramLabel = "T", defaultValue = "2",
            description = "Maximum boundary factor t (× RMS radius); default: ${DEFAULT-VALUE}.")
        double boundary;

        @Option(names = {"-p", "--parallelism"}, paramLabel = "P", defaultValue = "2",
            description = "Partitions (threads or partition bolts); default: ${DEFAULT-VALUE}.")
        int parallelism;

        @Option(names = "--engine", paramLabel = "local|storm|sequential", defaultValue = "local",
            description = "local threads, a Storm topology in an embedded LocalCluster, or one thread; default: ${DEFAULT-VALUE}.")
        Engine engine;

        @Option(names = "--on-bad-row", paramLabel = "fail|skip", defaultValue = "fail",
            description = "Stop at a bad row (wrong column count, not a number, NaN/Inf), or count, dead-letter and skip it; default: ${DEFAULT-VALUE}.")
        BadRowPolicy onBadRow;

        @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "dikw-out/microcluster",
            description = "Directory for batches.jsonl, batches.png and dead-letters.jsonl; default: ${DEFAULT-VALUE}.")
        Path out;

        @Option(names = "--no-score", description = "Do not keep window points to score SSQ, purity and NMI (faster).")
        boolean noScore;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed; default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--timeout", paramLabel = "LENGTH", defaultValue = "2h", converter = StreamSeconds.class,
            description = "Longest a Storm run may take; default: ${DEFAULT-VALUE}.")
        double timeout;

        @Override
        public Integer call() throws Exception {
            new MicroclusterRunner(System.out, System.err).run(this);
            return 0;
        }
    }
}
