package io.dikw.graph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class GraphStoreTest {

    @Test
    void insertingAnExistingEdgeAddsWeightAndWidensItsTimes() {
        try (GraphStore g = new GraphStore(100, 1)) {
            g.apply(EdgeBatch.builder().insert(1, 2, 0, 5, 100).build());
            g.apply(EdgeBatch.builder().insert(1, 2, 0, 3, 50).insert(1, 2, 0, 1, 200).build());
            assertThat(g.edgeWeight(1, 2, 0)).isEqualTo(9);
            assertThat(g.edgeCount()).isEqualTo(1);
            final long[] times = new long[2];
            g.forEachOutEdge(1, (d, t, w, first, recent) -> {
                times[0] = first;
                times[1] = recent;
            });
            assertThat(times).containsExactly(50, 200);
            assertThat(g.outDegree(1)).isEqualTo(1);
            assertThat(g.inDegree(2)).isEqualTo(1);
        }
    }

    @Test
    void edgesOfDifferentTypesAreDistinct() {
        try (GraphStore g = new GraphStore(100, 1)) {
            g.apply(EdgeBatch.builder().insert(1, 2, 0, 1, 0).insert(1, 2, 7, 1, 0).build());
            assertThat(g.edgeCount()).isEqualTo(2);
            g.apply(EdgeBatch.builder().delete(1, 2, 7).build());
            assertThat(g.hasEdge(1, 2, 0)).isTrue();
            assertThat(g.hasEdge(1, 2, 7)).isFalse();
            assertThat(g.inDegree(2)).isEqualTo(1);
        }
    }

    @Test
    void undirectedInsertionAddsBothDirectionsAndDeletionRemovesBoth() {
        try (GraphStore g = new GraphStore(100, 1)) {
            g.apply(EdgeBatch.builder().makeUndirected(true).insert(3, 4, 1, 2, 10).build());
            assertThat(g.hasEdge(3, 4, 1)).isTrue();
            assertThat(g.hasEdge(4, 3, 1)).isTrue();
            g.apply(EdgeBatch.builder().makeUndirected(true).delete(4, 3, 1).build());
            assertThat(g.edgeCount()).isZero();
        }
    }

    @Test
    void vertexUpdatesSetTypeSetWeightAndIncrement() {
        try (GraphStore g = new GraphStore(100, 1)) {
            g.apply(EdgeBatch.builder().updateVertex(9, 3, true, 10, 0).updateVertex(9, EdgeBatch.KEEP_TYPE, false, 0, 5)
                .build());
            assertThat(g.vertexType(9)).isEqualTo(3);
            assertThat(g.vertexWeight(9)).isEqualTo(15);
            assertThat(g.vertexCount()).isEqualTo(10);
        }
    }

    @Test
    void shouldRejectBatchBeyondTheCapWithoutApplyingAnything() {
        try (GraphStore g = new GraphStore(10, 1)) {
            assertThatThrownBy(() -> g.apply(EdgeBatch.builder().insert(1, 2, 0, 1, 0).insert(3, 10, 0, 1, 0).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vertex id 10")
                .hasMessageContaining("maxVertices=10");
            assertThat(g.edgeCount()).isZero();
        }
    }

    @Test
    void builderNamesTheBadValue() {
        assertThatThrownBy(() -> EdgeBatch.builder().insert(-1, 2, 0, 1, 0)).hasMessageContaining("source=-1");
        assertThatThrownBy(() -> EdgeBatch.builder().insert(1, 2, 70000, 1, 0)).hasMessageContaining("type=70000");
        assertThatThrownBy(() -> EdgeBatch.builder().insert(1, 2, 0, 1L << 40, 0)).hasMessageContaining("weight=");
        assertThatThrownBy(() -> EdgeBatch.builder().insert(1, 2, 0, 1, Long.MAX_VALUE)).hasMessageContaining("time=");
    }

    @Test
    void hooksSeeTheGraphBeforeAndAfterTheBatch() {
        try (GraphStore g = new GraphStore(100, 1)) {
            final List<String> seen = new ArrayList<>();
            g.addListener(new BatchListener() {
                @Override
                public void beforeApply(final GraphView before, final EdgeBatch batch) {
                    seen.add("before " + before.edgeCount() + " of " + batch.size());
                }

                @Override
                public void afterApply(final GraphView after, final EdgeBatch batch, final ApplyResult r) {
                    seen.add("after " + after.edgeCount() + " added " + r.edgesAdded());
                }
            });
            g.addListener(new BatchListener() {
                @Override
                public void beforeApply(final GraphView before, final EdgeBatch batch) {
                    throw new IllegalStateException("a broken algorithm");
                }
            });
            g.apply(EdgeBatch.builder().insert(1, 2, 0, 1, 0).insert(2, 3, 0, 1, 0).build());
            assertThat(seen).containsExactly("before 0 of 2", "after 2 added 2");
            assertThat(g.hookFailures()).isEqualTo(1);
        }
    }

    @Test
    void highDegreeVertexKeepsEveryEdgeOnceAlsoThroughACheckpoint() throws IOException {
        final int degree = 70_000; // beyond the 65,535 edges one tail merge takes, so loading sorts in parts
        try (GraphStore g = new GraphStore(1 << 20, 2)) {
            for (int round = 0; round < 3; round++) {
                final EdgeBatch.Builder b = EdgeBatch.builder();
                for (int d = 0; d < degree; d++) {
                    b.insert(0, (d * 7919) % degree + 1, 0, 1, round);
                }
                g.apply(b.build());
            }
            assertThat(g.outDegree(0)).isEqualTo(degree);
            assertThat(g.edgeWeight(0, 1234, 0)).isEqualTo(3);
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            g.writeTo(new DataOutputStream(bytes));
            try (GraphStore copy = GraphStore.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
                1 << 20, 1)) {
                assertThat(copy.outDegree(0)).isEqualTo(degree);
                for (int d = 1; d <= degree; d++) {
                    assertThat(copy.edgeWeight(0, d, 0)).as("weight of 0->%d", d).isEqualTo(3);
                }
            }
            final EdgeBatch.Builder del = EdgeBatch.builder();
            for (int d = 1; d <= degree; d += 2) {
                del.delete(0, d, 0);
            }
            g.apply(del.build());
            assertThat(g.outDegree(0)).isEqualTo(degree / 2);
            assertThat(g.hasEdge(0, 2, 0)).isTrue();
            assertThat(g.hasEdge(0, 3, 0)).isFalse();
        }
    }

    @Property(tries = 60)
    void matchesTheReferenceModel(@ForAll final long seed, @ForAll @IntRange(min = 1, max = 3) final int threads,
        @ForAll final boolean large) throws IOException {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final int vertices = large ? (rnd.nextBoolean() ? 300 : 10) : 12;
        checkAgainstModel(rnd, threads, vertices, vertices, 8, batch -> large ? 3000 : rnd.nextInt(40));
    }

    /**
     * Three vertices with blocks of about 6,000 edges: one large batch (the bulk path), then small
     * ones whose insertions go through the tail and its merges, and deletions that compact it.
     */
    @Property(tries = 4) // each try compares ~18,000 edges with the model after each of 60 batches
    void largeBlocksMatchTheReferenceModel(@ForAll final long seed, @ForAll @IntRange(min = 1, max = 2) final int threads)
        throws IOException {
        checkAgainstModel(new SplittableRandom(seed), threads, 3, 8192, 60, batch -> batch == 0 ? 40_000 : 150);
    }

    private static void checkAgainstModel(final SplittableRandom rnd, final int threads, final int sources,
        final int destinations, final int batches, final java.util.function.IntUnaryOperator opsInBatch)
        throws IOException {
        final ReferenceGraph model = new ReferenceGraph();
        final int cap = Math.max(sources, destinations);
        try (GraphStore g = new GraphStore(cap, threads)) {
            for (int batch = 0; batch < batches; batch++) {
                final EdgeBatch.Builder b = EdgeBatch.builder().makeUndirected(sources == destinations && rnd.nextInt(3) == 0);
                final int ops = opsInBatch.applyAsInt(batch);
                for (int i = 0; i < ops; i++) {
                    final int kind = rnd.nextInt(10);
                    final int s = rnd.nextInt(sources);
                    final int d = rnd.nextInt(destinations);
                    final int t = rnd.nextInt(3);
                    if (kind < 6) {
                        b.insert(s, d, t, rnd.nextInt(-3, 10), rnd.nextLong(-1000, 1000));
                    } else if (kind < 9) {
                        b.delete(s, d, t);
                    } else {
                        b.updateVertex(s, rnd.nextInt(-1, 4), rnd.nextBoolean(), rnd.nextLong(100), rnd.nextLong(5));
                    }
                }
                final EdgeBatch built = b.build();
                g.apply(built);
                model.apply(built);
                assertSame(g, model);
            }
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            g.writeTo(new DataOutputStream(bytes));
            try (GraphStore copy = GraphStore.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
                cap, threads)) {
                assertSame(copy, model);
                assertThat(copy.batchesApplied()).isEqualTo(batches);
            }
        }
    }

    private static void assertSame(final GraphStore g, final ReferenceGraph model) {
        final Map<String, long[]> actual = ReferenceGraph.edgesOf(g);
        assertThat(actual.keySet()).isEqualTo(model.edges.keySet());
        for (final Map.Entry<String, long[]> e : model.edges.entrySet()) {
            assertThat(actual.get(e.getKey())).as(e.getKey()).containsExactly(e.getValue());
        }
        assertThat(g.edgeCount()).isEqualTo(model.edges.size());
        final int[] in = new int[g.vertexCount()];
        final int[] out = new int[g.vertexCount()];
        for (final String k : model.edges.keySet()) {
            final String[] p = k.split(" ");
            out[Integer.parseInt(p[0])]++;
            in[Integer.parseInt(p[1])]++;
        }
        for (int v = 0; v < g.vertexCount(); v++) {
            assertThat(g.inDegree(v)).as("in-degree of %d", v).isEqualTo(in[v]);
            assertThat(g.outDegree(v)).as("out-degree of %d", v).isEqualTo(out[v]);
            assertThat(g.vertexType(v)).isEqualTo(model.types.getOrDefault(v, 0));
            assertThat(g.vertexWeight(v)).isEqualTo(model.weights.getOrDefault(v, 0L));
        }
    }
}
