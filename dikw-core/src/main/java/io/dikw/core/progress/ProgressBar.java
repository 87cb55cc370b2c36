package io.dikw.core.progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Shows the progress of long work, so a user can tell a slow job from a stuck one.
 *
 * <p>On an interactive terminal one line is redrawn in place with {@code \r}, at most every
 * {@value #REDRAW_MILLIS} ms:
 * <pre>
 * ingest [=========&gt;              ]  45%  12,345/27,000  3,210/s  eta 4.6s  tweets.json.gz
 * </pre>
 * Elsewhere (CI logs, pipes) a plain line without the bar is printed at most every
 * {@value #PLAIN_SECONDS} seconds, or when another tenth of the total is done, so logs stay short.
 * With an unknown total ({@code total <= 0}) only the count and the rate are shown.
 * {@link #finish(String)} prints the final line with the elapsed time. Lines fit in
 * {@value #COLUMNS} columns.
 *
 * <p>{@link #update(long, String)} is cheap when nothing is drawn (a clock read), so it can be
 * called for every record. Thread-safe. The clock is injectable so tests need not sleep.
 */
public final class ProgressBar {

    /** Terminal width the lines fit in; at most {@code COLUMNS - 1} characters are printed. */
    public static final int COLUMNS = 100;
    /** Minimum time between two redraws on an interactive terminal. */
    public static final long REDRAW_MILLIS = 200;
    /** Maximum time between two plain lines when not interactive (unless a tenth more is done). */
    public static final long PLAIN_SECONDS = 5;

    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(REDRAW_MILLIS);
    private static final long PLAIN_NANOS = TimeUnit.SECONDS.toNanos(PLAIN_SECONDS);
    private static final int BAR_CELLS = 24;
    private static final int MAX_LABEL = 24;
    private static final String CUT = "...";

    private final String label;
    private final long total;
    private final PrintStream out;
    private final boolean interactive;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private long done;
    private boolean drawn;
    private long lastDrawNanos;
    private long lastTenth;
    private int lastLength;
    private boolean finished;

    /**
     * A progress bar that redraws in place when {@code System.console()} is present and prints
     * plain lines otherwise.
     *
     * @param label what is being done, e.g. {@code ingest}.
     * @param total how many units the work has; 0 or less if unknown.
     * @param out   where to draw, usually {@code System.err}.
     */
    public ProgressBar(final String label, final long total, final PrintStream out) {
        this(label, total, out, System.console() != null, System::nanoTime);
    }

    /**
     * A progress bar with the display mode and the clock given, for tests and for callers that
     * know better than {@code System.console()} (e.g. a {@code --progress=plain} option).
     *
     * @param label       what is being done.
     * @param total       how many units the work has; 0 or less if unknown.
     * @param out         where to draw.
     * @param interactive true to redraw one line with {@code \r}, false for plain lines.
     * @param nanoClock   monotonic time in nanoseconds, like {@link System#nanoTime()}; read now as the start.
     */
    public ProgressBar(
        final String label, final long total, final PrintStream out, final boolean interactive,
        final LongSupplier nanoClock) {
        this.label = cut(oneLine(Objects.requireNonNull(label, "label")), MAX_LABEL);
        this.total = Math.max(0, total);
        this.out = Objects.requireNonNull(out, "out");
        this.interactive = interactive;
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.startNanos = nanoClock.getAsLong();
        this.lastTenth = 0;
    }

    /**
     * Records how much is done and redraws if it is time to.
     *
     * @param done   units done so far.
     * @param detail what is being worked on now (may be null); cut to fit the line.
     */
    public synchronized void update(final long done, final String detail) {
        if (finished) {
            return;
        }
        this.done = done;
        final long now = nanoClock.getAsLong();
        if (interactive) {
            if (!drawn || now - lastDrawNanos >= REDRAW_NANOS) {
                redraw(render(done, now - startNanos, detail, true, false), false);
                lastDrawNanos = now;
                drawn = true;
            }
            return;
        }
        final long tenth = tenth(done);
        if (!drawn || now - lastDrawNanos >= PLAIN_NANOS || tenth > lastTenth) {
            out.println(render(done, now - startNanos, detail, false, false));
            out.flush();
            lastDrawNanos = now;
            lastTenth = Math.max(lastTenth, tenth);
            drawn = true;
        }
    }

    /**
     * Prints a line of its own (a per-step report, a warning) without garbling the bar: on a
     * terminal the bar is erased, the line printed, and the bar drawn again below it.
     *
     * @param line the text to print
     */
    public synchronized void printAbove(final String line) {
        if (interactive && drawn && !finished) {
            redraw(line, true);
            lastLength = 0;
            redraw(render(done, nanoClock.getAsLong() - startNanos, null, true, false), false);
        } else {
            out.println(line);
            out.flush();
        }
    }

    /**
     * Records how much is done, without a detail.
     *
     * @param done units done so far.
     */
    public void update(final long done) {
        update(done, null);
    }

    /**
     * Prints the final line (last count, average rate, elapsed time) and ends the line; later
     * updates and finishes are ignored.
     *
     * @param detail a closing remark such as {@code 3 rejected} (may be null).
     */
    public synchronized void finish(final String detail) {
        if (finished) {
            return;
        }
        finished = true;
        final String line = render(done, nanoClock.getAsLong() - startNanos, detail, interactive, true);
        if (interactive) {
            redraw(line, true);
        } else {
            out.println(line);
            out.flush();
        }
    }

    /**
     * The time since this bar was created.
     *
     * @return elapsed nanoseconds by the bar's clock.
     */
    public long elapsedNanos() {
        return nanoClock.getAsLong() - startNanos;
    }

    private void redraw(final String line, final boolean last) {
        final StringBuilder sb = new StringBuilder(COLUMNS + 2).append('\r').append(line);
        for (int i = line.length(); i < lastLength; i++) {
            sb.append(' '); // erase what is left of a longer previous line
        }
        if (last) {
            sb.append(System.lineSeparator());
        }
        lastLength = line.length();
        out.print(sb);
        out.flush();
    }

    private long tenth(final long units) {
        if (total <= 0 || units <= 0) {
            return 0;
        }
        return (long) Math.min(10.0, Math.floor(10.0 * units / total));
    }

    /** Renders one line of at most {@code COLUMNS - 1} characters. */
    String render(final long units, final long elapsedNanos, final String detail, final boolean bar, final boolean last) {
        final StringBuilder sb = new StringBuilder(COLUMNS * 2).append(label);
        if (total > 0) {
            final double fraction = Math.max(0.0, Math.min(1.0, (double) units / total));
            if (bar) {
                sb.append(' ').append(bar(fraction));
            }
            sb.append(String.format(Locale.ROOT, "  %3d%%  %,d/%,d", (int) Math.floor(fraction * 100.0), units, total));
        } else {
            sb.append(String.format(Locale.ROOT, "  %,d", units));
        }
        final double seconds = elapsedNanos / 1e9;
        if (seconds > 0) {
            final double rate = units / seconds;
            sb.append("  ").append(formatRate(rate)).append("/s");
            if (last) {
                sb.append("  done in ").append(formatDuration(elapsedNanos));
            } else if (total > 0 && units > 0 && units < total) {
                final long etaNanos = (long) ((total - units) / rate * 1e9);
                sb.append("  eta ").append(formatDuration(etaNanos));
            }
        } else if (last) {
            sb.append("  done in ").append(formatDuration(Math.max(0, elapsedNanos)));
        }
        if (detail != null && !detail.isBlank()) {
            sb.append("  ").append(oneLine(detail));
        }
        return cut(sb.toString(), COLUMNS - 1);
    }

    private static String bar(final double fraction) {
        final int filled = (int) Math.floor(fraction * BAR_CELLS);
        final StringBuilder sb = new StringBuilder(BAR_CELLS + 2).append('[');
        for (int i = 0; i < BAR_CELLS; i++) {
            if (i < filled) {
                sb.append('=');
            } else if (i == filled) {
                sb.append('>');
            } else {
                sb.append(' ');
            }
        }
        return sb.append(']').toString();
    }

    /**
     * Formats a rate: thousands separated at 100 and above, one decimal below.
     *
     * @param perSecond units per second.
     * @return e.g. {@code 3,210} or {@code 4.5}.
     */
    static String formatRate(final double perSecond) {
        if (perSecond >= 100) {
            return String.format(Locale.ROOT, "%,d", Math.round(perSecond));
        }
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }

    /**
     * Formats a duration for people: {@code 4.6s}, {@code 2m05s}, {@code 1h02m03s}.
     *
     * @param nanos the duration.
     * @return the short form.
     */
    public static String formatDuration(final long nanos) {
        final double seconds = nanos / 1e9;
        if (seconds < 59.95) {
            return String.format(Locale.ROOT, "%.1fs", seconds);
        }
        final long whole = Math.round(seconds);
        final long h = whole / 3600;
        final long m = whole / 60 % 60;
        final long s = whole % 60;
        if (h == 0) {
            return String.format(Locale.ROOT, "%dm%02ds", m, s);
        }
        return String.format(Locale.ROOT, "%dh%02dm%02ds", h, m, s);
    }

    private static String oneLine(final String text) {
        return text.replace('\r', ' ').replace('\n', ' ').replace('\t', ' ');
    }

    private static String cut(final String text, final int max) {
        return text.length() <= max ? text : text.substring(0, max - CUT.length()) + CUT;
    }
}
