package io.dikw.collectives.cluster;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ClusterSpecTest {
    @Test
    void rejectsImpossibleShapesSayingWhich() {
        final Path dir = Path.of("x");
        assertThatThrownBy(() -> ClusterSpec.onLoopback(dir, 0, 2)).hasMessageContaining("supervisors must be 1..64, got 0");
        assertThatThrownBy(() -> ClusterSpec.onLoopback(dir, 2, 0)).hasMessageContaining("slots per supervisor");
        assertThatThrownBy(() -> new ClusterSpec(dir, 1, 1, "127.0.0.1", 16)).hasMessageContaining("worker heap");
    }
}
