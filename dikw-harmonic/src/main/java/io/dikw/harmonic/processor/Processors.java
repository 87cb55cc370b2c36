package io.dikw.harmonic.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds Java processors by name through {@link ServiceLoader}. */
public final class Processors {
    private Processors() {
    }

    /**
     * @param name a processor name
     * @return a new instance of the processor with that name
     * @throws IllegalArgumentException naming the processors there are, when none has that name
     */
    public static Processor create(final String name) {
        final List<String> names = new ArrayList<>();
        for (final ServiceLoader.Provider<Processor> p : ServiceLoader.load(Processor.class).stream().toList()) {
            final Processor processor = p.get();
            if (processor.name().equals(name)) {
                return processor;
            }
            names.add(processor.name());
        }
        throw new IllegalArgumentException("no Java processor named '" + name + "'; available: " + names
            + " (or run an external command with --command)");
    }
}
