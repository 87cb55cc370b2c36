package io.dikw.harmonic.processor;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An example external processing unit (run by a worker with
 * {@code --command "java -cp JAR io.dikw.harmonic.processor.ExampleUnit"}), speaking
 * {@link StdioProtocol}. It upper-cases ASCII payloads. For demos and fault tests, a payload that
 * starts with {@code SLEEP ms} waits that long first, and one that starts with {@code FAIL}
 * answers with an error.
 */
public final class ExampleUnit {
    private ExampleUnit() {
    }

    /**
     * @param args ignored
     * @throws IOException when stdin/stdout fail
     * @throws InterruptedException when interrupted while sleeping
     */
    public static void main(final String[] args) throws IOException, InterruptedException {
        final DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        final DataOutputStream out = new DataOutputStream(new BufferedOutputStream(System.out, 1 << 16));
        StdioProtocol.Request request;
        while ((request = StdioProtocol.readRequest(in, Integer.MAX_VALUE - 64)) != null) {
            final String head = new String(request.payload(), 0, Math.min(64, request.payload().length),
                StandardCharsets.ISO_8859_1);
            if (head.startsWith("FAIL")) {
                StdioProtocol.writeResponse(out, request.tupleId(), true,
                    ("payload asked to fail: " + head.lines().findFirst().orElse("")).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (head.startsWith("SLEEP ")) {
                Thread.sleep(Long.parseLong(head.substring(6).split("\\s", 2)[0]));
            }
            final byte[] output = new String(request.payload(), StandardCharsets.ISO_8859_1)
                .toUpperCase(Locale.ROOT).getBytes(StandardCharsets.ISO_8859_1);
            StdioProtocol.writeResponse(out, request.tupleId(), false, output);
        }
    }
}
