package io.dikw.harmonic.master;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The master's bounded queue: first-come first-served per processor, with one count limit and one
 * memory limit over all processors. Memory is booked in three steps so a hostile or slow source
 * cannot overshoot: {@link #reserve} before a payload is read, {@link #add} once it is, and
 * {@link #release} once a channel acknowledged it (tuples sent but not acknowledged still count,
 * because they come back if the channel dies). Not thread-safe: the {@link Scheduler} guards it.
 */
final class TupleQueue {
    private final int capacity;
    private final long memory;
    private final Map<String, ArrayDeque<QueuedTuple>> byProcessor = new HashMap<>();
    private int held;
    private long heldBytes;
    private int queued;

    TupleQueue(final int capacity, final long memory) {
        this.capacity = capacity;
        this.memory = memory;
    }

    /** @return true when there was room for one more tuple of {@code bytes} (now booked) */
    boolean reserve(final int bytes) {
        if (held + 1 > capacity || heldBytes + bytes > memory) {
            return false;
        }
        held++;
        heldBytes += bytes;
        return true;
    }

    /** Gives back what {@link #reserve} or a held tuple booked. */
    void release(final int bytes) {
        held--;
        heldBytes -= bytes;
    }

    void add(final QueuedTuple t) {
        byProcessor.computeIfAbsent(t.processor(), p -> new ArrayDeque<>()).addLast(t);
        queued++;
    }

    /** Puts a tuple back at the head (its channel died before acknowledging it). */
    void addFirst(final QueuedTuple t) {
        byProcessor.computeIfAbsent(t.processor(), p -> new ArrayDeque<>()).addFirst(t);
        queued++;
    }

    QueuedTuple poll(final String processor) {
        final ArrayDeque<QueuedTuple> q = byProcessor.get(processor);
        final QueuedTuple t = q == null ? null : q.pollFirst();
        if (t != null) {
            queued--;
        }
        return t;
    }

    boolean isEmpty(final String processor) {
        final ArrayDeque<QueuedTuple> q = byProcessor.get(processor);
        return q == null || q.isEmpty();
    }

    int length() {
        return queued;
    }

    long heldBytes() {
        return heldBytes;
    }

    int capacity() {
        return capacity;
    }

    long memory() {
        return memory;
    }
}
