package io.dikw.bench.microcluster;

import io.dikw.core.io.DeadLetters;
import io.dikw.microcluster.data.ArrayPointSource;
import io.dikw.microcluster.data.BadRowPolicy;
import io.dikw.microcluster.data.CsvPointSource;
import io.dikw.microcluster.data.Kdd99;
import io.dikw.microcluster.data.KddGenerator;
import io.dikw.microcluster.data.Normalizer;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import moa.streams.clustering.RandomRBFGeneratorEvents;

/**
 * A benchmark stream held in memory (normalized points, labels), so every contender clusters the
 * very same points and parsing is not timed.
 *
 * @param name       what it is
 * @param dims       dimensions
 * @param values     n × dims values
 * @param labels     n labels
 * @param labelNames names of the labels
 */
record BenchStream(String name, int dims, double[] values, int[] labels, List<String> labelNames) {
    /** @return points */
    int count() {
        return labels.length;
    }

    /** @param rate points per stream second @return a fresh source over the points */
    ArrayPointSource source(final double rate) {
        return new ArrayPointSource(dims, values, labels, labelNames, rate);
    }

    /**
     * The KDD'99-shaped stream: generated to a file (kept for reuse), read with the kdd99 preset,
     * z-score normalized.
     *
     * @param points records
     * @param seed   generator seed
     * @param dir    where the generated file is kept
     * @return the stream
     * @throws IOException when the file cannot be written or read
     */
    static BenchStream kdd(final int points, final long seed, final Path dir) throws IOException {
        final Path file = dir.resolve("kdd-" + points + "-" + seed + ".csv.gz");
        if (!Files.exists(file)) {
            System.err.println("generating " + file);
            Files.createDirectories(dir);
            try (Writer w = io.dikw.core.io.InputFiles.create(file)) {
                new KddGenerator(seed).write(points, w, null);
            }
        }
        System.err.println("reading " + file);
        final int d = Kdd99.continuousColumns().length;
        final double[] values = new double[points * d];
        final int[] labels = new int[points];
        try (CsvPointSource src = CsvPointSource.open(file, Kdd99.layout(1000), Normalizer.Kind.ZSCORE,
            BadRowPolicy.FAIL, DeadLetters.inMemory(0))) {
            int i = 0;
            while (i < points && src.next(values, i * d)) {
                labels[i++] = src.label();
            }
            return new BenchStream("kdd99-like", d, values, labels, List.copyOf(src.labelNames()));
        }
    }

    /**
     * MOA's RandomRBFGeneratorEvents (moving Gaussian clusters that appear, vanish, merge and split),
     * with its defaults but {@code dims} attributes; the generating cluster is the label.
     *
     * @param points points
     * @param dims   attributes
     * @param seed   the generator's instance seed
     * @return the stream
     */
    static BenchStream rbfEvents(final int points, final int dims, final int seed) {
        final RandomRBFGeneratorEvents gen = new RandomRBFGeneratorEvents();
        gen.numAttsOption.setValue(dims);
        gen.instanceRandomSeedOption.setValue(seed);
        gen.prepareForUse();
        final double[] values = new double[points * dims];
        final int[] labels = new int[points];
        final Map<Integer, Integer> ids = new HashMap<>();
        final List<String> names = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            final com.yahoo.labs.samoa.instances.Instance inst = gen.nextInstance().getData();
            for (int j = 0; j < dims; j++) {
                values[i * dims + j] = inst.value(j);
            }
            final int cls = (int) inst.classValue();
            labels[i] = ids.computeIfAbsent(cls, c -> {
                names.add("cluster-" + c);
                return names.size() - 1;
            });
        }
        return new BenchStream("moa-rbf-events", dims, values, labels, names);
    }
}
