package io.dikw.social.pipeline;

import io.dikw.core.io.DeadLetters;
import io.dikw.social.cluster.ClusteringParams;
import io.dikw.social.cluster.SlidingWindowClusterer;
import io.dikw.social.cluster.StepStats;
import io.dikw.social.protomeme.PhraseAnalyzer;
import io.dikw.social.protomeme.ProtomemeExtractor;
import io.dikw.social.protomeme.TimeStepper;
import io.dikw.social.protomeme.Vocabulary;
import io.dikw.social.quality.GroundTruth;
import io.dikw.social.tweet.Tweet;
import io.dikw.social.tweet.TweetReader;
import java.io.IOException;
import java.util.Set;

/**
 * The sequential meme-clustering job: tweets → time steps of protomemes ({@link TimeStepper}) →
 * sliding-window clustering → per-step reports ({@link StepReporter}), with quality against
 * ground truth when labels are given. It is the reference the parallel engines are held to.
 */
public final class SequentialPipeline {
    /** Clusters in the final summary. */
    public static final int FINAL_TOP_CLUSTERS = StepReporter.FINAL_TOP_CLUSTERS;

    private final ClusteringParams params;
    private final GroundTruth truth;
    private final StepListener listener;
    private Set<String> excludedHashtags = Set.of();

    /**
     * @param params clustering parameters
     * @param truth ground-truth labels, or null
     * @param listener hears every step
     */
    public SequentialPipeline(final ClusteringParams params, final GroundTruth truth, final StepListener listener) {
        this.params = params;
        this.truth = truth;
        this.listener = listener;
    }

    /**
     * Builds no protomeme for these hashtags (ground-truth hashtags in a hashtag-based evaluation).
     *
     * @param hashtags hashtags without '#', any case
     * @return this
     */
    public SequentialPipeline excludingHashtags(final Set<String> hashtags) {
        this.excludedHashtags = Set.copyOf(hashtags);
        return this;
    }

    /**
     * Runs until the reader is exhausted.
     *
     * @param reader the tweets (its dead letters receive bad records)
     * @param deadLetters the dead letters the reader writes to, for the summary's counts
     * @return the outcome
     * @throws IOException when reading fails
     */
    public RunSummary run(final TweetReader reader, final DeadLetters deadLetters) throws IOException {
        final Vocabulary vocabulary = new Vocabulary();
        final SlidingWindowClusterer clusterer = new SlidingWindowClusterer(params);
        final StepReporter reporter = new StepReporter(params, truth, vocabulary, listener);
        try (PhraseAnalyzer analyzer = new PhraseAnalyzer()) {
            final TimeStepper stepper = new TimeStepper(params.step().toMillis(),
                new ProtomemeExtractor(analyzer, vocabulary, excludedHashtags), (step, next) -> {
                    final StepStats stats = clusterer.process(step);
                    reporter.report(stats, step.tweetIds(), clusterer.clusters(), reader.tweetsRead(),
                        reader.rejected());
                });
            Tweet tweet;
            while ((tweet = reader.next()) != null) {
                stepper.add(tweet);
            }
            stepper.finish();
            return reporter.summary(reader.tweetsRead(), deadLetters.count(), deadLetters.countsByReason(),
                stepper.lateTweets(), clusterer.clusters());
        }
    }
}
