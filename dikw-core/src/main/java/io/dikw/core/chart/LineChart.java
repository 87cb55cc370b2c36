package io.dikw.core.chart;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Draws line charts as PNG without a display (XChart, {@code java.awt.headless=true}), for results
 * that people would rather look at than read: quality over time, throughput per worker count, ...
 *
 * <pre>
 * LineChart.titled("Throughput").xAxis("workers").yAxis("tweets/s")
 *     .series("dikw", x, y).series("baseline", x2, y2)
 *     .size(800, 500).writePng(Path.of("out/throughput.png"));
 * </pre>
 *
 * Series may have different lengths; points where x or y is NaN or infinite are skipped (a gap in
 * the data, not a failure), and a series left with no point is not drawn. A chart without series
 * still draws (empty axes). A builder: not thread-safe, but each call to {@link #writePng} or
 * {@link #toPng} draws afresh, so it can be reused.
 */
public final class LineChart {

    /** Default width in pixels. */
    public static final int DEFAULT_WIDTH = 800;
    /** Default height in pixels. */
    public static final int DEFAULT_HEIGHT = 500;
    /** Series with more points than this are drawn without point markers, as plain lines. */
    public static final int MAX_MARKED_POINTS = 50;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private record Series(String name, double[] x, double[] y) {
    }

    private final String title;
    private final List<Series> series = new ArrayList<>();
    private String xAxis = "";
    private String yAxis = "";
    private boolean yFromZero;
    private int width = DEFAULT_WIDTH;
    private int height = DEFAULT_HEIGHT;

    private LineChart(final String title) {
        this.title = title;
    }

    /**
     * Starts a chart.
     *
     * @param title the chart title shown above the plot.
     * @return a new chart builder.
     */
    public static LineChart titled(final String title) {
        return new LineChart(Objects.requireNonNull(title, "title"));
    }

    /**
     * Sets the x-axis title.
     *
     * @param name the title, e.g. {@code time (s)}.
     * @return this.
     */
    public LineChart xAxis(final String name) {
        this.xAxis = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * Sets the y-axis title.
     *
     * @param name the title, e.g. {@code NMI}.
     * @return this.
     */
    public LineChart yAxis(final String name) {
        this.yAxis = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * Adds a line. The arrays are copied, without the points where x or y is not finite.
     *
     * @param name the series name shown in the legend; unique within the chart.
     * @param x    the x values.
     * @param y    the y values, as many as {@code x}.
     * @return this.
     * @throws IllegalArgumentException if the lengths differ or the name is already used.
     */
    public LineChart series(final String name, final double[] x, final double[] y) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                "series '" + name + "': x.length=" + x.length + " must equal y.length=" + y.length);
        }
        for (final Series s : series) {
            if (s.name().equals(name)) {
                throw new IllegalArgumentException("series '" + name + "' is already in chart '" + title + "'");
            }
        }
        final double[] keptX = new double[x.length];
        final double[] keptY = new double[y.length];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                keptX[n] = x[i];
                keptY[n] = y[i];
                n++;
            }
        }
        series.add(new Series(name, Arrays.copyOf(keptX, n), Arrays.copyOf(keptY, n)));
        return this;
    }

    /**
     * Adds a line whose x values are the indexes 0, 1, 2, ...
     *
     * @param name the series name; unique within the chart.
     * @param y    the y values.
     * @return this.
     */
    public LineChart series(final String name, final double[] y) {
        final double[] x = new double[Objects.requireNonNull(y, "y").length];
        Arrays.setAll(x, i -> i);
        return series(name, x, y);
    }

    /**
     * Starts the y axis at zero rather than near the smallest value, so that the size of a change
     * reads true (rates, counts).
     *
     * @return this.
     */
    public LineChart yFromZero() {
        this.yFromZero = true;
        return this;
    }

    /**
     * Sets the image size.
     *
     * @param widthPixels  width, at least 1.
     * @param heightPixels height, at least 1.
     * @return this.
     */
    public LineChart size(final int widthPixels, final int heightPixels) {
        if (widthPixels < 1 || heightPixels < 1) {
            throw new IllegalArgumentException(
                "size width=" + widthPixels + " height=" + heightPixels + " must both be >= 1");
        }
        this.width = widthPixels;
        this.height = heightPixels;
        return this;
    }

    /**
     * Draws the chart as PNG bytes, e.g. for a web response.
     *
     * @return the PNG image.
     * @throws IOException if encoding fails.
     */
    public byte[] toPng() throws IOException {
        return BitmapEncoder.getBitmapBytes(build(), BitmapFormat.PNG);
    }

    /**
     * Draws the chart into a PNG file (exactly this path; no extension is added), creating the
     * parent directories.
     *
     * @param file the file to write (replaced if it exists).
     * @return {@code file}, for chaining into a log message.
     * @throws IOException if the file cannot be written.
     */
    public Path writePng(final Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        final byte[] png = toPng();
        final Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, png);
        return file;
    }

    private XYChart build() {
        final XYChart chart = new XYChartBuilder()
            .width(width).height(height).title(title).xAxisTitle(xAxis).yAxisTitle(yAxis).build();
        chart.getStyler().setLegendVisible(series.size() > 1);
        if (yFromZero) {
            chart.getStyler().setYAxisMin(0.0);
        }
        for (final Series s : series) {
            if (s.x().length == 0) {
                continue; // XChart refuses empty data; a series with no finite point is simply not drawn
            }
            final XYSeries xy = chart.addSeries(s.name(), s.x(), s.y());
            if (s.x().length > MAX_MARKED_POINTS) {
                xy.setMarker(SeriesMarkers.NONE);
            }
        }
        return chart;
    }
}
