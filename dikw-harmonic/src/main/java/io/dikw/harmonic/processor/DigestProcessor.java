package io.dikw.harmonic.processor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** {@code sha256}: returns "SIZE SHA-256-HEX\n" of the payload, a small output for large tuples. */
public final class DigestProcessor implements Processor {
    private final MessageDigest digest;

    /** Creates the processor. */
    public DigestProcessor() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    @Override
    public String name() {
        return "sha256";
    }

    @Override
    public ByteBuffer process(final Tuple tuple) {
        final int size = tuple.payload().remaining();
        digest.reset();
        digest.update(tuple.payload().duplicate());
        final String line = size + " " + HexFormat.of().formatHex(digest.digest()) + "\n";
        return ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
    }
}
