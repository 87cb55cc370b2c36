package io.dikw.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmitTargetTest {
    @Test
    void takesANimbusAddressWithOrWithoutPort() throws Exception {
        assertThat(SubmitTarget.parse("nimbus.example:7000")).isEqualTo(new SubmitTarget("nimbus.example", 7000));
        assertThat(SubmitTarget.parse("10.0.0.5")).isEqualTo(new SubmitTarget("10.0.0.5", SubmitTarget.DEFAULT_NIMBUS_PORT));
    }

    @Test
    void saysWhatIsWrongWithABadValue() {
        assertThatThrownBy(() -> SubmitTarget.parse("host:99999")).hasMessageContaining("port must be 1..65535");
        assertThatThrownBy(() -> SubmitTarget.parse("no/such/dir")).hasMessageContaining("NIMBUS_HOST[:PORT] or the directory");
    }

    @Test
    void aDirectoryWithoutARunningClusterSaysHowToStartOne(@TempDir final Path dir) {
        assertThatThrownBy(() -> SubmitTarget.parse(dir.toString())).hasMessageContaining("./dikw storm-cluster start --dir");
    }
}
