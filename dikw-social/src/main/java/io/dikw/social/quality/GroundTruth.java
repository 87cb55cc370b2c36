package io.dikw.social.quality;

import io.dikw.core.io.BoundedLineReader;
import io.dikw.core.io.DeadLetters;
import io.dikw.core.io.InputFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agrona.collections.Long2LongHashMap;

/**
 * Ground-truth meme labels of tweets, read from a TSV file of {@code tweet_id<TAB>label} lines
 * (plain or gzip). A label of "-" or an empty label marks a background tweet that belongs to no
 * meme; such tweets are not part of the evaluation. Malformed lines go to the dead letters.
 */
public final class GroundTruth {
    /** The label of tweets that belong to no meme. */
    public static final int NONE = -1;

    private final Long2LongHashMap labelOf = new Long2LongHashMap(NONE);
    private final List<String> names = new ArrayList<>();

    private GroundTruth() {
    }

    /**
     * @param file the labels file ("-" for standard input)
     * @param deadLetters where malformed lines go
     * @return the labels
     * @throws IOException when the file cannot be read
     */
    public static GroundTruth read(final Path file, final DeadLetters deadLetters) throws IOException {
        final GroundTruth truth = new GroundTruth();
        final Map<String, Integer> ids = new HashMap<>();
        final String source = file.toString();
        try (BoundedLineReader lines = new BoundedLineReader(InputFiles.open(file), 4096)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                final int tab = line.indexOf('\t');
                if (tab <= 0 || lines.lastLineOversized()) {
                    deadLetters.reject(source, lines.lineNumber(), "malformed-label",
                        "expected 'tweet_id<TAB>label'", line);
                    continue;
                }
                final long id;
                try {
                    id = Long.parseLong(line.substring(0, tab).trim());
                } catch (final NumberFormatException e) {
                    deadLetters.reject(source, lines.lineNumber(), "malformed-label",
                        "tweet id is not a number", line);
                    continue;
                }
                final String label = line.substring(tab + 1).trim();
                if (label.isEmpty() || "-".equals(label)) {
                    continue;
                }
                final int labelId = ids.computeIfAbsent(label, k -> {
                    truth.names.add(k);
                    return truth.names.size() - 1;
                });
                truth.labelOf.put(id, labelId);
            }
        }
        return truth;
    }

    /**
     * @param labels tweet id → label name (for tests and generated streams)
     * @return the labels
     */
    public static GroundTruth of(final Map<Long, String> labels) {
        final GroundTruth truth = new GroundTruth();
        final Map<String, Integer> ids = new HashMap<>();
        labels.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            final int labelId = ids.computeIfAbsent(e.getValue(), k -> {
                truth.names.add(k);
                return truth.names.size() - 1;
            });
            truth.labelOf.put(e.getKey(), labelId);
        });
        return truth;
    }

    /**
     * @param tweetId a tweet id
     * @return its label number, or {@link #NONE}
     */
    public int label(final long tweetId) {
        return (int) labelOf.get(tweetId);
    }

    /**
     * @param label a label number
     * @return its name
     */
    public String name(final int label) {
        return names.get(label);
    }

    /** @return all label names, by number */
    public List<String> names() {
        return Collections.unmodifiableList(names);
    }

    /** @return the number of labelled tweets */
    public int size() {
        return labelOf.size();
    }
}
