package io.dikw.graph.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.dikw.graph.names.Names;
import io.dikw.graph.store.EdgeBatch;
import io.dikw.graph.store.GraphStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link GraphServer#start} checks before it takes data: the checkpoint directory, its lock and the port. */
class ServerStartupTest {
    private final List<String> log = new CopyOnWriteArrayList<>();

    private GraphServer start(final Path dir, final int port) throws IOException {
        return GraphServer.start(ServerConfig.defaults().withPort(port).withCheckpoints(dir, 0), log::add);
    }

    /** Writes one checkpoint holding one edge into {@code dir}. */
    private static Path checkpoint(final Path dir) throws IOException {
        final Names names = new Names(100);
        try (GraphStore g = new GraphStore(100, 1)) {
            g.apply(EdgeBatch.builder().insert(names.vertices().getOrCreate("a"), names.vertices().getOrCreate("b"), 0,
                1, 5).build());
            return new Checkpoints(dir).write(g, names);
        }
    }

    @Test
    void aCheckpointDirThatIsAFileIsRefusedAtStartup(@TempDir final Path tmp) throws Exception {
        final Path file = Files.writeString(tmp.resolve("afile"), "not a directory");
        assertThatThrownBy(() -> start(file, 0)).isInstanceOf(IOException.class)
            .hasMessageContaining("checkpoint dir " + file + " is not a directory");
        assertThat(Files.readString(file)).isEqualTo("not a directory");
    }

    @Test
    void aCheckpointDirThatCannotBeCreatedIsRefusedAtStartup(@TempDir final Path tmp) throws Exception {
        final Path under = Files.writeString(tmp.resolve("afile"), "x").resolve("ckpt");
        assertThatThrownBy(() -> start(under, 0)).isInstanceOf(IOException.class)
            .hasMessageContaining("cannot create checkpoint dir " + under);
    }

    @Test
    void aReadOnlyCheckpointDirIsRefusedAtStartup(@TempDir final Path tmp) throws Exception {
        final Path dir = Files.createDirectory(tmp.resolve("ro"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            boolean writable;
            try {
                Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
                writable = true;
            } catch (final IOException e) {
                writable = false;
            }
            assumeThat(writable).as("permissions are not enforced for this user (root?)").isFalse();
            assertThatThrownBy(() -> start(dir, 0)).isInstanceOf(IOException.class)
                .hasMessageContaining("checkpoint dir " + dir + " is not writable");
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aSecondServerOnTheSameCheckpointDirIsRefusedUntilTheFirstCloses(@TempDir final Path dir) throws Exception {
        try (GraphServer first = start(dir, 0)) {
            assertThat(first.port()).isPositive();
            assertThatThrownBy(() -> start(dir, 0)).isInstanceOf(IOException.class)
                .hasMessage("checkpoint dir " + dir + " is in use by another graph server (lock file "
                    + dir.resolve(".lock") + "); stop that server or pick another --checkpoint-dir");
        }
        try (GraphServer again = start(dir, 0)) {
            assertThat(again.port()).isPositive();
        }
    }

    @Test
    void aBusyPortFailsBeforeTheCheckpointIsLoadedAndReleasesTheDir(@TempDir final Path tmp) throws Exception {
        final Path dir = tmp.resolve("ckpt");
        checkpoint(dir);
        try (GraphServer other = GraphServer.start(ServerConfig.defaults().withPort(0), line -> { })) {
            assertThatThrownBy(() -> start(dir, other.port())).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot listen on port " + other.port());
            assertThat(log).noneMatch(l -> l.startsWith("restored"));
        }
        try (GraphServer server = start(dir, 0)) {
            assertThat(log).anyMatch(l -> l.startsWith("restored " + dir));
            assertThat(server.store().edgeCount()).isEqualTo(1);
        }
    }

    @Test
    void aFreshCheckpointDirSaysTheGraphStartsEmpty(@TempDir final Path tmp) throws Exception {
        final Path dir = tmp.resolve("new");
        try (GraphServer server = start(dir, 0)) {
            assertThat(log).contains("no checkpoint in " + dir + "; starting with an empty graph");
            assertThat(log.get(log.size() - 1)).startsWith("graph server listening on port " + server.port());
        }
    }

    @Test
    void onlyDamagedCheckpointsAreReportedAsEventLinesWithTheirReason(@TempDir final Path dir) throws Exception {
        final Path file = checkpoint(dir);
        final byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING);
        try (GraphServer server = start(dir, 0)) {
            assertThat(log).anyMatch(l -> l.startsWith("skipping checkpoint " + file + ": ") && l.contains("checksum"));
            assertThat(log).contains("no readable checkpoint in " + dir + " (1 skipped, see above); starting with an "
                + "empty graph");
            assertThat(server.store().edgeCount()).isZero();
        }
    }
}
