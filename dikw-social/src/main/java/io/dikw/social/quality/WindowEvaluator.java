package io.dikw.social.quality;

import io.dikw.core.quality.Cover;
import io.dikw.core.quality.LfkNmi;
import io.dikw.core.quality.Nmi;
import io.dikw.social.cluster.Cluster;
import io.dikw.social.cluster.Space;
import java.util.ArrayDeque;
import java.util.List;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongArrayList;

/**
 * Scores the window's clusters against ground-truth memes after every step.
 *
 * <p>The items are the labelled tweets of the steps in the window (background tweets are left
 * out, as the published evaluation left out tweets without a ground-truth hashtag). The found
 * cover has one set per cluster: its labelled tweets; a tweet may be in several clusters through
 * its protomemes. LFK-NMI compares that cover with the true memes. For standard NMI each tweet is
 * given its main cluster (the one holding most of its protomemes, lowest id on ties); a tweet in
 * no cluster counts as a cluster of its own.
 */
public final class WindowEvaluator {
    private final GroundTruth truth;
    private final int windowSteps;
    private final ArrayDeque<StepTweets> labelledBySteps = new ArrayDeque<>();

    /**
     * @param truth the labels
     * @param windowSteps how many steps the window holds
     */
    public WindowEvaluator(final GroundTruth truth, final int windowSteps) {
        this.truth = truth;
        this.windowSteps = windowSteps;
    }

    /**
     * Records a step's tweets and scores the clusters.
     *
     * @param step the index of the step just clustered (steps without tweets may be skipped)
     * @param stepTweetIds ids of the tweets of that step
     * @param clusters the live clusters after that step
     * @return the scores over the window
     */
    public WindowQuality evaluate(final long step, final long[] stepTweetIds, final List<Cluster> clusters) {
        final LongArrayList labelled = new LongArrayList();
        for (final long id : stepTweetIds) {
            if (truth.label(id) != GroundTruth.NONE) {
                labelled.addLong(id);
            }
        }
        labelledBySteps.addLast(new StepTweets(step, labelled.toLongArray()));
        while (labelledBySteps.peekFirst().step <= step - windowSteps) {
            labelledBySteps.pollFirst();
        }
        final Long2LongHashMap itemOf = new Long2LongHashMap(-1);
        final LongArrayList ids = new LongArrayList();
        for (final StepTweets inWindow : labelledBySteps) {
            for (final long id : inWindow.ids) {
                if (itemOf.putIfAbsent(id, ids.size()) == -1) {
                    ids.addLong(id);
                }
            }
        }
        final int n = ids.size();
        if (n == 0) {
            return new WindowQuality(Double.NaN, Double.NaN, 0);
        }
        final int[] trueLabels = new int[n];
        for (int i = 0; i < n; i++) {
            trueLabels[i] = truth.label(ids.getLong(i));
        }
        final Cover.Builder found = new Cover.Builder(n);
        final int[] mainCluster = new int[n];
        final long[] mainWeight = new long[n];
        java.util.Arrays.fill(mainCluster, -1);
        for (int c = 0; c < clusters.size(); c++) {
            final Cluster cluster = clusters.get(c);
            final int clusterNumber = c;
            cluster.centroid(Space.TWEETS).forEach((tweetId, weight) -> {
                final int item = (int) itemOf.get(tweetId);
                if (item >= 0) {
                    found.add(cluster.id(), item);
                    if (weight > mainWeight[item] || (weight == mainWeight[item]
                        && clusters.get(mainCluster[item]).id() > cluster.id())) {
                        mainWeight[item] = weight;
                        mainCluster[item] = clusterNumber;
                    }
                }
            });
        }
        int singleton = clusters.size();
        for (int i = 0; i < n; i++) {
            if (mainCluster[i] < 0) {
                mainCluster[i] = singleton++;
            }
        }
        final double lfk = LfkNmi.between(found.build(), Cover.fromLabels(trueLabels));
        final double nmi = Nmi.between(mainCluster, trueLabels);
        return new WindowQuality(lfk, nmi, n);
    }

    private record StepTweets(long step, long[] ids) {
    }
}
