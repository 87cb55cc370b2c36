package io.dikw.graph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EdgeBatchTest {

    @Test
    void aSizedBuilderGrowsPastItsSizes() {
        final EdgeBatch.Builder b = EdgeBatch.builder(0, 0, 0);
        for (int i = 0; i < 40; i++) {
            b.insert(i, i + 1, 0, 1, i).delete(i + 1, i, 0).updateVertex(i, 2, true, i, 0);
        }
        final EdgeBatch batch = b.build();
        assertThat(batch.insertionCount()).isEqualTo(40);
        assertThat(batch.deletionCount()).isEqualTo(40);
        assertThat(batch.vertexUpdateCount()).isEqualTo(40);
        assertThat(batch.insertionDestination(39)).isEqualTo(40);
        assertThat(batch.deletionSource(39)).isEqualTo(40);
        assertThat(batch.updateVertex(39)).isEqualTo(39);
    }

    @Test
    void aBuiltBatchKeepsItsUpdatesWhenTheBuilderGoesOn() {
        final EdgeBatch.Builder b = EdgeBatch.builder(2, 1, 1); // full at build: the batch takes its columns
        b.insert(1, 2, 0, 1, 10).insert(3, 4, 0, 1, 11).delete(5, 6, 0).updateVertex(7, 1, false, 0, 1);
        final EdgeBatch first = b.build();

        b.clear();
        b.insert(8, 9, 0, 1, 12).delete(10, 11, 0).updateVertex(12, 1, false, 0, 1);
        final EdgeBatch second = b.build();

        assertThat(first.insertionCount()).isEqualTo(2);
        assertThat(first.insertionSource(0)).isEqualTo(1);
        assertThat(first.insertionTime(1)).isEqualTo(11);
        assertThat(first.deletionSource(0)).isEqualTo(5);
        assertThat(first.updateVertex(0)).isEqualTo(7);
        assertThat(second.insertionSource(0)).isEqualTo(8);
        assertThat(second.deletionSource(0)).isEqualTo(10);
        assertThat(second.updateVertex(0)).isEqualTo(12);
    }

    @Test
    void buildingTwiceGivesTheSameBatch() {
        final EdgeBatch.Builder b = EdgeBatch.builder(1, 0, 0).insert(1, 2, 3, 4, 5);
        final EdgeBatch first = b.build();
        final EdgeBatch again = b.insert(6, 7, 0, 1, 1).build();
        assertThat(first.insertionCount()).isEqualTo(1);
        assertThat(first.insertionType(0)).isEqualTo(3);
        assertThat(again.insertionCount()).isEqualTo(2);
        assertThat(again.insertionSource(1)).isEqualTo(6);
    }

    @Test
    void negativeSizesAreRefused() {
        assertThatThrownBy(() -> EdgeBatch.builder(-1, 0, 0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("insertions=-1");
    }
}
