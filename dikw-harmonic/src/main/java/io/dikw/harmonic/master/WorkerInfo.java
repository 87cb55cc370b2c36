package io.dikw.harmonic.master;

import java.util.Map;

/** A registered worker as the master sees it; fields guarded by the {@link Scheduler}. */
final class WorkerInfo {
    final long id;
    final String name;
    final String host;
    final String processor;
    final Map<Integer, Integer> channelPorts;
    long lastReportNanos = System.nanoTime();
    Map<String, Object> report = Map.of();

    WorkerInfo(final long id, final String name, final String host, final String processor,
        final Map<Integer, Integer> channelPorts) {
        this.id = id;
        this.name = name;
        this.host = host;
        this.processor = processor;
        this.channelPorts = Map.copyOf(channelPorts);
    }

    long reported(final String key) {
        return report.get(key) instanceof Number n ? n.longValue() : 0;
    }
}
