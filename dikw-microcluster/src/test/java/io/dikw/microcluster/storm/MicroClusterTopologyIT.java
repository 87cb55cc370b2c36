package io.dikw.microcluster.storm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dikw.core.io.DeadLetters;
import io.dikw.microcluster.data.BadRowPolicy;
import io.dikw.microcluster.data.CsvPointSource;
import io.dikw.microcluster.data.Kdd99;
import io.dikw.microcluster.data.KddGenerator;
import io.dikw.microcluster.data.Normalizer;
import io.dikw.microcluster.engine.BatchResult;
import io.dikw.microcluster.engine.EngineConfig;
import io.dikw.microcluster.engine.LocalEngine;
import io.dikw.microcluster.engine.RunSummary;
import io.dikw.microcluster.online.OnlineParams;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MicroClusterTopologyIT {
    @TempDir
    static Path dir;
    static Path input;

    /** 40,000 KDD-shaped rows with three bad ones at lines 1001, 2002 and 30003. */
    @BeforeAll
    static void generate() throws Exception {
        final StringWriter w = new StringWriter();
        new KddGenerator(3).write(40_000, w, null);
        final List<String> lines = new ArrayList<>(List.of(w.toString().split("\n")));
        lines.add(1000, "0,tcp,http,SF,181,5450,0,0,0");
        lines.add(2001, lines.get(5).replaceFirst("^[^,]*,", "zero,"));
        lines.add(30002, lines.get(7).replaceFirst("^[^,]*,", "NaN,"));
        input = dir.resolve("kdd.csv");
        Files.write(input, lines);
    }

    private static EngineConfig config() {
        return new EngineConfig(OnlineParams.of(20, 1000, 30, 5), 4, 2, 10, 5, 2, true, 20_000, 256);
    }

    @Test
    void stormTopologyAndLocalEngineAgreeBatchForBatch() throws Exception {
        final Path dead = dir.resolve("dead.jsonl");
        final SourceSpec spec = new SourceSpec(input.toString(), Kdd99.layout(1000), Normalizer.Kind.ZSCORE,
            BadRowPolicy.SKIP, dead.toString());
        final List<BatchResult> storm = new CopyOnWriteArrayList<>();
        final RunSummary s = MicroClusterTopology.runLocal("it-agree", spec, config(), storm::add, null,
            Duration.ofMinutes(3));

        final List<BatchResult> local = new ArrayList<>();
        final RunSummary l;
        try (CsvPointSource src = CsvPointSource.open(input, Kdd99.layout(1000), Normalizer.Kind.ZSCORE,
            BadRowPolicy.SKIP, DeadLetters.inMemory(10))) {
            l = new LocalEngine(config()).run(src, local::add, null);
        }
        assertThat(s.points()).isEqualTo(40_000).isEqualTo(l.points());
        assertThat(s.rejected()).isEqualTo(3).isEqualTo(l.rejected());
        assertThat(Files.readAllLines(dead)).hasSize(3).anySatisfy(line -> assertThat(line).contains("\"line\":1001"));
        assertThat(s.labelNames()).isEqualTo(l.labelNames());
        assertThat(storm).hasSameSizeAs(local).hasSize(8);
        for (int b = 0; b < local.size(); b++) {
            assertThat(storm.get(b).batch()).isEqualTo(local.get(b).batch());
            assertThat(storm.get(b).macro().centers()).containsExactly(local.get(b).macro().centers());
            assertThat(storm.get(b).quality().ssq()).isEqualTo(local.get(b).quality().ssq());
            assertThat(storm.get(b).quality().nmi()).isEqualTo(local.get(b).quality().nmi());
        }
        assertThat(s.online().toString()).isEqualTo(l.online().toString());
    }

    @Test
    void aBadRowStopsTheTopologyWithItsLineNumberUnderFail() {
        final SourceSpec spec = new SourceSpec(input.toString(), Kdd99.layout(1000), Normalizer.Kind.ZSCORE,
            BadRowPolicy.FAIL, null);
        assertThatThrownBy(() -> MicroClusterTopology.runLocal("it-fail", spec, config(), r -> { }, null,
            Duration.ofMinutes(2))).hasMessageContaining("line 1001").hasMessageContaining("--on-bad-row skip");
    }
}
