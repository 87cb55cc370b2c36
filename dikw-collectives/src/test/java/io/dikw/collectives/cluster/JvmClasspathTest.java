package io.dikw.collectives.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmClasspathTest {
    @TempDir
    Path dir;

    @Test
    void expandsAManifestOnlyJarIntoTheEntriesItNames() throws Exception {
        final Path lib = Files.createDirectories(dir.resolve("lib"));
        final Path a = Files.createFile(lib.resolve("a.jar"));
        final Path classes = Files.createDirectories(dir.resolve("classes"));
        final Path booter = dir.resolve("booter.jar");
        final Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, "lib/a.jar classes/ lib/missing.jar");
        try (OutputStream out = Files.newOutputStream(booter); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        final String previous = System.getProperty("java.class.path");
        try {
            System.setProperty("java.class.path", booter + File.pathSeparator + a);
            assertThat(JvmClasspath.entries()).containsExactly(a, classes);
        } finally {
            System.setProperty("java.class.path", previous);
        }
    }

    @Test
    void theTestClasspathHoldsStormsDaemons() {
        final List<Path> entries = JvmClasspath.entries();
        assertThat(entries).anySatisfy(p -> assertThat(p.getFileName().toString()).startsWith("storm-server"));
    }
}
