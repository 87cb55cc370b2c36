package io.dikw.social.quality;

/**
 * Quality of the clusters in the window against the ground truth.
 *
 * @param lfkNmi overlapping NMI (Lancichinetti–Fortunato–Kertész) of the clusters, as covers of
 *     the labelled tweets in the window, against the true memes
 * @param nmi standard NMI of each labelled tweet's main cluster against its meme
 * @param labelledTweets labelled tweets in the window (the items evaluated)
 */
public record WindowQuality(double lfkNmi, double nmi, int labelledTweets) {
}
