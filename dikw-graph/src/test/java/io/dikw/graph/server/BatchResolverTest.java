package io.dikw.graph.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dikw.graph.names.Names;
import io.dikw.graph.store.EdgeBatch;
import io.dikw.graph.wire.BatchCodec;
import io.dikw.graph.wire.EdgeInsertion;
import io.dikw.graph.wire.Frames;
import io.dikw.graph.wire.ScannedBatch;
import io.dikw.graph.wire.StingerBatch;
import io.dikw.graph.wire.VertexUpdate;
import org.junit.jupiter.api.Test;

class BatchResolverTest {

    @Test
    void namesKeepTheirIdsAcrossBatchesWhetherReadFromObjectsOrFrames() throws Exception {
        final Names names = new Names(100);
        final IngestCounters counters = new IngestCounters();
        final BatchResolver resolver = new BatchResolver(names, 100, counters);
        final StingerBatch first = new StingerBatch();
        first.insertions.add(EdgeInsertion.named("alice", "björn", "mentioned", 2, 5));
        final EdgeBatch a = resolver.resolve(first); // objects, in this JVM

        final StingerBatch second = new StingerBatch();
        second.insertions.add(EdgeInsertion.named("björn", "alice", "mentioned", 1, 6));
        second.insertions.add(EdgeInsertion.named("carol", "alice", "replied", 1, 6));
        second.vertexUpdates.add(new VertexUpdate(0, "carol", -1, "user", true, 3, 0));
        final byte[] frame = Frames.frame(second);
        final ScannedBatch scanned = new ScannedBatch();
        BatchCodec.scan(frame, Frames.HEADER_BYTES, frame.length - Frames.HEADER_BYTES, scanned);
        final EdgeBatch b = resolver.resolve(scanned); // as the server reads a frame

        assertThat(a.insertionSource(0)).isEqualTo(b.insertionDestination(0)).isEqualTo(names.vertices().idOf("alice"));
        assertThat(a.insertionDestination(0)).isEqualTo(b.insertionSource(0)).isEqualTo(names.vertices().idOf("björn"));
        assertThat(b.insertionSource(1)).isEqualTo(b.updateVertex(0)).isEqualTo(2);
        assertThat(a.insertionType(0)).isEqualTo(b.insertionType(0)).isZero();
        assertThat(b.insertionType(1)).isEqualTo(names.edgeTypes().idOf("replied")).isEqualTo(1);
        assertThat(names.vertexTypes().idOf("user")).isZero();
        assertThat(counters.rejectedUpdates()).isEmpty();
    }

    @Test
    void anUnresolvableUpdateIsCountedAndTheRestKept() {
        final Names names = new Names(10);
        final IngestCounters counters = new IngestCounters();
        final StingerBatch wire = new StingerBatch();
        wire.insertions.add(EdgeInsertion.numbered(1, 2, 0, 1, 0));
        wire.insertions.add(EdgeInsertion.numbered(1, 10, 0, 1, 0)); // beyond the cap
        wire.insertions.add(EdgeInsertion.numbered(1, 2, 70_000, 1, 0)); // no such edge type
        wire.insertions.add(EdgeInsertion.named("x".repeat(Names.MAX_NAME_LENGTH + 1), "y", null, 1, 0));
        final EdgeBatch b = new BatchResolver(names, 10, counters).resolve(wire);
        assertThat(b.insertionCount()).isEqualTo(1);
        assertThat(counters.rejectedUpdates()).containsOnly(java.util.Map.entry("id-cap", 1L),
            java.util.Map.entry("unknown-type", 1L), java.util.Map.entry("name-too-long", 1L));
    }

    @Test
    void aVertexUpdateRefusedForItsTypeUsesNoVertexId() {
        final Names names = new Names(10);
        final IngestCounters counters = new IngestCounters();
        final StingerBatch wire = new StingerBatch();
        wire.vertexUpdates.add(new VertexUpdate(0, "newcomer", -1, "x".repeat(Names.MAX_NAME_LENGTH + 1), false, 0, 1));
        wire.vertexUpdates.add(new VertexUpdate(99, null, -1, "user", false, 0, 1)); // vertex beyond the cap
        final EdgeBatch b = new BatchResolver(names, 10, counters).resolve(wire);
        assertThat(b.vertexUpdateCount()).isZero();
        assertThat(names.vertices().idsUsed()).isZero();
        assertThat(names.vertexTypes().idOf("user")).as("the type is resolved before the vertex").isZero();
        assertThat(counters.rejectedUpdates()).containsOnly(java.util.Map.entry("name-too-long", 1L),
            java.util.Map.entry("id-cap", 1L));
    }
}
