package io.dikw.bench.harmonic;

/**
 * One system carrying one payload size: how many messages of how many bytes in how long.
 *
 * @param system the system's name
 * @param messages messages delivered
 * @param payloadBytes bytes per message
 * @param seconds from the first send to the last message delivered
 */
record PayloadRun(String system, long messages, int payloadBytes, double seconds) {
    double messagesPerSecond() {
        return messages / seconds;
    }

    double megabytesPerSecond() {
        return messages * (double) payloadBytes / seconds / 1e6;
    }

    /** @return mean microseconds per message over the run (for a latency run: mean end-to-end latency) */
    double microsPerMessage() {
        return seconds * 1e6 / messages;
    }
}
