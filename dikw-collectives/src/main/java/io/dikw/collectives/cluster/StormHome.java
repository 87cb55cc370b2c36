package io.dikw.collectives.cluster;

import io.dikw.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Materializes the Storm home supervisors launch workers from: {@code lib-worker/} (links to the
 * jars of the worker classpath), {@code log4j2/} (daemon and worker logging) and {@code conf/}
 * (one configuration file per daemon; JSON, which Storm's YAML reader accepts). Class
 * directories, which a wildcard classpath cannot pick up, are returned so that supervisors can pass
 * them to workers through {@code STORM_EXT_CLASSPATH}.
 */
final class StormHome {
    private static final List<String> LOG_CONFIGS = List.of("cluster.xml", "worker.xml");

    private StormHome() {
    }

    /**
     * @param layout the cluster's layout
     * @param classpath the worker classpath (jars and class directories)
     * @return the class directories of the classpath (empty when it is all jars, as with dikw.jar)
     * @throws IOException when the home cannot be written
     */
    static List<Path> materialize(final ClusterLayout layout, final List<Path> classpath) throws IOException {
        final Path lib = layout.libWorker();
        clear(lib);
        Files.createDirectories(lib);
        Files.createDirectories(layout.stormHome().resolve("conf"));
        Files.createDirectories(layout.logs());
        Files.createDirectories(layout.dir().resolve("pids"));
        final List<Path> directories = new ArrayList<>();
        int n = 0;
        for (final Path entry : classpath) {
            if (Files.isDirectory(entry)) {
                directories.add(entry);
            } else {
                // numbered so two jars with the same file name (different groups) both get a link
                Files.createSymbolicLink(lib.resolve(String.format("%03d-%s", n++, entry.getFileName())), entry);
            }
        }
        final Path logConf = layout.stormHome().resolve("log4j2");
        Files.createDirectories(logConf);
        for (final String name : LOG_CONFIGS) {
            try (InputStream in = StormHome.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + name + " next to " + StormHome.class.getName());
                }
                Files.copy(in, logConf.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return directories;
    }

    /**
     * @param file where the configuration goes
     * @param conf the settings
     * @throws IOException when it cannot be written
     */
    static void writeConfig(final Path file, final Map<String, Object> conf) throws IOException {
        Json.writeFile(file, conf);
    }

    private static void clear(final Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> links = Files.list(dir)) {
            links.forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot clear " + dir, e);
                }
            });
        }
    }
}
