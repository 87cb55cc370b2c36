package io.dikw.collectives.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a collective spreads a message over its target tasks: Storm's one-copy-per-task baseline
 * ({@link #SERIAL}), locality-aware trees and rings over worker processes, or {@link #AUTO}, which
 * a cost model resolves to one of the others from the message size and the task layout.
 */
public enum Algorithm {
    /** One copy per target task, sent by the root (Storm's allGrouping). */
    SERIAL("serial"),
    /** Root to one gateway per machine, each gateway to the other workers of its machine. */
    FLAT_TREE("flat-tree"),
    /** k-ary trees (k = 2 by default) over machines, then over the workers of each machine. */
    BINARY_TREE("binary-tree"),
    /** A chain through every worker, one machine after the other. */
    RING("ring"),
    /** Two chains from the root, each through about half of the workers. */
    BIDI_RING("bidi-ring"),
    /** Resolved by the cost model when the layout is known. */
    AUTO("auto");

    private final String cliName;

    Algorithm(final String cliName) {
        this.cliName = cliName;
    }

    /** @return the name used on the command line and in results */
    public String cliName() {
        return cliName;
    }

    /**
     * @param name a command-line name such as {@code binary-tree} (case-insensitive; '_' is accepted for '-')
     * @return the algorithm
     * @throws IllegalArgumentException naming the valid choices
     */
    public static Algorithm parse(final String name) {
        final String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (final Algorithm a : values()) {
            if (a.cliName.equals(n)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown collective algorithm '" + name + "'; choose one of "
            + Arrays.stream(values()).map(Algorithm::cliName).collect(Collectors.joining(", ")));
    }
}
