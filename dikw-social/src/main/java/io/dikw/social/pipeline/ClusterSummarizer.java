package io.dikw.social.pipeline;

import io.dikw.core.vector.SumVector;
import io.dikw.social.cluster.Cluster;
import io.dikw.social.cluster.Space;
import io.dikw.social.protomeme.Vocabulary;
import io.dikw.social.quality.GroundTruth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.LongFunction;
import org.agrona.collections.Int2IntHashMap;

/** Describes clusters in readable terms: top hashtags, words and users, and the dominant true meme. */
public final class ClusterSummarizer {
    private static final Comparator<ClusterSummary.Term> BY_COUNT =
        Comparator.comparingLong(ClusterSummary.Term::count).thenComparing(ClusterSummary.Term::term,
            Comparator.reverseOrder());

    private final Vocabulary vocabulary;
    private final GroundTruth truth;
    private final int top;

    /**
     * @param vocabulary display names of words and users
     * @param truth ground truth, or null
     * @param top how many terms of each kind to keep
     */
    public ClusterSummarizer(final Vocabulary vocabulary, final GroundTruth truth, final int top) {
        this.vocabulary = vocabulary;
        this.truth = truth;
        this.top = top;
    }

    /**
     * @param step the current step
     * @param cluster the cluster
     * @return its summary
     */
    public ClusterSummary summarize(final long step, final Cluster cluster) {
        final List<ClusterSummary.Term> hashtags = topMarkers(cluster);
        final List<ClusterSummary.Term> words = topKeys(cluster.centroid(Space.WORDS), vocabulary::word);
        final List<ClusterSummary.Term> users = topKeys(cluster.centroid(Space.USERS), id -> "@" + vocabulary.user(id));
        String meme = null;
        Double share = null;
        if (truth != null) {
            final Int2IntHashMap counts = new Int2IntHashMap(0);
                        cluster.centroid(Space.TWEETS).forEach((tweetId, w) -> {
                final int label = truth.label(tweetId);
                if (label != GroundTruth.NONE) {
                    counts.merge(label, 1, Integer::sum);
                }
            });
            int best = GroundTruth.NONE;
            int bestCount = 0;
            for (final var e : counts.entrySet()) {
                if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() < best)) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            if (best != GroundTruth.NONE) {
                meme = truth.name(best);
                share = (double) bestCount / cluster.tweetCount();
            }
        }
        return new ClusterSummary(step, cluster.id(), cluster.tweetCount(), cluster.protomemeCount(), hashtags, words,
            users, Instant.ofEpochMilli(cluster.createdMillis()).toString(),
            Instant.ofEpochMilli(cluster.latestUpdateMillis()).toString(), meme, share);
    }

    private List<ClusterSummary.Term> topMarkers(final Cluster cluster) {
        final PriorityQueue<ClusterSummary.Term> heap = new PriorityQueue<>(BY_COUNT);
        cluster.markerTweets().forEach((marker, tweets) -> {
            if (marker.startsWith("#")) {
                offer(heap, new ClusterSummary.Term(marker, tweets));
            }
        });
        return drain(heap);
    }

    private List<ClusterSummary.Term> topKeys(final SumVector vector, final LongFunction<String> name) {
        final PriorityQueue<long[]> heap = new PriorityQueue<>(
            Comparator.<long[]>comparingLong(e -> e[1]).thenComparing(e -> -e[0]));
        vector.forEach((key, count) -> {
            heap.add(new long[] {key, count});
            if (heap.size() > top) {
                heap.poll();
            }
        });
        final PriorityQueue<ClusterSummary.Term> terms = new PriorityQueue<>(BY_COUNT);
        for (final long[] e : heap) {
            terms.add(new ClusterSummary.Term(name.apply(e[0]), e[1]));
        }
        return drain(terms);
    }

    private void offer(final PriorityQueue<ClusterSummary.Term> heap, final ClusterSummary.Term term) {
        heap.add(term);
        if (heap.size() > top) {
            heap.poll();
        }
    }

    private static List<ClusterSummary.Term> drain(final PriorityQueue<ClusterSummary.Term> heap) {
        final List<ClusterSummary.Term> list = new ArrayList<>(heap.size());
        while (!heap.isEmpty()) {
            list.add(heap.poll());
        }
        java.util.Collections.reverse(list);
        return list;
    }
}
