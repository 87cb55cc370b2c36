package io.dikw.harmonic.worker;

import io.dikw.harmonic.processor.Tuple;
import io.dikw.harmonic.sink.Sink;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one channel's tuples through its persistent unit and deals with what goes wrong:
 * a unit that crashes is restarted and gets the same tuple again (up to a number of attempts,
 * then the tuple is dead-lettered as {@code crashed}); a unit over the time limit is stopped and
 * restarted and the tuple dead-lettered as {@code timeout}; a processor error dead-letters the
 * tuple as {@code processor-error} and the unit carries on.
 */
final class TaskController implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TaskController.class.getName());

    private final String channel;
    private final UnitFactory factory;
    private final long timeoutNanos;
    private final int maxAttempts;
    private final Sink sink;
    private final DeadLetterDirectory dead;
    private final WorkerStats stats;
    private volatile ProcessingUnit unit;
    private ExecutorService runner;

    /** Makes a fresh unit. */
    @FunctionalInterface
    interface UnitFactory {
        ProcessingUnit create() throws Exception;
    }

    TaskController(final String channel, final UnitFactory factory, final long timeoutNanos, final int maxAttempts,
        final Sink sink, final DeadLetterDirectory dead, final WorkerStats stats) {
        this.channel = channel;
        this.factory = factory;
        this.timeoutNanos = timeoutNanos;
        this.maxAttempts = maxAttempts;
        this.sink = sink;
        this.dead = dead;
        this.stats = stats;
    }

    /** Starts the unit now, so a broken command fails at worker start rather than on the first tuple. */
    void start() throws Exception {
        unit = factory.create();
        runner = newRunner();
    }

    /** @return the unit currently running, or null */
    ProcessingUnit unit() {
        return unit;
    }

    void handle(final Tuple tuple) {
        for (int attempt = 1; ; attempt++) {
            final ByteBuffer output;
            try {
                if (unit == null) {
                    unit = factory.create();
                }
                final ProcessingUnit current = unit;
                final Future<ByteBuffer> f = runner.submit(() -> current.process(tuple));
                try {
                    output = f.get(timeoutNanos, TimeUnit.NANOSECONDS);
                } catch (final TimeoutException e) {
                    stats.timeouts.increment();
                    f.cancel(true);
                    restart();
                    fail(tuple, "timeout", "over the time limit of " + timeoutNanos / 1_000_000 + " ms; unit restarted");
                    return;
                }
            } catch (final ExecutionException e) {
                final Throwable cause = e.getCause();
                if (cause instanceof UnitCrashedException crash) {
                    stats.crashes.increment();
                    restart();
                    if (attempt < maxAttempts) {
                        stats.redelivered.increment();
                        LOG.log(System.Logger.Level.WARNING, channel + ": " + crash.getMessage() + "; unit restarted, "
                            + "redelivering tuple " + tuple.id() + " (attempt " + (attempt + 1) + " of " + maxAttempts + ")");
                        continue;
                    }
                    fail(tuple, "crashed", crash.getMessage() + "; gave up after " + maxAttempts + " attempts");
                    return;
                }
                fail(tuple, "processor-error", String.valueOf(cause));
                return;
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(tuple, "interrupted", "the worker stopped while processing");
                return;
            } catch (final Exception e) {
                restart();
                if (attempt < maxAttempts) {
                    continue;
                }
                fail(tuple, "unit-start", "cannot start the unit: " + e.getMessage());
                return;
            }
            try {
                sink.accept(tuple.id(), tuple.processor(), output == null ? ByteBuffer.allocate(0) : output);
                stats.processed.increment();
            } catch (final Exception e) {
                fail(tuple, "sink-error", "cannot store the output in " + sink + ": " + e.getMessage());
            }
            return;
        }
    }

    private void fail(final Tuple tuple, final String reason, final String detail) {
        stats.failed.increment();
        LOG.log(System.Logger.Level.WARNING, channel + ": tuple " + tuple.id() + " failed (" + reason + "): " + detail);
        dead.keep(channel, tuple, reason, detail);
    }

    /** Stops the unit and its runner thread; the next tuple starts a new unit. */
    private void restart() {
        if (unit != null) {
            unit.close();
            unit = null;
        }
        runner.shutdownNow();
        runner = newRunner();
    }

    private ExecutorService newRunner() {
        return Executors.newSingleThreadExecutor(r -> {
            final Thread t = new Thread(r, channel + "-unit");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        if (unit != null) {
            unit.close();
        }
        if (runner != null) {
            runner.shutdownNow();
        }
    }
}
