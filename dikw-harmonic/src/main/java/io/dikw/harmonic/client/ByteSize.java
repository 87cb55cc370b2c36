package io.dikw.harmonic.client;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes people type: {@code 512}, {@code 100KB}, {@code 6MB}, {@code 1GiB} (KB = KiB = 1024 bytes). */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(i?b?)", Pattern.CASE_INSENSITIVE);

    private ByteSize() {
    }

    /**
     * @param text a size
     * @return bytes
     * @throws IllegalArgumentException naming the text when it is not a size
     */
    public static long parse(final String text) {
        final Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size: '" + text + "' (try 1024, 100KB, 6MB or 1GB)");
        }
        final int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        return (long) (Double.parseDouble(m.group(1)) * (1L << shift));
    }

    /**
     * @param bytes a size
     * @return it for people, e.g. {@code 6.0 MiB}
     */
    public static String format(final long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        final int unit = (63 - Long.numberOfLeadingZeros(bytes)) / 10;
        return String.format(Locale.ROOT, "%.1f %siB", bytes / (double) (1L << (unit * 10)), "KMGT".charAt(unit - 1));
    }
}
