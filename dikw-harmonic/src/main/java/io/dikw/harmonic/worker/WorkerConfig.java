package io.dikw.harmonic.worker;

import io.dikw.harmonic.frame.FrameDescriptor;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a worker runs.
 *
 * @param master the master's HTTP base URL
 * @param token the access token
 * @param processor the processor name sources address (for a Java unit, the {@code ServiceLoader} name)
 * @param command the external command to run as the unit, or empty for the Java processor
 * @param channels how many channels (one persistent unit each); default one per core
 * @param bindHost where the channels listen
 * @param advertiseHost the host sources are told to connect to
 * @param payloadLimit largest tuple accepted
 * @param timeout longest a unit may take on one tuple
 * @param maxAttempts how often a tuple is delivered to a unit that keeps crashing
 * @param deadDir where failed tuples are kept
 * @param name the worker's name (status page, failure log)
 */
public record WorkerConfig(URI master, String token, String processor, List<String> command, int channels,
                           String bindHost, String advertiseHost, long payloadLimit, Duration timeout, int maxAttempts,
                           Path deadDir, String name) {
    /** Checks the values. */
    public WorkerConfig {
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(processor, "processor");
        command = List.copyOf(command);
        if (channels < 1) {
            throw new IllegalArgumentException("channels=" + channels + " must be >= 1");
        }
        FrameDescriptor.checkPayloadLimit(payloadLimit);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout=" + timeout + " must be positive");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts=" + maxAttempts + " must be >= 1");
        }
    }

    /**
     * @param master the master's URL
     * @param token the token
     * @param processor the processor name
     * @return one channel per core, localhost, 64 MiB tuples, 60 s limit, 3 attempts, dead letters in
     *     {@code harmonic-out/dead}
     */
    public static WorkerConfig defaults(final URI master, final String token, final String processor) {
        return new WorkerConfig(master, token, processor, List.of(), Runtime.getRuntime().availableProcessors(),
            "127.0.0.1", "127.0.0.1", 64L << 20, Duration.ofSeconds(60), 3, Path.of("harmonic-out", "dead"),
            "worker-" + ProcessHandle.current().pid());
    }

    /**
     * @param cmd the external command (empty = Java processor)
     * @return a copy
     */
    public WorkerConfig withCommand(final List<String> cmd) {
        return new WorkerConfig(master, token, processor, cmd, channels, bindHost, advertiseHost, payloadLimit, timeout,
            maxAttempts, deadDir, name);
    }

    /**
     * @param n channels
     * @param limit time limit per tuple
     * @return a copy
     */
    public WorkerConfig withChannels(final int n, final Duration limit) {
        return new WorkerConfig(master, token, processor, command, n, bindHost, advertiseHost, payloadLimit, limit,
            maxAttempts, deadDir, name);
    }

    /**
     * @param dir dead-letter directory
     * @param workerName the worker's name
     * @return a copy
     */
    public WorkerConfig withDeadDir(final Path dir, final String workerName) {
        return new WorkerConfig(master, token, processor, command, channels, bindHost, advertiseHost, payloadLimit,
            timeout, maxAttempts, dir, workerName);
    }

    /**
     * @param bind where channels listen
     * @param advertise the host sources use
     * @param limit payload limit
     * @return a copy
     */
    public WorkerConfig withNetwork(final String bind, final String advertise, final long limit) {
        return new WorkerConfig(master, token, processor, command, channels, bind, advertise, limit, timeout,
            maxAttempts, deadDir, name);
    }
}
