package io.dikw.collectives.cluster;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The classpath of this JVM as a list of existing files: the launcher's {@code dikw.jar}, or under
 * a test runner every jar and class directory (a manifest-only jar, as Surefire writes, is expanded
 * to the entries its {@code Class-Path} names). Daemons and workers of a local cluster run on it.
 */
public final class JvmClasspath {
    private JvmClasspath() {
    }

    /** @return this JVM's classpath entries, expanded and de-duplicated, in order */
    public static List<Path> entries() {
        final Set<Path> out = new LinkedHashSet<>();
        for (final String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                add(Path.of(entry).toAbsolutePath().normalize(), out);
            }
        }
        return new ArrayList<>(out);
    }

    private static void add(final Path entry, final Set<Path> out) {
        if (!Files.exists(entry)) {
            return;
        }
        if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
            final List<Path> manifestEntries = manifestClassPath(entry);
            if (!manifestEntries.isEmpty() && isManifestOnly(entry)) {
                manifestEntries.forEach(e -> add(e, out));
                return;
            }
        }
        out.add(entry);
    }

    private static boolean isManifestOnly(final Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().noneMatch(e -> e.getName().endsWith(".class"));
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> manifestClassPath(final Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            final Manifest manifest = file.getManifest();
            final String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null || classPath.isBlank()) {
                return List.of();
            }
            final List<Path> out = new ArrayList<>();
            for (final String item : classPath.trim().split("\\s+")) {
                final URI uri = jar.toUri().resolve(item);
                out.add(Path.of(uri).toAbsolutePath().normalize());
            }
            return out;
        } catch (IOException e) {
            return List.of(); // not a readable jar: passed on as it is, the JVM will say what is wrong with it
        }
    }
}
