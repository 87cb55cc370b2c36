package io.dikw.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dikw.app.DikwCli;
import io.dikw.collectives.cluster.ClusterSpec;
import io.dikw.collectives.cluster.ClusterStatus;
import io.dikw.collectives.cluster.ClusterSubmitter;
import io.dikw.collectives.cluster.LocalStormCluster;
import io.dikw.core.json.Json;
import io.dikw.core.pubsub.EmbeddedBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code social run --submit DIR} sends the same topology that runs embedded to a real multi-process
 * cluster: with one clustering bolt its result on the bundled sample equals the sequential reference.
 */
class SocialOnClusterIT {
    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final Path SAMPLE = HOME.resolve("examples/social/sample-tweets.jsonl.gz");
    private static final Path LABELS = HOME.resolve("examples/social/sample-labels.tsv.gz");
    private static final Path DIR = Path.of("target", "it-social-cluster").toAbsolutePath();

    @Test
    void theSubmittedTopologyMatchesTheSequentialRun() throws Exception {
        System.setProperty("dikw.home", HOME.toString());
        final Path sequentialOut = DIR.resolve("sequential");
        final Path clusterOut = DIR.resolve("submitted");
        assertThat(DikwCli.commandLine().execute("social", "run", "--sequential", "--input", SAMPLE.toString(),
            "--labels", LABELS.toString(), "--out", sequentialOut.toString())).isZero();

        LocalStormCluster.stop(DIR);
        final LocalStormCluster cluster = LocalStormCluster.start(ClusterSpec.onLoopback(DIR, 1, 2), System.out::println);
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            Files.deleteIfExists(clusterOut.resolve("summary.json"));
            assertThat(DikwCli.commandLine().execute("social", "run", "--input", SAMPLE.toString(), "--labels", LABELS.toString(),
                "--out", clusterOut.toString(), "--parallelism", "1", "--http-port", "-1", "--broker", broker.url(),
                "--submit", DIR.toString(), "--submit-workers", "2")).isZero();
            final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            while (!Files.exists(clusterOut.resolve("summary.json")) && System.nanoTime() < deadline) {
                Thread.sleep(1000);
            }
            assertThat(clusterOut.resolve("summary.json")).as("summary written by the coordinator on the cluster").exists();
            assertThat(cluster.workerPids()).hasSize(2);

            final JsonNode expected = Json.mapper().readTree(sequentialOut.resolve("summary.json").toFile()).get("result");
            final JsonNode actual = Json.mapper().readTree(clusterOut.resolve("summary.json").toFile()).get("result");
            for (final String field : new String[] {"tweets", "protomemes", "steps", "clusters", "meanLfkNmi", "meanNmi"}) {
                assertThat(actual.get(field)).as(field).isEqualTo(expected.get(field));
            }
        } finally {
            final ClusterSubmitter submitter = ClusterSubmitter.to(cluster);
            for (final ClusterStatus.Topology t : cluster.status().topologies()) {
                submitter.kill(t.name(), 0);
            }
            cluster.stop();
        }
    }
}
