package io.dikw.app;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where dikw finds its bundled files: the checkout the {@code ./dikw} launcher runs from. */
public final class Paths {
    private Paths() {
    }

    /** @return the dikw home (system property {@code dikw.home}, else the working directory) */
    public static Path home() {
        final String home = System.getProperty("dikw.home");
        return Path.of(home == null ? "." : home).toAbsolutePath().normalize();
    }

    /**
     * @param relative a path under {@code examples/}
     * @return the bundled file
     * @throws IllegalStateException when it is missing, saying where it was looked for
     */
    public static Path example(final String relative) {
        final Path file = home().resolve("examples").resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("bundled example not found: " + file
                + " (run dikw from its checkout, or set -Ddikw.home=DIR)");
        }
        return file;
    }
}
