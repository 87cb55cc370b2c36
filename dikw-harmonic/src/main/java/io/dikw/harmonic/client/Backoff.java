package io.dikw.harmonic.client;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Waits between retries: 200 us at first, doubling up to 100 ms. Not thread-safe. */
final class Backoff {
    private static final long FIRST_MICROS = 200;
    private static final long MOST_MICROS = 100_000;
    private long micros = FIRST_MICROS;

    /** @throws IOException when interrupted while waiting */
    void pause() throws IOException {
        try {
            TimeUnit.MICROSECONDS.sleep(micros);
        } catch (final InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to retry", ie);
        }
        micros = Math.min(micros * 2, MOST_MICROS);
    }
}
