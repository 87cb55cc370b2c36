package io.dikw.microcluster.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dikw.core.io.DeadLetters;
import io.dikw.microcluster.data.BadRowPolicy;
import io.dikw.microcluster.data.CsvPointSource;
import io.dikw.microcluster.data.Kdd99;
import io.dikw.microcluster.data.KddGenerator;
import io.dikw.microcluster.data.Normalizer;
import io.dikw.microcluster.online.OnlineParams;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnginesTest {
    @TempDir
    static Path dir;
    static Path kdd;

    @BeforeAll
    static void generate() throws Exception {
        kdd = dir.resolve("kdd.csv");
        try (Writer w = Files.newBufferedWriter(kdd)) {
            new KddGenerator(11).write(60_000, w, null);
        }
    }

    private static EngineConfig config(final int p) {
        return new EngineConfig(OnlineParams.of(50, 2000, 70, 42), 5, p, 20, 5, 3, true, 50_000, 512);
    }

    private static List<BatchResult> run(final ClusteringEngine engine) throws Exception {
        final List<BatchResult> out = new ArrayList<>();
        try (CsvPointSource src = CsvPointSource.open(kdd, Kdd99.layout(1000), Normalizer.Kind.ZSCORE,
            BadRowPolicy.FAIL, DeadLetters.inMemory(1))) {
            final RunSummary s = engine.run(src, out::add, null);
            assertThat(s.points()).isEqualTo(60_000);
            assertThat(s.batches()).isEqualTo(out.size());
        }
        return out;
    }

    @Test
    void theLocalEngineComputesExactlyWhatTheSequentialReferenceComputes() throws Exception {
        final List<BatchResult> seq = run(new SequentialEngine(config(2)));
        final List<BatchResult> par = run(new LocalEngine(config(2)));
        assertThat(par).hasSameSizeAs(seq).hasSize(12);
        for (int b = 0; b < seq.size(); b++) {
            assertThat(par.get(b).macro().centers()).containsExactly(seq.get(b).macro().centers());
            assertThat(par.get(b).quality().ssq()).isEqualTo(seq.get(b).quality().ssq());
        }
    }

    @Test
    void theWindowSummarizesTheLastWindowOfPointsAndScoresAreSane() throws Exception {
        final List<BatchResult> seq = run(new SequentialEngine(config(1)));
        for (final BatchResult r : seq) {
            assertThat(r.microClusters()).isLessThanOrEqualTo(50);
            assertThat(r.macro().k()).isLessThanOrEqualTo(5);
            // 20 s window at 1,000 points/s: 20,000 points once the stream is that long
            assertThat(r.windowPoints()).isCloseTo(Math.min(r.totalPoints(), 20_000),
                org.assertj.core.api.Assertions.within(1.0));
            assertThat(r.quality().points()).isEqualTo((long) Math.min(r.totalPoints(), 20_000));
            assertThat(r.quality().purity()).isBetween(0.0, 1.0);
            assertThat(r.quality().nmi()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void parallelSsqStaysCloseToSequential() throws Exception {
        final List<BatchResult> seq = run(new SequentialEngine(config(1)));
        final List<BatchResult> par = run(new LocalEngine(config(2)));
        double s = 0;
        double p = 0;
        for (int b = 0; b < seq.size(); b++) {
            s += seq.get(b).quality().ssq();
            p += par.get(b).quality().ssq();
        }
        assertThat(p / s).isBetween(0.8, 1.25);
    }
}
