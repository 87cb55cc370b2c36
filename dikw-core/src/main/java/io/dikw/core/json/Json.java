package io.dikw.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.util.StdDateFormat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one Jackson configuration shared by every dikw module, so that all JSON written (JSON lines,
 * result files, dead letters, the web API) looks the same and all JSON read is treated the same.
 *
 * <ul>
 *   <li>Unknown properties are ignored when reading, so newer files still load in older code.</li>
 *   <li>Dates are written as ISO-8601 strings, never as numeric timestamps: {@link java.util.Date}
 *       in UTC, and {@code java.time} values ({@link Instant}, {@link LocalDate},
 *       {@link LocalDateTime}, {@link LocalTime}, {@link OffsetDateTime}, {@link ZonedDateTime},
 *       {@link Duration}) as their ISO {@code toString()} form, read back with {@code parse}.</li>
 *   <li>No indentation: {@link #mapper()} writes one line per value, as JSON lines need.
 *       {@link #writeFile(Path, Object)} and {@link #prettyWriter()} indent for people.</li>
 * </ul>
 */
public final class Json {
    /** Jackson's note on where a location's source was, up to the line and column. */
    private static final Pattern SOURCE_IN_LOCATION = Pattern.compile("\\[Source: [^\\]]*?; (?=line: )");

    private static final ObjectMapper MAPPER = newMapper();
    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private Json() {
    }

    /**
     * The shared, thread-safe mapper. Use it as is; do not reconfigure it (every module shares it).
     * For a variant, derive one with {@code mapper().copy()} or {@code mapper().writer(...)}.
     *
     * @return the shared mapper, compact (no indentation).
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A writer of the shared configuration that indents output for people.
     *
     * @return the shared pretty-printing writer.
     */
    public static ObjectWriter prettyWriter() {
        return PRETTY;
    }

    /**
     * What is wrong with a record that is not JSON, in Jackson's words without its notes on where
     * the source was (e.g. {@code [Source: REDACTED ...; line: 1, column: 58]} becomes
     * {@code [line: 1, column: 58]}), for dead letters and error messages.
     *
     * @param e the parse error
     * @return its message, short
     */
    public static String problem(final JsonProcessingException e) {
        return SOURCE_IN_LOCATION.matcher(String.valueOf(e.getOriginalMessage())).replaceAll("[");
    }

    /**
     * Writes {@code value} to {@code file} as pretty-printed UTF-8 JSON with a final newline, for
     * result and benchmark files. Parent directories are created. The JSON goes to a temporary
     * file next to the target which then replaces it, so readers never see a half-written file.
     *
     * @param file  the file to write (replaced if it exists).
     * @param value the value to serialize.
     * @throws IOException if the value cannot be serialized or the file cannot be written.
     */
    public static void writeFile(final Path file, final Object value) throws IOException {
        Objects.requireNonNull(file, "file");
        final Path absolute = file.toAbsolutePath();
        final Path dir = absolute.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        final String json = PRETTY.writeValueAsString(value);
        final Path tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            readableByAll(tmp); // a temporary file is private; a result file is not
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                out.write(json);
                out.write('\n');
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (final AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void readableByAll(final Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (final UnsupportedOperationException e) {
            // not a POSIX file system: its defaults stand
        }
    }

    private static ObjectMapper newMapper() {
        final ObjectMapper mapper = new ObjectMapper();
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        mapper.configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
        mapper.configure(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS, false);
        mapper.configure(SerializationFeature.INDENT_OUTPUT, false);
        mapper.setDateFormat(new StdDateFormat().withColonInTimeZone(true));
        mapper.setTimeZone(TimeZone.getTimeZone("UTC"));
        mapper.registerModule(javaTimeModule());
        return mapper;
    }

    /** ISO-8601 strings for java.time without an extra dependency (jackson-datatype-jsr310). */
    private static SimpleModule javaTimeModule() {
        final SimpleModule module = new SimpleModule("dikw-java-time");
        addIso(module, Instant.class, Instant::parse);
        addIso(module, LocalDate.class, LocalDate::parse);
        addIso(module, LocalDateTime.class, LocalDateTime::parse);
        addIso(module, LocalTime.class, LocalTime::parse);
        addIso(module, OffsetDateTime.class, OffsetDateTime::parse);
        addIso(module, ZonedDateTime.class, ZonedDateTime::parse);
        addIso(module, Duration.class, Duration::parse);
        return module;
    }

    private static <T> void addIso(final SimpleModule module, final Class<T> type, final Function<String, T> parse) {
        module.addSerializer(type, ToStringSerializer.instance);
        module.addDeserializer(type, new IsoDeserializer<>(type, parse));
    }

    /** Reads an ISO-8601 string with the type's own {@code parse}; null for an empty string. */
    private static final class IsoDeserializer<T> extends StdScalarDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient Function<String, T> parse;

        IsoDeserializer(final Class<T> type, final Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        public T deserialize(final JsonParser p, final DeserializationContext ctxt) throws IOException {
            final Class<?> type = handledType();
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return castOrNull(ctxt.handleUnexpectedToken(type, p));
            }
            final String text = p.getText().trim();
            if (text.isEmpty()) {
                return null;
            }
            try {
                return parse.apply(text);
            } catch (final DateTimeException e) {
                return castOrNull(ctxt.handleWeirdStringValue(type, text,
                    "expected an ISO-8601 %s such as %s: %s", type.getSimpleName(), example(type), e.getMessage()));
            }
        }

        @SuppressWarnings("unchecked")
        private T castOrNull(final Object value) {
            return (T) value;
        }

        private static String example(final Class<?> type) {
            if (type == Instant.class) {
                return "2024-05-10T22:28:00Z";
            }
            if (type == Duration.class) {
                return "PT1.5S";
            }
            if (type == LocalDate.class) {
                return "2024-05-10";
            }
            if (type == LocalTime.class) {
                return "22:28:00";
            }
            if (type == LocalDateTime.class) {
                return "2024-05-10T22:28:00";
            }
            return "2024-05-10T22:28:00+02:00";
        }
    }
}
