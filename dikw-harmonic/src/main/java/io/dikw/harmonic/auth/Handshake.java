package io.dikw.harmonic.auth;

import io.dikw.harmonic.frame.Frame;
import io.dikw.harmonic.frame.FrameConnection;
import io.dikw.harmonic.frame.FrameException;
import io.dikw.harmonic.frame.FrameRejections;
import io.dikw.harmonic.frame.FrameType;
import java.io.IOException;

/** The server side of a data connection's first frame: a HELLO with the right token, or out. */
public final class Handshake {
    private Handshake() {
    }

    /**
     * Reads the HELLO (with the small pre-authentication payload limit) and checks the token. On
     * failure it counts the reason, sends a REJECT saying why and closes the connection. On
     * success the caller answers with an ACK once it accepts the role.
     *
     * @param conn a freshly accepted connection
     * @param token the token to match
     * @param rejections where failures are counted
     * @return the role the peer claimed, or null when refused
     */
    public static String accept(final FrameConnection conn, final AccessToken token, final FrameRejections rejections) {
        conn.reader().payloadLimit(FrameConnection.HELLO_PAYLOAD_LIMIT);
        final Frame hello;
        try {
            hello = conn.reader().read();
        } catch (final FrameException e) {
            rejections.count(e.reason());
            conn.rejectAndClose(e.reason(), 0, e.getMessage());
            return null;
        } catch (final IOException e) {
            conn.close();
            return null;
        }
        if (hello == null) {
            conn.close();
            return null;
        }
        if (hello.type() != FrameType.HELLO) {
            rejections.count("hello-expected");
            conn.rejectAndClose("hello-expected", hello.tupleId(), "the first frame must be HELLO, got " + hello.type());
            return null;
        }
        if (!token.matches(hello.payloadText())) {
            rejections.count("unauthorized");
            conn.rejectAndClose("unauthorized", 0, "wrong or missing access token in HELLO: use the token the master "
                + "printed at start (or its --token)");
            return null;
        }
        return hello.name();
    }
}
