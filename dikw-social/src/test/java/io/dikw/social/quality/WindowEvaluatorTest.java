package io.dikw.social.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dikw.core.vector.SparseVector;
import io.dikw.social.cluster.Cluster;
import io.dikw.social.cluster.ClusterTable;
import io.dikw.social.protomeme.Protomeme;
import io.dikw.social.protomeme.ProtomemeType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class WindowEvaluatorTest {
    /** Tweets 1–4 and 9–12 are meme A, 5–8 and 13–16 meme B; 100 and 101 are background. */
    private static final GroundTruth TRUTH = truth();

    private static GroundTruth truth() {
        final Map<Long, String> labels = new HashMap<>();
        LongStream.rangeClosed(1, 4).forEach(id -> labels.put(id, "A"));
        LongStream.rangeClosed(9, 12).forEach(id -> labels.put(id, "A"));
        LongStream.rangeClosed(5, 8).forEach(id -> labels.put(id, "B"));
        LongStream.rangeClosed(13, 16).forEach(id -> labels.put(id, "B"));
        return GroundTruth.of(labels);
    }

    private static Protomeme pm(final String marker, final long... tweetIds) {
        return new Protomeme(ProtomemeType.HASHTAG, marker, 0, SparseVector.setOf(tweetIds), SparseVector.EMPTY,
            SparseVector.EMPTY, SparseVector.EMPTY, 0, 0);
    }

    private static long[] ids(final long from, final long to) {
        return LongStream.rangeClosed(from, to).toArray();
    }

    @Test
    void oneClusterPerMemeScoresOne() {
        final ClusterTable table = new ClusterTable(4);
        table.startCluster(pm("#a", 1, 2, 3, 4, 100));
        table.startCluster(pm("#b", 5, 6, 7, 8, 101));
        final WindowEvaluator evaluator = new WindowEvaluator(TRUTH, 3);

        final WindowQuality q = evaluator.evaluate(0, new long[] {1, 2, 3, 4, 5, 6, 7, 8, 100, 101},
            table.clusters());

        assertThat(q.labelledTweets()).isEqualTo(8);
        assertThat(q.lfkNmi()).isCloseTo(1.0, within(1e-9));
        assertThat(q.nmi()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void oneClusterPerMemeScoresOneEvenWhenSplitOverSeveralProtomemes() {
        final ClusterTable table = new ClusterTable(4);
        final Cluster a = table.startCluster(pm("#a", 1, 2)).cluster();
        table.add(a, pm("@x", 2, 3, 4));
        final Cluster b = table.startCluster(pm("#b", 5, 6, 7)).cluster();
        table.add(b, pm("@y", 8));

        final WindowQuality q = new WindowEvaluator(TRUTH, 3).evaluate(0, ids(1, 8), table.clusters());

        assertThat(q.lfkNmi()).isCloseTo(1.0, within(1e-9));
        assertThat(q.nmi()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void oneClusterHoldingEverythingScoresLow() {
        final ClusterTable table = new ClusterTable(4);
        table.startCluster(pm("#all", 1, 2, 3, 4, 5, 6, 7, 8));

        final WindowQuality q = new WindowEvaluator(TRUTH, 3).evaluate(0, ids(1, 8), table.clusters());

        assertThat(q.labelledTweets()).isEqualTo(8);
        assertThat(q.nmi()).isCloseTo(0.0, within(1e-9));
        assertThat(q.lfkNmi()).isBetween(0.0, 0.2);
    }

    @Test
    void mixedClustersScoreBetweenTheExtremes() {
        final ClusterTable table = new ClusterTable(4);
        table.startCluster(pm("#a", 1, 2, 3, 5));
        table.startCluster(pm("#b", 4, 6, 7, 8));

        final WindowQuality q = new WindowEvaluator(TRUTH, 3).evaluate(0, ids(1, 8), table.clusters());

        assertThat(q.nmi()).isStrictlyBetween(0.0, 1.0);
        assertThat(q.lfkNmi()).isStrictlyBetween(0.0, 1.0);
    }

    @Test
    void tweetsInNoClusterLowerTheScore() {
        final ClusterTable table = new ClusterTable(4);
        table.startCluster(pm("#a", 1, 2, 3));
        table.startCluster(pm("#b", 5, 6, 7));

        final WindowQuality q = new WindowEvaluator(TRUTH, 3).evaluate(0, ids(1, 8), table.clusters());

        assertThat(q.labelledTweets()).isEqualTo(8);
        assertThat(q.nmi()).isStrictlyBetween(0.0, 1.0);
        assertThat(q.lfkNmi()).isLessThan(1.0);
    }

    @Test
    void aStepWithoutLabelledTweetsIsNotANumber() {
        final ClusterTable table = new ClusterTable(4);
        table.startCluster(pm("#bg", 100, 101));

        final WindowQuality q = new WindowEvaluator(TRUTH, 3).evaluate(0, new long[] {100, 101}, table.clusters());

        assertThat(q.labelledTweets()).isZero();
        assertThat(q.lfkNmi()).isNaN();
        assertThat(q.nmi()).isNaN();
    }

    @Test
    void stepsLeavingTheWindowStopCounting() {
        final WindowEvaluator evaluator = new WindowEvaluator(TRUTH, 2);
        final ClusterTable table = new ClusterTable(8);
        // a badly mixed cluster over step 0's tweets, perfect clusters over steps 1 and 2
        table.startCluster(pm("#mixed", 1, 2, 5, 6));
        final Cluster b = table.startCluster(pm("#b", 7, 8)).cluster();
        final Cluster a = table.startCluster(pm("#a", 9, 10, 11, 12)).cluster();
        table.add(b, pm("#b2", 13, 14, 15, 16));
        final List<Cluster> clusters = table.clusters();

        final WindowQuality step0 = evaluator.evaluate(0, new long[] {1, 2, 5, 6}, clusters);
        final WindowQuality step1 = evaluator.evaluate(1, new long[] {7, 8, 9, 10, 11, 12}, clusters);
        final WindowQuality step2 = evaluator.evaluate(2, new long[] {13, 14, 15, 16}, clusters);

        assertThat(step0.labelledTweets()).isEqualTo(4);
        assertThat(step0.nmi()).isCloseTo(0.0, within(1e-9));
        assertThat(step1.labelledTweets()).isEqualTo(10);
        assertThat(step1.nmi()).isStrictlyBetween(0.0, 1.0);
        assertThat(step2.labelledTweets()).isEqualTo(10);
        assertThat(step2.nmi()).isCloseTo(1.0, within(1e-9));
        assertThat(step2.lfkNmi()).isCloseTo(1.0, within(1e-9));
        assertThat(a.tweetCount()).isEqualTo(4);
    }

    @Test
    void skippedStepsCountAsTimeInTheWindow() {
        final WindowEvaluator evaluator = new WindowEvaluator(TRUTH, 2);
        final ClusterTable table = new ClusterTable(4);
        table.startCluster(pm("#a", 1, 2, 3, 4));
        table.startCluster(pm("#b", 5, 6, 7, 8));

        evaluator.evaluate(0, ids(1, 4), table.clusters());
        final WindowQuality later = evaluator.evaluate(5, ids(5, 8), table.clusters());

        assertThat(later.labelledTweets()).isEqualTo(4);
    }

    @Test
    void aTweetRepeatedInTheWindowIsOneItem() {
        final ClusterTable table = new ClusterTable(4);
        table.startCluster(pm("#a", 1, 2, 3, 4));
        table.startCluster(pm("#b", 5, 6, 7, 8));
        final WindowEvaluator evaluator = new WindowEvaluator(TRUTH, 3);

        evaluator.evaluate(0, ids(1, 8), table.clusters());
        final WindowQuality again = evaluator.evaluate(1, ids(1, 4), table.clusters());

        assertThat(again.labelledTweets()).isEqualTo(8);
        assertThat(again.nmi()).isCloseTo(1.0, within(1e-9));
    }
}
