package io.dikw.social.pipeline;

import java.util.List;

/**
 * What a person wants to know about one cluster: how big, what it is about, who drives it.
 *
 * @param step the step after which it was summarized
 * @param id the cluster's id (unique over the run)
 * @param tweets distinct tweets in the window
 * @param protomemes protomemes in the window
 * @param topHashtags most frequent hashtags (by tweets)
 * @param topWords most frequent stemmed words
 * @param topUsers most active authors
 * @param firstUpdate when the cluster was created (ISO-8601, stream time)
 * @param lastUpdate its latest tweet (ISO-8601, stream time)
 * @param meme the ground-truth meme most of its labelled tweets belong to, or null without labels
 * @param memeShare the share of all its tweets (background included) that belong to that meme, or null
 */
public record ClusterSummary(
    long step,
    long id,
    int tweets,
    int protomemes,
    List<Term> topHashtags,
    List<Term> topWords,
    List<Term> topUsers,
    String firstUpdate,
    String lastUpdate,
    String meme,
    Double memeShare) {

    /**
     * A term and its weight.
     *
     * @param term the hashtag, word or user
     * @param count its count in the cluster
     */
    public record Term(String term, long count) {
    }
}
