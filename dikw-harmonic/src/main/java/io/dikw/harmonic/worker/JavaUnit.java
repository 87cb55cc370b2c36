package io.dikw.harmonic.worker;

import io.dikw.harmonic.processor.Processor;
import io.dikw.harmonic.processor.Tuple;
import java.nio.ByteBuffer;

/** A unit running a Java {@link Processor} in the worker's JVM. */
final class JavaUnit implements ProcessingUnit {
    private final Processor processor;

    JavaUnit(final Processor processor) {
        this.processor = processor;
    }

    @Override
    public ByteBuffer process(final Tuple tuple) throws Exception {
        return processor.process(new Tuple(tuple.id(), tuple.processor(), tuple.payload().asReadOnlyBuffer()));
    }

    @Override
    public void close() {
        if (processor instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (final Exception ignored) {
                // a failing close of a replaced processor changes nothing
            }
        }
    }
}
