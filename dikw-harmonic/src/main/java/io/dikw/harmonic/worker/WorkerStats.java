package io.dikw.harmonic.worker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What a worker reports to the master: counters over all its channels. Thread-safe. */
public final class WorkerStats {
    final LongAdder processed = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder redelivered = new LongAdder();
    final LongAdder crashes = new LongAdder();
    final LongAdder timeouts = new LongAdder();
    final LongAdder bytesIn = new LongAdder();
    final LongAdder received = new LongAdder();

    /** @return the counters by name, as sent to the master */
    public Map<String, Object> snapshot() {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("received", received.sum());
        m.put("processed", processed.sum());
        m.put("failed", failed.sum());
        m.put("redelivered", redelivered.sum());
        m.put("crashes", crashes.sum());
        m.put("timeouts", timeouts.sum());
        m.put("bytesIn", bytesIn.sum());
        return m;
    }

    /** @return tuples taken (from sources or the master's queue) */
    public long received() {
        return received.sum();
    }

    /** @return tuples processed successfully */
    public long processed() {
        return processed.sum();
    }

    /** @return tuples recorded as failed (dead-lettered) */
    public long failed() {
        return failed.sum();
    }
}
