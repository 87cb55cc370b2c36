package io.dikw.microcluster.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dikw.core.io.DeadLetters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRowsTest {
    @TempDir
    Path dir;

    private static CsvLayout twoFeaturesAndLabel() {
        return new CsvLayout(-1, new int[] {0, 1}, List.of("a", "b"), 2, -1, 10, CsvLayout.Header.AUTO);
    }

    private Path write(final String text) throws Exception {
        final Path f = dir.resolve("in.csv");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsChosenColumnsLabelsAndIndexTime() throws Exception {
        final Path f = write("a,b,label\n1,2,x.\n3,4,y\n5,6,x\n");
        try (CsvRows rows = new CsvRows(f, twoFeaturesAndLabel(), BadRowPolicy.FAIL, DeadLetters.inMemory(10))) {
            final double[] v = new double[2];
            assertThat(rows.next(v, 0)).isTrue();
            assertThat(v).containsExactly(1, 2);
            assertThat(rows.label()).isEqualTo(0);
            assertThat(rows.time()).isEqualTo(0);
            assertThat(rows.next(v, 0)).isTrue();
            assertThat(rows.label()).isEqualTo(1);
            assertThat(rows.time()).isEqualTo(0.1);
            assertThat(rows.next(v, 0)).isTrue();
            assertThat(rows.label()).isEqualTo(0);
            assertThat(rows.next(v, 0)).isFalse();
            assertThat(rows.labelNames()).containsExactly("x", "y");
        }
    }

    @Test
    void aBadRowFailsWithItsLineNumberUnderFail() throws Exception {
        final Path f = write("1,2,x\n3,oops,x\n");
        try (CsvRows rows = new CsvRows(f, twoFeaturesAndLabel(), BadRowPolicy.FAIL, DeadLetters.inMemory(10))) {
            final double[] v = new double[2];
            rows.next(v, 0);
            assertThatThrownBy(() -> rows.next(v, 0)).isInstanceOf(BadRowException.class)
                .hasMessageContaining("line 2").hasMessageContaining("'oops', not a number")
                .hasMessageContaining("--on-bad-row skip");
        }
    }

    @Test
    void badRowsAreCountedDeadLetteredAndSkippedUnderSkip() throws Exception {
        final Path f = write("1,2,x\n3,4\n5,NaN,x\n7,Infinity,x\n8,abc,x\n9,10,y\n");
        final DeadLetters dead = DeadLetters.inMemory(10);
        try (CsvRows rows = new CsvRows(f, twoFeaturesAndLabel(), BadRowPolicy.SKIP, dead)) {
            final double[] v = new double[2];
            int good = 0;
            while (rows.next(v, 0)) {
                good++;
            }
            assertThat(good).isEqualTo(2);
            assertThat(v).containsExactly(9, 10);
            assertThat(rows.skipped()).isEqualTo(4);
        }
        assertThat(dead.count()).isEqualTo(4);
        assertThat(dead.countsByReason()).containsEntry("wrong-column-count", 1L).containsEntry("not-finite", 2L)
            .containsEntry("not-a-number", 1L);
    }

    @Test
    void zScoreNormalizationIsFittedOverTheFile() throws Exception {
        final Path f = write("1,10,x\n3,10,x\n");
        final Normalizer n = CsvPointSource.fit(f, twoFeaturesAndLabel(), Normalizer.Kind.ZSCORE);
        final double[] x = {1, 10};
        n.apply(x, 0);
        assertThat(x).containsExactly(-1, 0);
        assertThat(n.invert(0, 1)).isEqualTo(3);
    }

    @Test
    void theKddPresetKeepsThe34ContinuousAttributes() {
        assertThat(Kdd99.continuousColumns()).hasSize(34);
        assertThat(Kdd99.layout(1000).featureNames()).startsWith("duration", "src_bytes", "dst_bytes")
            .endsWith("dst_host_srv_rerror_rate").doesNotContain("protocol_type", "logged_in");
    }
}
