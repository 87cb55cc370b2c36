package io.dikw.app.social;

import io.dikw.app.Paths;
import io.dikw.social.cluster.ClusteringParams;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dikw demo}: the main job on the bundled sample, no setup needed. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Cluster the bundled sample of 50,000 synthetic tweets (40 planted memes) into memes, "
        + "score the clusters against the planted memes, and show the largest clusters.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "dikw-out/demo",
        description = "Directory for results; default: ${DEFAULT-VALUE}.")
    Path out;

    @picocli.CommandLine.Mixin
    ParallelOptions parallel;

    @Override
    public Integer call() throws Exception {
        final Path tweets = Paths.example("social/sample-tweets.jsonl.gz");
        final Path labels = Paths.example("social/sample-labels.tsv.gz");
        System.out.println("dikw demo: parallel sliding-window meme clustering of " + tweets.getFileName()
            + " on Storm (K=120, 20 steps of 30 s, t=3)");
        new SocialRunner(System.out, System.err).runParallel(new SocialRunner.Job(tweets, labels, out,
            ClusteringParams.defaults(), 20, 20, java.util.Set.of()), parallel);
        return 0;
    }
}
