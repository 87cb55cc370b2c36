package io.dikw.harmonic.sink;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Logs one line per result (tuple id, processor, size and the first bytes as text) through
 * {@link System.Logger}: for demos and for processors whose real output goes elsewhere.
 */
public final class LogSink implements Sink {
    private static final System.Logger LOG = System.getLogger(LogSink.class.getName());
    private static final int PREVIEW = 60;

    @Override
    public void accept(final long tupleId, final String processor, final ByteBuffer output) {
        LOG.log(System.Logger.Level.INFO, describe(tupleId, processor, output));
    }

    /**
     * @param tupleId the tuple id
     * @param processor the processor
     * @param output the output
     * @return the line logged
     */
    static String describe(final long tupleId, final String processor, final ByteBuffer output) {
        final ByteBuffer head = output.duplicate();
        head.limit(head.position() + Math.min(PREVIEW, head.remaining()));
        final String preview = StandardCharsets.UTF_8.decode(head).toString().replaceAll("\\p{Cntrl}", " ");
        return "tuple " + tupleId + " (" + processor + "): " + output.remaining() + " bytes: " + preview
            + (output.remaining() > PREVIEW ? "..." : "");
    }

    @Override
    public String toString() {
        return "log";
    }
}
