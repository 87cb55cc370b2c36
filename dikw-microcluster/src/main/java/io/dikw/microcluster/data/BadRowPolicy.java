package io.dikw.microcluster.data;

/** What a reader does with a row it cannot use. */
public enum BadRowPolicy {
    /** Stop with an error naming the line. */
    FAIL,
    /** Count it, write it to the dead letters, and go on. */
    SKIP
}
