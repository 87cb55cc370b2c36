package io.dikw.app.microcluster;

import java.util.Locale;
import picocli.CommandLine;

/** Parses a length of stream time: {@code 70s}, {@code 2m}, {@code 500ms}, {@code 1h}, or plain seconds. */
public final class StreamSeconds implements CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(final String value) {
        final String v = value.trim().toLowerCase(Locale.ROOT);
        final double unit;
        final String number;
        if (v.endsWith("ms")) {
            unit = 0.001;
            number = v.substring(0, v.length() - 2);
        } else if (v.endsWith("s")) {
            unit = 1;
            number = v.substring(0, v.length() - 1);
        } else if (v.endsWith("m")) {
            unit = 60;
            number = v.substring(0, v.length() - 1);
        } else if (v.endsWith("h")) {
            unit = 3600;
            number = v.substring(0, v.length() - 1);
        } else {
            unit = 1;
            number = v;
        }
        try {
            final double seconds = Double.parseDouble(number) * unit;
            if (!(seconds > 0) || Double.isInfinite(seconds)) {
                throw new CommandLine.TypeConversionException("'" + value + "' must be a positive length of time");
            }
            return seconds;
        } catch (final NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a length of time (e.g. 70s, 2m, 500ms)");
        }
    }
}
