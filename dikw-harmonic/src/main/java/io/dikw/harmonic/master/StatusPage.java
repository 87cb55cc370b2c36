package io.dikw.harmonic.master;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders the master's status as a small self-refreshing HTML page (no scripts, no assets). */
final class StatusPage {
    private StatusPage() {
    }

    @SuppressWarnings("unchecked")
    static String render(final Map<String, Object> s) {
        final StringBuilder h = new StringBuilder(4096);
        h.append("<!doctype html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"2\">")
            .append("<title>HarmonicIO master</title><style>body{font-family:sans-serif;margin:2em}")
            .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}")
            .append(".free{background:#dfd}.busy{background:#fdd}.reserved{background:#ffd}</style></head><body>")
            .append("<h1>HarmonicIO master</h1><p>")
            .append(String.format(Locale.ROOT, "Throughput: <b>%.1f tuples/s</b>, <b>%.1f MB/s</b> (last 10 s). ",
                ((Number) s.get("tuplesPerSecond")).doubleValue(), ((Number) s.get("megabytesPerSecond")).doubleValue()))
            .append("Channels: <b>").append(s.get("channelsFree")).append(" free</b>, <b>")
            .append(s.get("channelsBusy")).append(" busy or reserved</b>. Queue: <b>").append(s.get("queueLength"))
            .append("</b> of ").append(s.get("queueCapacity")).append(" tuples, ")
            .append(((Number) s.get("queueBytes")).longValue() >> 20).append(" of ")
            .append(((Number) s.get("queueMemory")).longValue() >> 20).append(" MiB.</p><p>Tuples: ")
            .append(s.get("tuplesIssued")).append(" issued, ").append(s.get("sentToChannels")).append(" sent straight to channels, ")
            .append(s.get("sentToQueue")).append(" via the queue, ").append(s.get("redeliveredFromQueue"))
            .append(" requeued after a channel died. Rejected frames: ").append(escape(String.valueOf(s.get("rejectedFrames"))))
            .append("</p><table><tr><th>worker</th><th>host</th><th>processor</th><th>channels</th><th>processed</th>")
            .append("<th>failed</th><th>redelivered</th><th>load</th></tr>");
        for (final Map<String, Object> w : (List<Map<String, Object>>) s.get("workers")) {
            final Map<String, Object> r = (Map<String, Object>) w.get("report");
            h.append("<tr><td>").append(escape(String.valueOf(w.get("name")))).append("</td><td>")
                .append(escape(String.valueOf(w.get("host")))).append("</td><td>")
                .append(escape(String.valueOf(w.get("processor")))).append("</td><td>");
            for (final Map<String, Object> c : (List<Map<String, Object>>) w.get("channels")) {
                h.append("<span class=\"").append(c.get("state")).append("\">&nbsp;").append(c.get("index"))
                    .append(' ').append(c.get("state")).append("&nbsp;</span> ");
            }
            h.append("</td><td>").append(r.getOrDefault("processed", 0)).append("</td><td>")
                .append(r.getOrDefault("failed", 0)).append("</td><td>").append(r.getOrDefault("redelivered", 0))
                .append("</td><td>").append(r.getOrDefault("load", "-")).append("</td></tr>");
        }
        return h.append("</table><p>JSON: <code>GET /api/status</code></p></body></html>").toString();
    }

    private static String escape(final String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
