package io.dikw.collectives.cluster;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterSpecTest {
    @Test
    void rejectsImpossibleShapesSayingWhich() {
        final Path dir = Path.of("x");
        assertThatThrownBy(() -> ClusterSpec.onLoopback(dir, 0, 2)).hasMessageContaining("supervisors must be 1..64, got 0");
        assertThatThrownBy(() -> ClusterSpec.onLoopback(dir, 2, 0)).hasMessageContaining("slots per supervisor");
        assertThatThrownBy(() -> new ClusterSpec(dir, 1, 1, "127.0.0.1", 16, List.of())).hasMessageContaining("worker heap");
        assertThatThrownBy(() -> new ClusterSpec(dir, 2, 1, "10.77.0.1", 256, List.of("dikw-ns2")))
            .hasMessageContaining("2 supervisors need 2 network namespaces");
        assertThatThrownBy(() -> new ClusterSpec(dir, 1, 1, "10.77.0.1", 256, List.of("prod")))
            .hasMessageContaining("'prod' is not a host of the namespace lab");
    }
}
