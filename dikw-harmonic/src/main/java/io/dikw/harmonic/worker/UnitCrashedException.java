package io.dikw.harmonic.worker;

import java.io.IOException;

/** The processing unit died while it held a tuple: the task controller restarts it and redelivers. */
final class UnitCrashedException extends IOException {
    private static final long serialVersionUID = 1L;

    UnitCrashedException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
