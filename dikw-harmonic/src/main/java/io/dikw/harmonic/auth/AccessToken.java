package io.dikw.harmonic.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The shared secret every HTTP call and every data connection must present. Generated at master
 * start (printed once) or configured; compared in constant time.
 */
public final class AccessToken {
    private final byte[] secret;
    private final String text;

    private AccessToken(final String text) {
        this.text = text;
        this.secret = text.getBytes(StandardCharsets.UTF_8);
    }

    /** @return a fresh random token (128 bits, hex) */
    public static AccessToken generate() {
        final byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return new AccessToken(HexFormat.of().formatHex(bytes));
    }

    /**
     * @param text a configured token
     * @return the token
     * @throws IllegalArgumentException when it is shorter than 8 characters
     */
    public static AccessToken of(final String text) {
        Objects.requireNonNull(text, "token");
        if (text.length() < 8) {
            throw new IllegalArgumentException("the access token must have at least 8 characters (got " + text.length() + ")");
        }
        return new AccessToken(text);
    }

    /**
     * @param presented what a caller sent (may be null)
     * @return true when it is this token
     */
    public boolean matches(final String presented) {
        return presented != null && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the token's text (to print once or pass to workers) */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return "AccessToken[****]";
    }
}
