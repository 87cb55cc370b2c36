package io.dikw.harmonic.master;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The master's decisions, under one lock: which channel or the queue each new tuple goes to,
 * which queued tuple a freed channel gets, what comes back when a channel dies. Sending happens
 * outside the lock: methods return the {@link Dispatch}es the caller must send.
 *
 * <p>Order: a source is sent to a free channel only when nothing of its processor is queued;
 * otherwise to the queue, which feeds channels first-come first-served as they free up.
 */
final class Scheduler {
    /**
     * Where a source sends the tuple it asked for.
     *
     * @param tupleId the id given to the tuple
     * @param kind "channel" or "queue"
     * @param host the host to connect to
     * @param port the port to connect to
     * @param channel the channel's label, or "master"
     */
    record Endpoint(long tupleId, String kind, String host, int port, String channel) {
    }

    /**
     * A block of tuple ids for one streaming source and the channels it may stream them to.
     *
     * @param firstTupleId the first id of the block
     * @param count how many ids, {@code firstTupleId .. firstTupleId + count - 1}
     * @param channels the data endpoints of every channel hosting the processor (kind "channel")
     */
    record Lease(long firstTupleId, long count, List<Endpoint> channels) {
    }

    /** Most ids one lease may take. */
    static final long MAX_LEASE = 1_000_000;

    /**
     * A queued tuple to send to a channel.
     *
     * @param link the channel
     * @param tuple the tuple
     */
    record Dispatch(ChannelLink link, QueuedTuple tuple) {
        void send() {
            link.send(tuple);
        }
    }

    private final TupleQueue queue;
    private final long reservationTimeoutNanos;
    private final String queueHost;
    private int queuePort;
    private final Map<Long, WorkerInfo> workers = new LinkedHashMap<>();
    private final List<ChannelLink> links = new ArrayList<>();
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();
    private long nextTupleId = 1;
    private long nextWorkerId = 1;
    private long toChannels;
    private long leased;
    private long toQueue;
    private long dispatched;
    private long redelivered;

    Scheduler(final TupleQueue queue, final long reservationTimeoutNanos, final String queueHost) {
        this.queue = queue;
        this.reservationTimeoutNanos = reservationTimeoutNanos;
        this.queueHost = queueHost;
    }

    synchronized void queuePort(final int port) {
        this.queuePort = port;
    }

    synchronized int queuePort() {
        return queuePort;
    }

    String queueHost() {
        return queueHost;
    }

    synchronized long register(final String name, final String host, final String processor,
        final Map<Integer, Integer> ports) {
        final long id = nextWorkerId++;
        workers.put(id, new WorkerInfo(id, name, host, processor, ports));
        return id;
    }

    synchronized boolean report(final long workerId, final Map<String, Object> report) {
        final WorkerInfo w = workers.get(workerId);
        if (w == null) {
            return false;
        }
        w.report = Map.copyOf(report);
        w.lastReportNanos = System.nanoTime();
        return true;
    }

    /** @throws NoSuchElementException when no such worker or channel is registered */
    synchronized ChannelLink attach(final long workerId, final int index, final io.dikw.harmonic.frame.FrameConnection conn) {
        final WorkerInfo w = workers.get(workerId);
        if (w == null || !w.channelPorts.containsKey(index)) {
            throw new NoSuchElementException("no registered worker " + workerId + " with channel " + index);
        }
        final ChannelLink link = new ChannelLink(w, index, w.channelPorts.get(index), conn);
        links.add(link);
        return link;
    }

    /** @throws NoSuchElementException when no worker hosts the processor */
    synchronized Endpoint endpoint(final String processor) {
        requireHosted(processor);
        final long id = nextTupleId++;
        if (queue.isEmpty(processor)) {
            final ChannelLink free = longestFree(processor);
            if (free != null) {
                free.state = ChannelLink.State.RESERVED;
                free.since = System.nanoTime();
                free.reservedFor = id;
                toChannels++;
                return new Endpoint(id, "channel", free.worker.host, free.port, free.label());
            }
        }
        toQueue++;
        return new Endpoint(id, "queue", queueHost, queuePort, "master");
    }

    /**
     * Gives a streaming source a block of ids (in creation order, like {@link #endpoint}) and every
     * channel of the processor. Channels are not reserved: a streaming source sends to them over
     * persistent connections with many tuples in flight, and a channel's bounded inbox pushes back.
     *
     * @param processor the processor
     * @param count ids wanted, 1 to {@link #MAX_LEASE}
     * @throws NoSuchElementException when no channel of the processor is connected
     * @throws IllegalArgumentException when count is out of range
     */
    synchronized Lease lease(final String processor, final long count) {
        if (count < 1 || count > MAX_LEASE) {
            throw new IllegalArgumentException("tuples=" + count + " must be in [1, " + MAX_LEASE + "]");
        }
        requireHosted(processor);
        final List<Endpoint> channels = new ArrayList<>();
        for (final ChannelLink l : links) {
            if (l.processor().equals(processor)) {
                channels.add(new Endpoint(0, "channel", l.worker.host, l.port, l.label()));
            }
        }
        if (channels.isEmpty()) {
            throw new NoSuchElementException("no channel of processor '" + processor + "' is connected yet; retry");
        }
        final long first = nextTupleId;
        nextTupleId += count;
        leased += count;
        return new Lease(first, count, channels);
    }

    private void requireHosted(final String processor) {
        if (workers.values().stream().noneMatch(w -> w.processor.equals(processor))) {
            throw new NoSuchElementException("no worker hosts processor '" + processor + "'; start one with "
                + "'harmonic worker --processor " + processor + "' (or --command) or ask for one of "
                + workers.values().stream().map(w -> w.processor).distinct().toList());
        }
    }

    /** @return true when the id was given out by {@link #endpoint} or {@link #lease} */
    synchronized boolean issued(final long tupleId) {
        return tupleId > 0 && tupleId < nextTupleId;
    }

    synchronized boolean reserve(final int bytes) {
        return queue.reserve(bytes);
    }

    synchronized void release(final int bytes) {
        queue.release(bytes);
    }

    /** A reserved tuple arrived: straight to a free channel when nothing waits, else queued. */
    synchronized Dispatch offer(final QueuedTuple t) {
        if (queue.isEmpty(t.processor())) {
            final ChannelLink free = longestFree(t.processor());
            if (free != null) {
                return assign(free, t);
            }
        }
        queue.add(t);
        return null;
    }

    /** The channel is free: the oldest queued tuple of its processor, or null (then it is FREE). */
    synchronized Dispatch fetch(final ChannelLink link) {
        final QueuedTuple t = queue.poll(link.processor());
        if (t != null) {
            return assign(link, t);
        }
        link.state = ChannelLink.State.FREE;
        link.since = System.nanoTime();
        return null;
    }

    synchronized void started(final ChannelLink link) {
        link.state = ChannelLink.State.BUSY;
        link.since = System.nanoTime();
    }

    synchronized void acknowledged(final ChannelLink link, final long tupleId) {
        if (link.inFlight != null && link.inFlight.id() == tupleId) {
            queue.release(link.inFlight.size());
            link.inFlight = null;
            dispatched++;
        }
    }

    /** The channel's connection ended: its unacknowledged tuple goes back to the head of the queue. */
    synchronized List<Dispatch> detach(final ChannelLink link) {
        links.remove(link);
        if (link.inFlight != null) {
            queue.addFirst(link.inFlight);
            link.inFlight = null;
            redelivered++;
        }
        if (links.stream().noneMatch(l -> l.worker == link.worker)) {
            workers.remove(link.worker.id);
        }
        return pending();
    }

    /** Frees channels reserved too long ago and matches free channels with queued tuples. */
    synchronized List<Dispatch> housekeeping() {
        final long now = System.nanoTime();
        for (final ChannelLink l : links) {
            if (l.state == ChannelLink.State.RESERVED && now - l.since > reservationTimeoutNanos) {
                l.state = ChannelLink.State.FREE;
                l.since = now;
            }
        }
        sample(now);
        return pending();
    }

    private List<Dispatch> pending() {
        final List<Dispatch> out = new ArrayList<>();
        for (final ChannelLink l : links) {
            if (l.state == ChannelLink.State.FREE) {
                final QueuedTuple t = queue.poll(l.processor());
                if (t != null) {
                    out.add(assign(l, t));
                }
            }
        }
        return out;
    }

    private Dispatch assign(final ChannelLink link, final QueuedTuple t) {
        link.state = ChannelLink.State.BUSY;
        link.since = System.nanoTime();
        link.inFlight = t;
        return new Dispatch(link, t);
    }

    private ChannelLink longestFree(final String processor) {
        ChannelLink best = null;
        for (final ChannelLink l : links) {
            if (l.state == ChannelLink.State.FREE && l.processor().equals(processor) && (best == null || l.since < best.since)) {
                best = l;
            }
        }
        return best;
    }

    private void sample(final long now) {
        long processed = 0;
        long bytes = 0;
        for (final WorkerInfo w : workers.values()) {
            processed += w.reported("processed");
            bytes += w.reported("bytesIn");
        }
        samples.addLast(new long[] {now, processed, bytes});
        while (samples.size() > 2 && now - samples.peekFirst()[0] > 10_000_000_000L) {
            samples.removeFirst();
        }
    }

    /** @return the status people and tools see (see the README for the fields) */
    synchronized Map<String, Object> status() {
        final Map<String, Object> s = new LinkedHashMap<>();
        final List<Map<String, Object>> ws = new ArrayList<>();
        int free = 0;
        int busy = 0;
        for (final WorkerInfo w : workers.values()) {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", w.id);
            m.put("name", w.name);
            m.put("host", w.host);
            m.put("processor", w.processor);
            final List<Map<String, Object>> cs = new ArrayList<>();
            for (final ChannelLink l : links) {
                if (l.worker == w) {
                    cs.add(Map.of("index", l.index, "port", l.port, "state", l.state.name().toLowerCase(java.util.Locale.ROOT)));
                    if (l.state == ChannelLink.State.FREE) {
                        free++;
                    } else {
                        busy++;
                    }
                }
            }
            m.put("channels", cs);
            m.put("report", w.report);
            m.put("secondsSinceReport", (System.nanoTime() - w.lastReportNanos) / 1e9);
            ws.add(m);
        }
        s.put("workers", ws);
        s.put("channelsFree", free);
        s.put("channelsBusy", busy);
        s.put("queueLength", queue.length());
        s.put("queueCapacity", queue.capacity());
        s.put("queueBytes", queue.heldBytes());
        s.put("queueMemory", queue.memory());
        s.put("tuplesIssued", nextTupleId - 1);
        s.put("sentToChannels", toChannels);
        s.put("sentToQueue", toQueue);
        s.put("leasedToStreams", leased);
        s.put("dispatchedFromQueue", dispatched);
        s.put("redeliveredFromQueue", redelivered);
        double tps = 0;
        double mbps = 0;
        if (samples.size() >= 2) {
            final long[] a = samples.peekFirst();
            final long[] b = samples.peekLast();
            final double dt = (b[0] - a[0]) / 1e9;
            if (dt > 0) {
                tps = (b[1] - a[1]) / dt;
                mbps = (b[2] - a[2]) / dt / 1e6;
            }
        }
        s.put("tuplesPerSecond", tps);
        s.put("megabytesPerSecond", mbps);
        return s;
    }
}
