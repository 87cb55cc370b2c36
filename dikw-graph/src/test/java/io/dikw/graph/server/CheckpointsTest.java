package io.dikw.graph.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dikw.graph.names.Names;
import io.dikw.graph.store.EdgeBatch;
import io.dikw.graph.store.GraphStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {

    @Test
    void aDamagedNewestCheckpointFallsBackToThePreviousOne(@TempDir final Path dir) throws Exception {
        final Checkpoints cp = new Checkpoints(dir);
        final Names names = new Names(100);
        try (GraphStore g = new GraphStore(100, 1)) {
            g.apply(EdgeBatch.builder().insert(names.vertices().getOrCreate("a"), names.vertices().getOrCreate("b"), 0,
                1, 5).build());
            cp.write(g, names);
            final long first = GraphDigest.of(g, names);
            g.apply(EdgeBatch.builder().insert(1, 0, 0, 1, 6).build());
            final Path newest = cp.write(g, names);
            final byte[] bytes = Files.readAllBytes(newest);
            bytes[bytes.length / 2] ^= 0x40;
            Files.write(newest, bytes, StandardOpenOption.TRUNCATE_EXISTING);
            assertThatThrownBy(() -> Checkpoints.load(newest, 100, 1)).hasMessageContaining("checksum");
            final Checkpoints.Loaded loaded = cp.loadLatest(100, 1).orElseThrow();
            assertThat(GraphDigest.of(loaded.store(), loaded.names())).isEqualTo(first);
            loaded.store().close();
        }
    }

    @Test
    void aTruncatedCheckpointIsRefused(@TempDir final Path dir) throws Exception {
        final Names names = new Names(10);
        try (GraphStore g = new GraphStore(10, 1)) {
            g.apply(EdgeBatch.builder().insert(1, 2, 0, 1, 0).build());
            final Path file = new Checkpoints(dir).write(g, names);
            final byte[] bytes = Files.readAllBytes(file);
            Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));
            assertThatThrownBy(() -> Checkpoints.load(file, 10, 1)).hasMessageContaining("ends early");
            assertThat(new Checkpoints(dir).loadLatest(10, 1)).isEmpty();
        }
    }
}
