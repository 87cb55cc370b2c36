package io.dikw.harmonic.master;

import io.dikw.harmonic.auth.AccessToken;
import io.dikw.harmonic.frame.FrameDescriptor;
import java.time.Duration;
import java.util.Objects;

/**
 * How a master runs. Build from {@link #defaults(AccessToken)} and the {@code with*} methods.
 *
 * @param bindHost the address both servers listen on (127.0.0.1 unless told otherwise)
 * @param advertiseHost the host sources are told to send queued tuples to
 * @param httpPort the HTTP API port (0 = any free one)
 * @param dataPort the data-plane port of the queue (0 = any free one)
 * @param token the access token every call must present
 * @param queueCapacity most tuples held in the queue
 * @param queueMemory most payload bytes held in the queue
 * @param payloadLimit largest tuple accepted, in bytes
 * @param reservationTimeout how long a channel handed to a source stays reserved without the tuple arriving
 */
public record MasterConfig(String bindHost, String advertiseHost, int httpPort, int dataPort, AccessToken token,
                           int queueCapacity, long queueMemory, long payloadLimit, Duration reservationTimeout) {
    /** Default queue capacity. */
    public static final int QUEUE_CAPACITY_DEFAULT = 10_000;
    /** Default queue memory: 512 MiB. */
    public static final long QUEUE_MEMORY_DEFAULT = 512L << 20;
    /** Default payload limit: 64 MiB. */
    public static final long PAYLOAD_LIMIT_DEFAULT = 64L << 20;

    /** Checks the values. */
    public MasterConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(advertiseHost, "advertiseHost");
        Objects.requireNonNull(token, "token");
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity=" + queueCapacity + " must be >= 1");
        }
        FrameDescriptor.checkPayloadLimit(payloadLimit);
        if (queueMemory < payloadLimit) {
            throw new IllegalArgumentException("queueMemory=" + queueMemory + " must be >= payloadLimit=" + payloadLimit
                + " (the queue must hold at least one tuple)");
        }
    }

    /**
     * @param token the access token
     * @return localhost, free ports, the default limits
     */
    public static MasterConfig defaults(final AccessToken token) {
        return new MasterConfig("127.0.0.1", "127.0.0.1", 0, 0, token, QUEUE_CAPACITY_DEFAULT, QUEUE_MEMORY_DEFAULT,
            PAYLOAD_LIMIT_DEFAULT, Duration.ofSeconds(10));
    }

    /**
     * @param host bind address (also advertised unless it is a wildcard)
     * @param http HTTP port
     * @param data data port
     * @return a copy listening there
     */
    public MasterConfig withAddress(final String host, final int http, final int data) {
        final String advertise = "0.0.0.0".equals(host) || "::".equals(host) ? advertiseHost : host;
        return new MasterConfig(host, advertise, http, data, token, queueCapacity, queueMemory, payloadLimit,
            reservationTimeout);
    }

    /**
     * @param host the host name sources use to reach this master's data port
     * @return a copy advertising it
     */
    public MasterConfig withAdvertiseHost(final String host) {
        return new MasterConfig(bindHost, host, httpPort, dataPort, token, queueCapacity, queueMemory, payloadLimit,
            reservationTimeout);
    }

    /**
     * @param capacity most tuples queued
     * @param memory most payload bytes queued
     * @param limit largest payload
     * @return a copy with these limits
     */
    public MasterConfig withLimits(final int capacity, final long memory, final long limit) {
        return new MasterConfig(bindHost, advertiseHost, httpPort, dataPort, token, capacity, memory, limit,
            reservationTimeout);
    }
}
