package io.dikw.social.storm;

import io.dikw.social.protomeme.Protomeme;
import java.util.List;

/**
 * A run of protomemes for one clustering worker with their stream positions, sent as one tuple:
 * a step's protomemes are ready at once, and one tuple per protomeme cost more in Storm's queues
 * than classifying it.
 *
 * @param seqs each protomeme's position in the stream, ascending
 * @param protomemes the protomemes, in the same order
 */
public record WorkChunk(long[] seqs, List<Protomeme> protomemes) {
    /** @return how many protomemes it carries */
    public int size() {
        return seqs.length;
    }
}
