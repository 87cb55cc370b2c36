package io.dikw.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private void advanceMillis(final long millis) {
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private List<String> plainLines() {
        return Arrays.asList(printed().split(System.lineSeparator()));
    }

    @Test
    void shouldRenderBarPercentCountRateEtaAndDetail() {
        final ProgressBar bar = new ProgressBar("ingest", 27_000, out, true, clock::get);
        advanceMillis(3_846);
        bar.update(12_345, "tweets.json.gz");
        assertThat(printed()).isEqualTo(
            "\ringest [==========>             ]   45%  12,345/27,000  3,210/s  eta 4.6s  tweets.json.gz");
    }

    @Test
    void shouldShowCountAndRateOnlyWhenTotalIsUnknown() {
        final ProgressBar bar = new ProgressBar("read", 0, out, true, clock::get);
        advanceMillis(2_000);
        bar.update(9, null);
        assertThat(printed()).isEqualTo("\rread  9  4.5/s");
    }

    @Test
    void shouldFitInOneHundredColumnsAndStayOnOneLine() {
        final ProgressBar bar = new ProgressBar("a label that is much too long for the line", 1_000_000_000_000L,
            out, true, clock::get);
        advanceMillis(1_000);
        bar.update(123_456_789_012L, "detail\nwith a newline " + "y".repeat(200));
        final String line = printed().substring(1);
        assertThat(line).hasSizeLessThan(ProgressBar.COLUMNS).endsWith("...").doesNotContain("\n");
    }

    @Test
    void shouldRedrawAtMostEvery200Milliseconds() {
        final ProgressBar bar = new ProgressBar("x", 100, out, true, clock::get);
        bar.update(1, null);
        for (int i = 2; i < 20; i++) {
            advanceMillis(10);
            bar.update(i, null);
        }
        assertThat(printed().chars().filter(c -> c == '\r').count()).isEqualTo(1);
        advanceMillis(20); // 200 ms since the first draw
        bar.update(20, null);
        assertThat(printed().chars().filter(c -> c == '\r').count()).isEqualTo(2);
    }

    @Test
    void shouldEraseTheRestOfALongerPreviousLine() {
        final ProgressBar bar = new ProgressBar("x", 0, out, true, clock::get);
        advanceMillis(1_000);
        bar.update(1, "a long detail");
        final int first = printed().length();
        advanceMillis(200);
        bar.update(2, null);
        final String second = printed().substring(first);
        assertThat(second).startsWith("\rx  2  1.7/s").hasSize(first);
    }

    @Test
    void shouldPrintPlainLinesEveryFiveSecondsOrEveryTenthWhenNotInteractive() {
        final ProgressBar bar = new ProgressBar("scan", 1_000, out, false, clock::get);
        bar.update(0, "start");            // first update always prints
        for (int i = 1; i < 100; i++) {    // 99 updates within 4.95 s, below 10 %
            advanceMillis(50);
            bar.update(i, null);
        }
        assertThat(plainLines()).hasSize(1);
        advanceMillis(50);                 // 5 s since the last line
        bar.update(99, null);
        assertThat(plainLines()).hasSize(2);
        advanceMillis(1);
        bar.update(100, null);             // reaches 10 %
        bar.update(150, null);
        bar.update(199, null);
        assertThat(plainLines()).hasSize(3);
        bar.update(350, null);             // jumps to 30 %
        assertThat(plainLines()).hasSize(4);
        assertThat(printed()).doesNotContain("\r").doesNotContain("[");
        assertThat(plainLines().get(0)).isEqualTo("scan    0%  0/1,000  start");
        assertThat(plainLines().get(3)).startsWith("scan   35%  350/1,000  ");
    }

    @Test
    void shouldFinishWithElapsedTimeOnItsOwnLineAndIgnoreLaterCalls() {
        final ProgressBar bar = new ProgressBar("build", 200, out, true, clock::get);
        bar.update(50, "step");
        advanceMillis(125_000);
        bar.update(200, null);
        bar.finish("3 rejected");
        bar.finish("again");
        bar.update(1, "late");
        final String text = printed();
        assertThat(text).endsWith(
            "\rbuild [========================]  100%  200/200  1.6/s  done in 2m05s  3 rejected" + System.lineSeparator());
        assertThat(text).doesNotContain("again").doesNotContain("late");
    }

    @Test
    void shouldFinishPlainWithoutBar() {
        final ProgressBar bar = new ProgressBar("job", 0, out, false, clock::get);
        bar.update(5_000, null);
        advanceMillis(2_500);
        bar.update(10_000, null);
        bar.finish(null);
        assertThat(plainLines()).containsExactly("job  5,000", "job  10,000  4,000/s  done in 2.5s");
    }

    @Test
    void shouldFormatDurationsForPeople() {
        assertThat(ProgressBar.formatDuration(TimeUnit.MILLISECONDS.toNanos(4_560))).isEqualTo("4.6s");
        assertThat(ProgressBar.formatDuration(TimeUnit.SECONDS.toNanos(60))).isEqualTo("1m00s");
        assertThat(ProgressBar.formatDuration(TimeUnit.SECONDS.toNanos(3_723))).isEqualTo("1h02m03s");
    }
}
