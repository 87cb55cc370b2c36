package io.dikw.social.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.dikw.core.io.DeadLetters;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthTest {

    private static final String LABELS = String.join("\n",
        "# tweet_id<TAB>label",          // 1 comment
        "101\tfootball",                  // 2
        "102\t-",                         // 3 background
        "103\t",                          // 4 empty label: background
        "",                               // 5 blank
        "   ",                            // 6 blank
        "104\telection",                  // 7
        "abc\tfootball",                  // 8 id not a number
        "105 football",                   // 9 no tab
        "\tfootball",                     // 10 tab at the start: no id
        " 106 \t football ",              // 11 trimmed
        "107\tfootball") + "\n";          // 12

    @Test
    void readsLabelsSkippingBackgroundBlankAndCommentLines(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("labels.tsv");
        Files.writeString(file, LABELS);
        final DeadLetters dead = DeadLetters.inMemory(10);

        final GroundTruth truth = GroundTruth.read(file, dead);

        assertThat(truth.size()).isEqualTo(4);
        assertThat(truth.names()).containsExactly("football", "election");
        assertThat(truth.label(101)).isEqualTo(0);
        assertThat(truth.label(104)).isEqualTo(1);
        assertThat(truth.label(106)).isEqualTo(0);
        assertThat(truth.label(107)).isEqualTo(0);
        assertThat(truth.name(truth.label(104))).isEqualTo("election");
        assertThat(truth.label(102)).isEqualTo(GroundTruth.NONE);
        assertThat(truth.label(103)).isEqualTo(GroundTruth.NONE);
        assertThat(truth.label(999)).isEqualTo(GroundTruth.NONE);
    }

    @Test
    void malformedLinesGoToTheDeadLettersWithTheirLineNumbers(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("labels.tsv");
        Files.writeString(file, LABELS);
        final DeadLetters dead = DeadLetters.inMemory(10);

        GroundTruth.read(file, dead);

        assertThat(dead.count()).isEqualTo(3);
        assertThat(dead.countsByReason()).containsExactly(Map.entry("malformed-label", 3L));
        final List<DeadLetters.Rejection> kept = dead.kept();
        assertThat(kept).extracting(DeadLetters.Rejection::line).containsExactly(8L, 9L, 10L);
        assertThat(kept).extracting(DeadLetters.Rejection::record)
            .containsExactly("abc\tfootball", "105 football", "\tfootball");
        assertThat(kept).allSatisfy(r -> assertThat(r.source()).isEqualTo(file.toString()));
        assertThat(kept.get(0).detail()).contains("not a number");
    }

    @Test
    void readsGzipFiles(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("labels.tsv.gz");
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)),
            StandardCharsets.UTF_8)) {
            w.write("1\ta\n2\tb\n3\t-\n");
        }

        final GroundTruth truth = GroundTruth.read(file, DeadLetters.inMemory(0));

        assertThat(truth.size()).isEqualTo(2);
        assertThat(truth.names()).containsExactly("a", "b");
    }

    @Test
    void emptyFileHasNoLabels(@TempDir final Path dir) throws IOException {
        final Path file = Files.writeString(dir.resolve("labels.tsv"), "");
        final DeadLetters dead = DeadLetters.inMemory(0);

        final GroundTruth truth = GroundTruth.read(file, dead);

        assertThat(truth.size()).isZero();
        assertThat(truth.names()).isEmpty();
        assertThat(dead.count()).isZero();
    }

    @Test
    void ofNumbersLabelsInOrderOfTheirFirstTweet() {
        final GroundTruth truth = GroundTruth.of(Map.of(5L, "b", 1L, "a", 3L, "b", 9L, "c"));

        assertThat(truth.names()).containsExactly("a", "b", "c");
        assertThat(truth.label(3)).isEqualTo(truth.label(5)).isEqualTo(1);
        assertThat(truth.label(9)).isEqualTo(2);
        assertThat(truth.size()).isEqualTo(4);
    }
}
