package io.dikw.social.cluster;

import io.dikw.core.vector.SparseVector;
import io.dikw.social.protomeme.Protomeme;

/** The four vector spaces a protomeme and a cluster are compared in; similarity is the best of them. */
public enum Space {
    /** Tweet ids (sets). Compared first: identical tweet sets end the comparison early. */
    TWEETS,
    /** Authors with tweet counts. */
    USERS,
    /** Users the meme spread through (sets). */
    DIFFUSION,
    /** Word frequencies. */
    WORDS;

    /** Every space, in comparison order (shared so hot loops do not copy {@code values()}). */
    static final Space[] ALL = values();

    /**
     * @param protomeme a protomeme
     * @return its vector in this space
     */
    public SparseVector of(final Protomeme protomeme) {
        return switch (this) {
            case TWEETS -> protomeme.tweetIds();
            case USERS -> protomeme.users();
            case DIFFUSION -> protomeme.diffusion();
            case WORDS -> protomeme.words();
        };
    }
}
