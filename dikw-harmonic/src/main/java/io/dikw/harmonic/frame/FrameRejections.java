package io.dikw.harmonic.frame;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts rejected frames and connections by reason code, for status pages. Thread-safe. */
public final class FrameRejections {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** @param reason the reason code */
    public void count(final String reason) {
        counts.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /** @return counts by reason, sorted */
    public Map<String, Long> byReason() {
        final Map<String, Long> copy = new TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /** @return all rejections */
    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
