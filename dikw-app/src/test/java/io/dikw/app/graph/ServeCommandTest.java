package io.dikw.app.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.dikw.app.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code graph serve} refuses bad options and an unusable checkpoint directory before it serves. */
class ServeCommandTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--queue|0|--queue 0 must be >= 1",
        "--threads|0|--threads 0 must be >= 1",
        "--max-vertices|-1|--max-vertices -1 must be >= 1",
        "--checkpoint-every|-1|--checkpoint-every -1 must be >= 0",
        "--max-frame-mb|0|--max-frame-mb 0 must be >= 1",
        "--port|70000|--port 70000 must be in 0..65535"})
    @Timeout(60)
    void badOptionsAreNamedInTheirOwnUnits(final String option, final String value, final String message) {
        final CliRun r = CliRun.run("graph", "serve", option, value);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("graph serve: " + message);
        assertThat(r.out()).doesNotContain("listening");
    }

    @Test
    @Timeout(60)
    void aCheckpointDirThatIsAFileIsRefusedAtStartup(@TempDir final Path dir) throws Exception {
        final Path file = Files.writeString(dir.resolve("afile"), "x");
        final CliRun r = CliRun.run("graph", "serve", "--port", "0", "--checkpoint-dir", file.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("checkpoint dir " + file + " is not a directory");
        assertThat(r.out()).doesNotContain("listening");
    }
}
