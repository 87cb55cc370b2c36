package io.dikw.core.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartTest {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void shouldWritePngOfRequestedSizeCreatingParentDirectories(@TempDir final Path dir) throws IOException {
        final double[] x = new double[200];
        final double[] y = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = Math.sin(i / 10.0);
        }
        final Path file = dir.resolve("charts/quality.png");
        final Path written = LineChart.titled("Quality over time").xAxis("time (s)").yAxis("NMI")
            .series("sine", x, y)
            .series("short, with gaps", new double[] {0, 50, 100, 150}, new double[] {0.1, Double.NaN, 0.5, 0.2})
            .series("indexed", new double[] {0.3, 0.4, 0.35})
            .size(640, 360)
            .writePng(file);

        assertThat(written).isEqualTo(file);
        final byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(PNG_MAGIC);
        final BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(360);
        assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
    }

    @Test
    void shouldDrawChartsWithEmptyOrAllNaNSeries() throws IOException {
        final byte[] none = LineChart.titled("nothing yet").toPng();
        assertThat(none).startsWith(PNG_MAGIC);
        final byte[] allNaN = LineChart.titled("gaps").series("nan", new double[] {Double.NaN}).toPng();
        assertThat(allNaN).startsWith(PNG_MAGIC);
    }

    @Test
    void shouldRejectMismatchedLengthsDuplicateNamesAndBadSizes() {
        assertThatThrownBy(() -> LineChart.titled("t").series("s", new double[2], new double[3]))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.length=2");
        assertThatThrownBy(() -> LineChart.titled("t").series("s", new double[1]).series("s", new double[1]))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already");
        assertThatThrownBy(() -> LineChart.titled("t").size(0, 10))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("width=0");
    }

    @Test
    void yFromZeroRedrawsTheAxisFromZero() throws IOException {
        final double[] y = {10, 10.5, 11};
        final byte[] tight = LineChart.titled("t").series("s", y).toPng();
        assertThat(LineChart.titled("t").series("s", y).toPng()).isEqualTo(tight);
        assertThat(LineChart.titled("t").series("s", y).yFromZero().toPng()).isNotEqualTo(tight);
    }
}
