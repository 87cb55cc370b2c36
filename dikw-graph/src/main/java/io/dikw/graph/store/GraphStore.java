package io.dikw.graph.store;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The dynamic graph: directed, typed, weighted, time-stamped edges kept per source vertex in
 * {@link EdgeBlock} arrays, with vertex types, weights and in-degrees in primitive arrays.
 *
 * <p>{@link #apply} applies a batch: its updates are sorted by the vertex they change and the
 * vertices are split over threads, so each vertex's block is written by one thread only and no
 * update is lost (in-degrees, the only shared counters, are updated atomically). The batch cycle
 * runs each {@link BatchListener}'s {@code beforeApply}, applies, then runs {@code afterApply},
 * all under a write lock; {@link #read} takes the read lock, so readers always see the graph
 * between two batches. Vertex ids grow the arrays as they come, up to the configured cap.
 */
public final class GraphStore implements GraphView, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(GraphStore.class.getName());
    private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);
    /** Below this many updates a batch is applied on the calling thread alone. */
    private static final int PARALLEL_THRESHOLD = 512;
    /** A batch is cut into up to this many parts per apply thread. */
    private static final int PARTS_PER_THREAD = 4;
    private static final int INITIAL_VERTICES = 1024;
    private static final int CHECKPOINT_MAGIC = 0x44475331; // "DGS1"

    private final int maxVertices;
    private final int threads;
    private final ExecutorService pool;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<BatchListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong hookFailures = new AtomicLong();
    private long[][] blocks = new long[0][];
    /**
     * Per vertex, in one word: its edge count (high half) and the length of its block's sorted
     * prefix (low half). An apply reads both for every vertex it writes: one word is one cache
     * miss late in an ingest, where two arrays would be two.
     */
    private long[] sizes = new long[0];
    private int[] inDegrees = new int[0];
    private int[] vertexTypes = new int[0];
    private long[] vertexWeights = new long[0];
    private int vertexCount;
    private long edgeCount;
    private long batches;

    /**
     * @param maxVertices the cap on vertex ids (ids must be below it), at least 1
     * @param threads     threads that apply a batch, at least 1
     */
    public GraphStore(final int maxVertices, final int threads) {
        if (maxVertices < 1) {
            throw new IllegalArgumentException("maxVertices=" + maxVertices + " must be >= 1");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads=" + threads + " must be >= 1");
        }
        this.maxVertices = maxVertices;
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            final Thread t = new Thread(r, "graph-apply");
            t.setDaemon(true);
            return t;
        });
    }

    /** @return the cap on vertex ids */
    public int maxVertices() {
        return maxVertices;
    }

    /** @param listener hooks to run around every batch from now on */
    public void addListener(final BatchListener listener) {
        listeners.add(listener);
    }

    /** @param listener hooks to stop running */
    public void removeListener(final BatchListener listener) {
        listeners.remove(listener);
    }

    /** @return how many hook calls threw (each was logged) */
    public long hookFailures() {
        return hookFailures.get();
    }

    /** @return batches applied to this graph, counted on across checkpoints and restarts */
    public long batchesApplied() {
        lock.readLock().lock();
        try {
            return batches;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Reads the graph between batches.
     *
     * @param reader what to compute from the graph
     * @param <T>    result type
     * @return the reader's result
     */
    public <T> T read(final Function<GraphView, T> reader) {
        lock.readLock().lock();
        try {
            return reader.apply(this);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Runs one batch cycle: hooks before, the batch, hooks after.
     *
     * @param batch the updates
     * @return what changed
     * @throws IllegalArgumentException if the batch names a vertex id at or beyond the cap (nothing is applied)
     */
    public ApplyResult apply(final EdgeBatch batch) {
        final int maxId = batch.maxVertex();
        if (maxId >= maxVertices) {
            throw new IllegalArgumentException("vertex id " + maxId + " is beyond the cap maxVertices=" + maxVertices
                + "; raise the cap or map fewer vertices");
        }
        lock.writeLock().lock();
        try {
            for (final BatchListener l : listeners) {
                try {
                    l.beforeApply(this, batch);
                } catch (final RuntimeException e) {
                    hookFailed(l, "beforeApply", e);
                }
            }
            final long start = System.nanoTime();
            ensureVertices(maxId + 1);
            final long[] stats = applyOps(batch);
            edgeCount += stats[0] - stats[2];
            batches++;
            final ApplyResult result = new ApplyResult(stats[0], stats[1], stats[2], stats[3], System.nanoTime() - start);
            for (final BatchListener l : listeners) {
                try {
                    l.afterApply(this, batch, result);
                } catch (final RuntimeException e) {
                    hookFailed(l, "afterApply", e);
                }
            }
            return result;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void hookFailed(final BatchListener l, final String phase, final RuntimeException e) {
        hookFailures.incrementAndGet();
        LOG.log(System.Logger.Level.WARNING, "batch hook " + l.getClass().getName() + "." + phase + " failed: " + e, e);
    }

    private void ensureVertices(final int needed) {
        if (needed > vertexCount) {
            vertexCount = needed;
        }
        final int capacity = blocks.length;
        if (needed <= capacity) {
            return;
        }
        final int grown = (int) Math.min(maxVertices, Math.max(needed,
            Math.max(INITIAL_VERTICES, capacity + (long) (capacity >> 1))));
        blocks = Arrays.copyOf(blocks, grown);
        sizes = Arrays.copyOf(sizes, grown);
        inDegrees = Arrays.copyOf(inDegrees, grown);
        vertexTypes = Arrays.copyOf(vertexTypes, grown);
        vertexWeights = Arrays.copyOf(vertexWeights, grown);
    }

    /** Sorts the batch's operations by the vertex they write, then applies vertex runs in parallel. */
    private long[] applyOps(final EdgeBatch b) {
        final int ni = b.insertions;
        final int nd = b.deletions;
        final int nv = b.vertexUpdates;
        final int reverse = b.undirected ? 1 : 0;
        final long[] keys = new long[ni * (1 + reverse) + nd * (1 + reverse) + nv];
        int n = 0;
        for (int i = 0; i < ni; i++) {
            keys[n++] = (long) b.insSrc[i] << 32 | i;
        }
        final int insEnd = ni * 2;
        if (reverse == 1) {
            for (int i = 0; i < ni; i++) {
                if (b.insSrc[i] != b.insDst[i]) {
                    keys[n++] = (long) b.insDst[i] << 32 | (ni + i);
                }
            }
        }
        for (int i = 0; i < nd; i++) {
            keys[n++] = (long) b.delSrc[i] << 32 | (insEnd + i);
        }
        final int delEnd = insEnd + nd * 2;
        if (reverse == 1) {
            for (int i = 0; i < nd; i++) {
                if (b.delSrc[i] != b.delDst[i]) {
                    keys[n++] = (long) b.delDst[i] << 32 | (insEnd + nd + i);
                }
            }
        }
        for (int i = 0; i < nv; i++) {
            keys[n++] = (long) b.vuVertex[i] << 32 | (delEnd + i);
        }
        final int total = n;
        if (total < PARALLEL_THRESHOLD || pool == null) {
            Arrays.sort(keys, 0, total);
            return new Applier(b, keys, insEnd, delEnd).run(0, total);
        }
        Arrays.parallelSort(keys, 0, total);
        // More parts than threads, taken by the pool as threads come free: the cost of an update
        // varies with its vertex's degree, so equal counts of updates are not equal work.
        final int parts = Math.max(threads, Math.min(threads * PARTS_PER_THREAD, total / PARALLEL_THRESHOLD));
        final List<Callable<long[]>> tasks = new ArrayList<>(parts);
        int from = 0;
        for (int t = 1; t <= parts && from < total; t++) {
            int to = t == parts ? total : (int) ((long) total * t / parts);
            while (to < total && to > from && keys[to] >>> 32 == keys[to - 1] >>> 32) {
                to++; // never split one vertex's updates over two threads
            }
            final int f = from;
            final int e = Math.max(to, from);
            tasks.add(() -> new Applier(b, keys, insEnd, delEnd).run(f, e));
            from = e;
        }
        final long[] sum = new long[4];
        try {
            for (final Future<long[]> f : pool.invokeAll(tasks)) {
                final long[] s = f.get();
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += s[i];
                }
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying a batch", e);
        } catch (final ExecutionException e) {
            throw new IllegalStateException("applying a batch failed: " + e.getCause(), e.getCause());
        }
        return sum;
    }

    /** Applies the operations of a run of vertices; one instance per thread. */
    private final class Applier {
        /** A vertex gets the bulk insert path when a batch has at least this many insertions for it... */
        private static final int BULK_MIN = 8;
        /** ...and they are at least 1/BULK_SHARE of its degree. */
        private static final int BULK_SHARE = 32;
        private static final int CHUNK = 1 << 16;

        private final EdgeBatch b;
        private final long[] keys;
        private final int insEnd;
        private final int delEnd;
        private final int[] sortedOut = new int[1];
        private long[] block;
        private int count;
        private int sorted;
        private long added;
        private long updated;
        /** Per position from {@link #base}: destination and weight, then time and type, of insertions. */
        private long[] gathered;
        private int base;

        Applier(final EdgeBatch b, final long[] keys, final int insEnd, final int delEnd) {
            this.b = b;
            this.keys = keys;
            this.insEnd = insEnd;
            this.delEnd = delEnd;
        }

        /**
         * Copies this part's insertions into {@link #gathered} in the order they are applied: the
         * sort by vertex scatters them over the batch's arrays, and one loop of independent loads
         * fetches them faster than the apply loop, whose loads wait on each other.
         */
        private void gatherInsertions(final int from, final int to) {
            final int ni = b.insertions;
            base = from;
            gathered = new long[2 * (to - from)];
            for (int i = from; i < to; i++) {
                final int k = (int) keys[i];
                if (k < insEnd) {
                    final int op = k < ni ? k : k - ni;
                    final int dst = k < ni ? b.insDst[op] : b.insSrc[op];
                    gathered[2 * (i - from)] = (long) dst << 32 | (b.insWeight[op] & 0xFFFFFFFFL);
                    gathered[2 * (i - from) + 1] = b.insTime[op] << 16 | b.insType[op];
                }
            }
        }

        private int gatheredDestination(final int i) {
            return (int) (gathered[2 * (i - base)] >>> 32);
        }

        private int gatheredWeight(final int i) {
            return (int) gathered[2 * (i - base)];
        }

        private int gatheredType(final int i) {
            return (int) (gathered[2 * (i - base) + 1] & 0xFFFF);
        }

        private long gatheredTime(final int i) {
            return gathered[2 * (i - base) + 1] >> 16;
        }

        /** @return {added, updated, removed, vertexUpdates} */
        long[] run(final int from, final int to) {
            gatherInsertions(from, to);
            final int nd = b.deletions;
            long removed = 0;
            long vertexUpdates = 0;
            int i = from;
            while (i < to) {
                final int v = (int) (keys[i] >>> 32);
                int runEnd = i;
                int insertsEnd = i;
                while (runEnd < to && (int) (keys[runEnd] >>> 32) == v) {
                    if ((int) keys[runEnd] < insEnd) {
                        insertsEnd = runEnd + 1;
                    }
                    runEnd++;
                }
                block = blocks[v];
                count = count(v);
                sorted = (int) sizes[v];
                boolean anyDeleted = false;
                final int inserts = insertsEnd - i;
                if (inserts >= BULK_MIN && (long) inserts * BULK_SHARE >= count) {
                    for (int c = i; c < insertsEnd; c += CHUNK) {
                        bulkInsert(c, Math.min(insertsEnd, c + CHUNK));
                    }
                    i = insertsEnd;
                }
                for (; i < runEnd; i++) {
                    final int k = (int) keys[i];
                    if (k < insEnd) {
                        insert(gatheredDestination(i), gatheredType(i), gatheredWeight(i), gatheredTime(i));
                    } else if (k < delEnd) {
                        final int op = k - insEnd < nd ? k - insEnd : k - insEnd - nd;
                        final int dst = k - insEnd < nd ? b.delDst[op] : b.delSrc[op];
                        final int slot = block == null ? -1
                            : EdgeBlock.find(block, sorted, count, EdgeBlock.key(dst, b.delType[op]));
                        if (slot >= 0 && !EdgeBlock.deleted(block, slot)) {
                            EdgeBlock.markDeleted(block, slot);
                            INTS.getAndAdd(inDegrees, dst, -1);
                            anyDeleted = true;
                            removed++;
                        }
                    } else {
                        final int op = k - delEnd;
                        if (b.vuType[op] != EdgeBatch.KEEP_TYPE) {
                            vertexTypes[v] = b.vuType[op];
                        }
                        if (b.vuHasSet[op]) {
                            vertexWeights[v] = b.vuSetWeight[op];
                        }
                        vertexWeights[v] += b.vuIncrWeight[op];
                        vertexUpdates++;
                    }
                }
                if (anyDeleted) {
                    count = EdgeBlock.compact(block, sorted, count, sortedOut);
                    sorted = sortedOut[0];
                }
                if (blocks[v] != block) { // skip the collector's write barrier when the block did not move
                    blocks[v] = block;
                }
                sizes[v] = sizes(count, sorted);
            }
            return new long[] {added, updated, removed, vertexUpdates};
        }

        /** One insertion: binary search of the sorted prefix and a scan of the short tail. */
        private void insert(final int dst, final int type, final int weight, final long time) {
            final int slot = block == null ? -1 : EdgeBlock.find(block, sorted, count, EdgeBlock.key(dst, type));
            if (slot >= 0 && !EdgeBlock.deleted(block, slot)) {
                EdgeBlock.update(block, slot, weight, time);
                updated++;
                return;
            }
            if (slot >= 0) {
                EdgeBlock.write(block, slot, dst, type, weight, time, time); // revive
            } else {
                ensureCapacity(count + 1);
                EdgeBlock.write(block, count, dst, type, weight, time, time);
                count++;
                if (count - sorted > EdgeBlock.tailLimit(count)) {
                    EdgeBlock.mergeTail(block, sorted, count);
                    sorted = count;
                }
            }
            INTS.getAndAdd(inDegrees, dst, 1);
            added++;
        }

        /**
         * Many insertions for one vertex at once: the block is fully sorted, the insertions are
         * sorted by key, each distinct edge is looked up once by galloping forward from the previous
         * one (new ones are appended), and the appended run is merged in: O(k log k + k log(d/k) + d)
         * instead of k tail scans.
         */
        private void bulkInsert(final int from, final int to) {
            final int n = to - from;
            EdgeBlock.mergeTail(block, sorted, count);
            sorted = count;
            final long[] order = new long[n];
            for (int q = 0; q < n; q++) {
                order[q] = EdgeBlock.key(gatheredDestination(from + q), gatheredType(from + q)) << 16 | q;
            }
            java.util.Arrays.sort(order);
            final int searchable = sorted;
            int lower = 0; // keys ascend, so each search starts where the previous one ended
            int g = 0;
            while (g < n) {
                final long key = order[g] >>> 16;
                long weight = 0;
                long first = Long.MAX_VALUE;
                long recent = Long.MIN_VALUE;
                int h = g;
                for (; h < n && order[h] >>> 16 == key; h++) {
                    final int at = from + (int) (order[h] & 0xFFFF);
                    final long time = gatheredTime(at);
                    weight += gatheredWeight(at);
                    first = Math.min(first, time);
                    recent = Math.max(recent, time);
                }
                lower = EdgeBlock.lowerBound(block, lower, searchable, key);
                final int slot = lower < searchable && EdgeBlock.key(block, lower) == key ? lower : -1;
                if (slot >= 0) {
                    EdgeBlock.update(block, slot, weight, first);
                    EdgeBlock.update(block, slot, 0, recent);
                    updated += h - g;
                } else {
                    final int dst = EdgeBlock.destinationOf(key);
                    final int w = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, weight));
                    ensureCapacity(count + 1);
                    EdgeBlock.write(block, count, dst, EdgeBlock.typeOf(key), w, first, recent);
                    count++;
                    INTS.getAndAdd(inDegrees, dst, 1);
                    added++;
                    updated += h - g - 1;
                }
                g = h;
            }
            EdgeBlock.mergeTail(block, sorted, count);
            sorted = count;
        }

        private void ensureCapacity(final int needed) {
            if (block == null || needed > EdgeBlock.capacity(block)) {
                final long[] grown = EdgeBlock.allocate(
                    EdgeBlock.grownCapacity(block == null ? 0 : EdgeBlock.capacity(block), needed));
                if (block != null) {
                    EdgeBlock.copy(block, grown, count);
                }
                block = grown;
            }
        }
    }

    @Override
    public int vertexCount() {
        return vertexCount;
    }

    @Override
    public long edgeCount() {
        return edgeCount;
    }

    @Override
    public int outDegree(final int vertex) {
        return known(vertex) ? count(vertex) : 0;
    }

    @Override
    public int inDegree(final int vertex) {
        return known(vertex) ? inDegrees[vertex] : 0;
    }

    @Override
    public int vertexType(final int vertex) {
        return known(vertex) ? vertexTypes[vertex] : 0;
    }

    @Override
    public long vertexWeight(final int vertex) {
        return known(vertex) ? vertexWeights[vertex] : 0;
    }

    @Override
    public void forEachOutEdge(final int vertex, final EdgeVisitor visitor) {
        if (!known(vertex)) {
            return;
        }
        final long[] block = blocks[vertex];
        final int count = count(vertex);
        for (int s = 0; s < count; s++) {
            visitor.edge(EdgeBlock.destination(block, s), EdgeBlock.type(block, s), EdgeBlock.weight(block, s),
                EdgeBlock.firstTime(block, s), EdgeBlock.recentTime(block, s));
        }
    }

    @Override
    public boolean hasEdge(final int source, final int destination, final int type) {
        return slot(source, destination, type) >= 0;
    }

    @Override
    public int edgeWeight(final int source, final int destination, final int type) {
        final int slot = slot(source, destination, type);
        return slot < 0 ? 0 : EdgeBlock.weight(blocks[source], slot);
    }

    private int slot(final int source, final int destination, final int type) {
        if (!known(source) || blocks[source] == null || destination < 0 || type < 0 || type > EdgeBlock.MAX_TYPE) {
            return -1;
        }
        return EdgeBlock.find(blocks[source], (int) sizes[source], count(source), EdgeBlock.key(destination, type));
    }

    private int count(final int vertex) {
        return (int) (sizes[vertex] >>> 32);
    }

    private static long sizes(final int count, final int sorted) {
        return (long) count << 32 | sorted;
    }

    private boolean known(final int vertex) {
        return vertex >= 0 && vertex < vertexCount;
    }

    /**
     * The heap the store's arrays take: edge blocks with their growth slack and array headers,
     * and the per-vertex arrays (assuming 16-byte array headers and 4-byte compressed references).
     *
     * @return bytes
     */
    public long memoryBytes() {
        return read(g -> {
            final long header = 16;
            long bytes = 5 * header + (long) blocks.length * (4 + 4 + 4 + 4 + 4 + 8);
            for (int v = 0; v < vertexCount; v++) {
                if (blocks[v] != null) {
                    bytes += header + (long) blocks[v].length * Long.BYTES;
                }
            }
            return bytes;
        });
    }

    /**
     * Writes the whole graph (call between batches; the caller's stream is not closed).
     *
     * @param out where to write
     * @throws IOException if writing fails
     */
    public void writeTo(final DataOutputStream out) throws IOException {
        lock.readLock().lock();
        try {
            out.writeInt(CHECKPOINT_MAGIC);
            out.writeInt(vertexCount);
            out.writeLong(edgeCount);
            out.writeLong(batches);
            for (int v = 0; v < vertexCount; v++) {
                out.writeInt(vertexTypes[v]);
                out.writeLong(vertexWeights[v]);
                final int count = count(v);
                out.writeInt(count);
                out.writeInt((int) sizes[v]);
                final long[] block = blocks[v];
                for (int s = 0; s < count; s++) {
                    for (int word = 0; word < EdgeBlock.LONGS_PER_EDGE; word++) {
                        out.writeLong(EdgeBlock.portable(block, s, word));
                    }
                }
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Reads a graph written by {@link #writeTo}.
     *
     * @param in          where to read
     * @param maxVertices the cap for the new store
     * @param threads     apply threads for the new store
     * @return the store
     * @throws IOException if reading fails or the data is not a graph (the message says what)
     */
    public static GraphStore readFrom(final DataInputStream in, final int maxVertices, final int threads)
        throws IOException {
        final int magic = in.readInt();
        if (magic != CHECKPOINT_MAGIC) {
            throw new IOException("not a graph checkpoint: magic=0x" + Integer.toHexString(magic));
        }
        final int n = in.readInt();
        final long edges = in.readLong();
        final long batches = in.readLong();
        if (n < 0 || n > maxVertices) {
            throw new IOException("checkpoint has " + n + " vertices, beyond the cap maxVertices=" + maxVertices);
        }
        final GraphStore store = new GraphStore(maxVertices, threads);
        store.ensureVertices(n);
        long seen = 0;
        for (int v = 0; v < n; v++) {
            store.vertexTypes[v] = in.readInt();
            store.vertexWeights[v] = in.readLong();
            final int count = in.readInt();
            final int sorted = in.readInt();
            if (count < 0 || sorted < 0 || sorted > count) {
                throw new IOException("corrupt checkpoint: vertex " + v + " has count=" + count + " sorted=" + sorted);
            }
            if (count > 0) {
                final long[] block = EdgeBlock.allocate(count);
                for (int s = 0; s < count; s++) {
                    EdgeBlock.fromPortable(block, s, in.readLong(), in.readLong(), in.readLong());
                }
                for (int s = 0; s < count; s++) {
                    final int dst = EdgeBlock.destination(block, s);
                    if (dst < 0 || dst >= n) {
                        throw new IOException("corrupt checkpoint: edge " + v + "->" + dst + " beyond " + n + " vertices");
                    }
                    store.inDegrees[dst]++;
                }
                EdgeBlock.sort(block, count); // a checkpoint of another version may have ordered its blocks differently
                store.blocks[v] = block;
            }
            store.sizes[v] = sizes(count, count);
            seen += count;
        }
        if (seen != edges) {
            throw new IOException("corrupt checkpoint: header says " + edges + " edges, blocks hold " + seen);
        }
        store.edgeCount = edges;
        store.batches = batches;
        return store;
    }

    /** Stops the apply threads. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
