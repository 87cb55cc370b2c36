package io.dikw.app.harmonic;

import io.dikw.core.progress.ProgressBar;
import io.dikw.harmonic.client.ByteSize;
import io.dikw.harmonic.client.HarmonicClient;
import io.dikw.harmonic.client.HarmonicStream;
import io.dikw.harmonic.client.SyntheticSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dikw harmonic source}: a synthetic source of large tuples at a given rate. */
@Command(name = "source", mixinStandardHelpOptions = true,
    description = {"Generate synthetic tuples (pseudo-random realizations, like the HarmonicIO thesis's 2-10 MB "
        + "simulated images) and stream them to a processor at a steady rate."})
final class SourceCommand implements Callable<Integer> {
    @Mixin
    MasterConnection connection;

    @Option(names = {"-P", "--processor"}, defaultValue = "sha256", paramLabel = "NAME",
        description = "Processor to send to; default: ${DEFAULT-VALUE}.")
    String processor;

    @Option(names = "--generate", required = true, description = "Generate synthetic tuples (the only source for now).")
    boolean generate;

    @Option(names = "--size", defaultValue = "6MB", paramLabel = "SIZE", description = "Bytes per tuple; default: ${DEFAULT-VALUE}.")
    String size;

    @Option(names = "--rate", defaultValue = "10", paramLabel = "R",
        description = "Tuples per second (0 = as fast as they are taken); default: ${DEFAULT-VALUE}.")
    double rate;

    @Option(names = {"-n", "--count"}, defaultValue = "100", paramLabel = "N", description = "Tuples to send; default: ${DEFAULT-VALUE}.")
    long count;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Random seed; default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--stream", description = "Stream: lease tuple ids and channels from the master in bulk and keep "
        + "up to --window tuples in flight, instead of one endpoint request and acknowledgement per tuple.")
    boolean stream;

    @Option(names = "--window", defaultValue = "" + HarmonicStream.DEFAULT_WINDOW, paramLabel = "N",
        description = "With --stream: most tuples in flight; default: ${DEFAULT-VALUE}.")
    int window;

    /** One tuple out, either way. */
    @FunctionalInterface
    private interface Send {
        void send(ByteBuffer payload) throws IOException;
    }

    /** Waits until everything sent was taken. */
    @FunctionalInterface
    private interface Flush {
        void flush() throws IOException;
    }

    @Override
    public Integer call() throws Exception {
        final long bytes = ByteSize.parse(size);
        if (bytes < 8 || bytes > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("--size must be between 8 bytes and 2 GB, got " + size);
        }
        if (!stream) {
            try (HarmonicClient client = new HarmonicClient(connection.master, connection.token())) {
                send(bytes, new SyntheticSource((int) bytes, seed), p -> client.send(processor, p), () -> { }, client::retries);
            }
            return 0;
        }
        // payloads stay untouched while in flight: one buffer per tuple the window can hold, and one more
        final int buffers = HarmonicStream.mostInFlight(window, HarmonicStream.DEFAULT_WINDOW_BYTES, bytes) + 1;
        try (HarmonicStream out = new HarmonicStream(connection.master, connection.token(), processor, window,
            HarmonicStream.DEFAULT_WINDOW_BYTES, HarmonicStream.DEFAULT_LEASE, TimeUnit.MINUTES.toNanos(5))) {
            send(bytes, new SyntheticSource((int) bytes, seed, buffers), out::send, out::flush, out::resent);
        }
        return 0;
    }

    private void send(final long bytes, final SyntheticSource tuples, final Send out, final Flush flush,
        final LongSupplier retries) throws IOException {
        final long interval = rate > 0 ? (long) (1e9 / rate) : 0;
        final ProgressBar bar = new ProgressBar("source", count, System.err);
        final long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            final long due = start + i * interval;
            final long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            out.send(tuples.next());
            bar.update(i + 1);
        }
        flush.flush();
        final double seconds = (System.nanoTime() - start) / 1e9;
        bar.finish(String.format(java.util.Locale.ROOT, "%d tuples of %s in %.1f s (%.1f MB/s), %d retries", count,
            ByteSize.format(bytes), seconds, count * bytes / seconds / 1e6, retries.getAsLong()));
    }
}
