package io.dikw.social.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dikw.core.vector.SparseVector;
import io.dikw.social.cluster.Decision;
import io.dikw.social.cluster.SimilarityStats;
import io.dikw.social.protomeme.Protomeme;
import io.dikw.social.protomeme.ProtomemeType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Delta sync messages carry each protomeme only to the workers that lack it. */
class WireFormatTest {
    private static Protomeme pm(final String marker, final long tweet) {
        final SparseVector tweets = SparseVector.of(new long[] {tweet}, new long[] {1});
        final SparseVector words = SparseVector.of(new long[] {-5, 17}, new long[] {2, 300});
        return new Protomeme(ProtomemeType.HASHTAG, marker, 3, tweets, SparseVector.of(new long[] {9}, new long[] {1}),
            SparseVector.of(new long[0], new long[0]), words, 1_000, 2_000);
    }

    private static final SyncMessage.Delta DELTA = new SyncMessage.Delta(7,
        new SimilarityStats.State(3, 10, 0.5, 0.25), true, 2, List.of(
            new SyncMessage.Op(Decision.Kind.SIMILAR, 4, 0.75, 0, pm("#a", 1)),
            new SyncMessage.Op(Decision.Kind.OUTLIER, 9, 0.1, 1, pm("#b", 2)),
            new SyncMessage.Op(Decision.Kind.MARKER, 4, 0, 0, pm("#c", 3))));

    @Test
    void aWorkerDecodesOnlyTheOtherWorkersProtomemes() {
        final byte[] bytes = WireFormat.encode(DELTA, true);
        assertThat(WireFormat.decodeSync(bytes)).isEqualTo(DELTA);
        final SyncMessage.Delta forZero = (SyncMessage.Delta) WireFormat.decodeSync(bytes, 0);
        assertThat(forZero.ops()).extracting(SyncMessage.Op::protomeme)
            .containsExactly(null, DELTA.ops().get(1).protomeme(), null);
        assertThat(forZero.ops()).extracting(SyncMessage.Op::clusterId).containsExactly(4L, 9L, 4L);
        assertThat(forZero.ops()).extracting(SyncMessage.Op::worker).containsExactly(0, 1, 0);
        assertThat(forZero.expireBefore()).isEqualTo(2);
    }

    @Test
    void withoutProtomemesTheMessageIsSmallAndCarriesTheRest() {
        final byte[] carried = WireFormat.encode(DELTA, true);
        final byte[] bare = WireFormat.encode(DELTA, false);
        assertThat(bare.length).isLessThan(carried.length / 2);
        final SyncMessage.Delta decoded = (SyncMessage.Delta) WireFormat.decodeSync(bare, 0);
        assertThat(decoded.ops()).extracting(SyncMessage.Op::protomeme).containsOnlyNulls();
        assertThat(decoded.ops()).extracting(SyncMessage.Op::kind)
            .containsExactly(Decision.Kind.SIMILAR, Decision.Kind.OUTLIER, Decision.Kind.MARKER);
        assertThat(decoded.stats()).isEqualTo(DELTA.stats());
    }

    @Test
    void aTruncatedMessageIsRejectedNamingTheField() {
        final byte[] bytes = WireFormat.encode(DELTA, true);
        final byte[] cut = Arrays.copyOf(bytes, bytes.length - 3);
        for (final int worker : new int[] {-1, 0, 1}) {
            assertThatThrownBy(() -> WireFormat.decodeSync(cut, worker))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("corrupt message");
        }
    }
}
