package io.dikw.social.storm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dikw.core.io.InputFiles;
import io.dikw.core.pubsub.BrokerUnavailableException;
import io.dikw.core.pubsub.EmbeddedBroker;
import io.dikw.social.cluster.ClusteringParams;
import io.dikw.social.generate.GeneratorConfig;
import io.dikw.social.generate.TweetStreamGenerator;
import io.dikw.social.parallel.SyncStrategy;
import io.dikw.social.pipeline.RunSummary;
import io.dikw.social.pipeline.StepListener;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync channel's failures: a broker down at start, and a broker that restarts mid-run. */
class BrokerFaultIT {
    @TempDir
    static Path dir;
    private static Path tweets;

    @BeforeAll
    static void generate() throws Exception {
        tweets = dir.resolve("tweets.jsonl.gz");
        try (Writer t = InputFiles.create(tweets); Writer l = InputFiles.create(dir.resolve("labels.tsv.gz"))) {
            new TweetStreamGenerator(GeneratorConfig.defaults().withCount(15_000).withMemes(20).withUsers(2_000)
                .withSeed(9)).write(t, l, n -> { });
        }
    }

    private static SocialTopologyConfig config(final String run, final String broker, final double rate) {
        return new SocialTopologyConfig(run, tweets.toString(), dir.resolve("labels.tsv.gz").toString(),
            dir.resolve(run).toString(), ClusteringParams.defaults(), 2, 512, SyncStrategy.DELTA, broker,
            rate > 0 ? SocialTopologyConfig.Replay.RATE : SocialTopologyConfig.Replay.FAST, rate, "127.0.0.1", -1, 5, "");
    }

    @Test
    void aBrokerThatIsDownAtStartGivesAClearErrorNamingTheUrl() {
        final String url = "tcp://127.0.0.1:1";
        assertThatThrownBy(() -> SocialTopology.runLocal(config("down", url, 0), StepListener.NONE,
            Duration.ofMinutes(1)))
            .isInstanceOf(BrokerUnavailableException.class)
            .hasMessageContaining(url);
    }

    @Test
    void aBrokerThatRestartsMidRunLosesNoSync() throws Exception {
        final RunSummary undisturbed;
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            undisturbed = SocialTopology.runLocal(config("calm", broker.url(), 0), StepListener.NONE,
                Duration.ofMinutes(3));
        }
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            final AtomicLong steps = new AtomicLong();
            final CompletableFuture<RunSummary> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return SocialTopology.runLocal(config("storm", broker.url(), 1_500),
                        (report, s) -> steps.incrementAndGet(), Duration.ofMinutes(3));
                } catch (final Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (steps.get() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(steps.get()).as("steps before the broker stops").isGreaterThanOrEqualTo(5);
            broker.stop();
            Thread.sleep(2_000);
            broker.restartOnSamePort();
            final RunSummary disturbed = run.get(3, TimeUnit.MINUTES);
            assertThat(disturbed.tweets()).isEqualTo(undisturbed.tweets());
            assertThat(disturbed.steps()).isEqualTo(undisturbed.steps());
            assertThat(disturbed.meanLfkNmi()).isEqualTo(undisturbed.meanLfkNmi());
            assertThat(disturbed.topClusters()).isEqualTo(undisturbed.topClusters());
        }
    }
}
