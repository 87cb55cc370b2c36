package io.dikw.harmonic.processor;

import java.nio.ByteBuffer;

/** {@code echo}: returns the payload unchanged (the trivial processor of the benchmark). */
public final class EchoProcessor implements Processor {
    @Override
    public String name() {
        return "echo";
    }

    @Override
    public ByteBuffer process(final Tuple tuple) {
        return tuple.payload();
    }
}
