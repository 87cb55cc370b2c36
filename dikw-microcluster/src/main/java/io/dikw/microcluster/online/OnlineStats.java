package io.dikw.microcluster.online;

/** Counts of the online phase's decisions (one per point). Not thread-safe: one per partition. */
public final class OnlineStats {
    private final long[] counts = new long[Decision.values().length];

    /** @param d a decision taken */
    void count(final Decision d) {
        counts[d.ordinal()]++;
    }

    /** @param d a decision @return how many times it was taken */
    public long get(final Decision d) {
        return counts[d.ordinal()];
    }

    /** @return the counts by {@link Decision} ordinal (a copy) */
    public long[] toArray() {
        return counts.clone();
    }

    /** @param values counts by ordinal, added to these */
    public void addAll(final long[] values) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += values[i];
        }
    }

    /** @param other counts added to these */
    public void addAll(final OnlineStats other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    @Override
    public String toString() {
        final StringBuilder s = new StringBuilder();
        for (final Decision d : Decision.values()) {
            s.append(s.length() == 0 ? "" : ", ").append(d.name().toLowerCase(java.util.Locale.ROOT)).append('=')
                .append(counts[d.ordinal()]);
        }
        return s.toString();
    }
}
