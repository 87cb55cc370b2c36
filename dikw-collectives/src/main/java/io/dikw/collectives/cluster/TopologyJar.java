package io.dikw.collectives.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Writes a topology jar holding the classes of one package, taken from where that package was
 * loaded (a class directory or a jar), as a user would ship a topology. The workers of a local
 * cluster already have Storm and the project on their classpath, so this is all a submit needs.
 */
public final class TopologyJar {
    private TopologyJar() {
    }

    /**
     * @param anchor a class of the package to ship
     * @param prefix only classes whose simple file name starts with this ("" for the whole package)
     * @param jar the jar to write
     * @return the jar
     * @throws IOException when the classes cannot be read or the jar written
     */
    public static Path write(final Class<?> anchor, final String prefix, final Path jar) throws IOException {
        final String dir = anchor.getPackageName().replace('.', '/') + "/";
        final Path source;
        try {
            source = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the classes of " + anchor.getName(), e);
        }
        if (jar.getParent() != null) {
            Files.createDirectories(jar.getParent());
        }
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            if (Files.isDirectory(source)) {
                try (Stream<Path> paths = Files.list(source.resolve(dir))) {
                    for (final Path p : paths.filter(f -> wanted(f.getFileName().toString(), prefix)).sorted().toList()) {
                        out.putNextEntry(new JarEntry(dir + p.getFileName()));
                        Files.copy(p, out);
                        out.closeEntry();
                    }
                }
            } else {
                try (JarFile in = new JarFile(source.toFile())) {
                    final Enumeration<JarEntry> entries = in.entries();
                    while (entries.hasMoreElements()) {
                        final JarEntry e = entries.nextElement();
                        final String name = e.getName();
                        if (name.startsWith(dir) && name.indexOf('/', dir.length()) < 0
                            && wanted(name.substring(dir.length()), prefix)) {
                            out.putNextEntry(new JarEntry(name));
                            try (InputStream body = in.getInputStream(e)) {
                                body.transferTo(out);
                            }
                            out.closeEntry();
                        }
                    }
                }
            }
        }
        return jar;
    }

    private static boolean wanted(final String fileName, final String prefix) {
        return fileName.endsWith(".class") && fileName.startsWith(prefix);
    }
}
