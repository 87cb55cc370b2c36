package io.dikw.collectives.bench;

import io.dikw.collectives.plan.Algorithm;
import java.io.Serializable;

/**
 * One measured point of the broadcast benchmark.
 *
 * @param algorithm the algorithm
 * @param tasks target tasks N
 * @param bytes message size
 * @param rounds round trips measured
 * @param p50Micros median round-trip latency S → B → W×N → G (all N received)
 * @param p99Micros 99th percentile of that latency
 * @param meanMicros mean of that latency
 * @param broadcastsPerSecond broadcasts fully received by G per second
 * @param messagesPerSecond messages received by G per second (N per broadcast)
 */
public record BenchPoint(Algorithm algorithm, int tasks, int bytes, int rounds, double p50Micros, double p99Micros,
    double meanMicros, double broadcastsPerSecond, double messagesPerSecond) implements Serializable {
}
