package io.dikw.social.protomeme;

/** What a protomeme is built around; its marker is the string shared by its tweets. */
public enum ProtomemeType {
    /** A hashtag; marker "#" + lower-cased tag. */
    HASHTAG,
    /** A mentioned user; marker "@" + lower-cased screen name (or user id when the name is unknown). */
    MENTION,
    /** A URL; marker is the expanded URL. */
    URL,
    /** The tweet's own words; marker is its stemmed terms joined by spaces. */
    PHRASE
}
