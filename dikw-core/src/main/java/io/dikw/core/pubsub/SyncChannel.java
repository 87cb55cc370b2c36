package io.dikw.core.pubsub;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;

/**
 * What publisher and subscriber share: client settings, the message layout and the error text.
 *
 * <p>Message layout: a non-durable core message whose long property {@value #SEQUENCE_PROPERTY}
 * holds the sequence number and whose body is the payload. A payload of at least
 * {@link #LARGE_MESSAGE_BYTES} goes as an Artemis large message, streamed in chunks of that size,
 * so a message of tens of MB never occupies one network frame (pings keep flowing) and is not
 * copied whole on the way out.
 */
final class SyncChannel {
    /** Message property carrying the sequence number. */
    static final String SEQUENCE_PROPERTY = "dikw_sync_seq";
    /** Payloads of this size or more are streamed as large messages, in chunks of this size. */
    static final int LARGE_MESSAGE_BYTES = 512 * 1024;
    /** How long to wait for a TCP connection to a broker. */
    static final int CONNECT_TIMEOUT_MS = 3_000;
    /** How long to wait for a broker's answer to a blocking call (session, queue, send). */
    static final long CALL_TIMEOUT_MS = 5_000;
    /** A connection with no traffic (pings included) for this long counts as lost. */
    static final long FAILURE_CHECK_PERIOD_MS = 5_000;
    /** The broker drops a client it has not heard from for this long (and its queue with it). */
    static final long CONNECTION_TTL_MS = 15_000;
    /** First pause between reconnect attempts; it doubles up to {@link #MAX_RETRY_PAUSE_MS}. */
    static final long MIN_RETRY_PAUSE_MS = 50;
    /** Longest pause between reconnect attempts. */
    static final long MAX_RETRY_PAUSE_MS = 1_000;

    private SyncChannel() {
    }

    /**
     * A locator for one URL that never reconnects on its own: publisher and subscriber rebuild
     * their session themselves, which also covers a restarted broker that lost all queues.
     */
    static ServerLocator locator(final String url) {
        final ServerLocator locator;
        try {
            locator = ActiveMQClient.createServerLocator(url);
        } catch (final Exception e) {
            throw new IllegalArgumentException("not a broker URL (expected tcp://HOST:PORT): url=" + url, e);
        }
        for (final TransportConfiguration transport : locator.getStaticTransportConfigurations()) {
            transport.getParams().putIfAbsent(TransportConstants.NETTY_CONNECT_TIMEOUT, CONNECT_TIMEOUT_MS);
        }
        return locator
            .setReconnectAttempts(0)
            .setInitialConnectAttempts(1)
            .setUseTopologyForLoadBalancing(false)
            .setCallTimeout(CALL_TIMEOUT_MS)
            .setClientFailureCheckPeriod(FAILURE_CHECK_PERIOD_MS)
            .setConnectionTTL(CONNECTION_TTL_MS)
            .setMinLargeMessageSize(LARGE_MESSAGE_BYTES)
            .setBlockOnNonDurableSend(true)
            .setPreAcknowledge(true);
    }

    /** @return a non-durable multicast message carrying {@code sequence} and {@code payload} */
    static ClientMessage encode(final ClientSession session, final long sequence, final byte[] payload) {
        final ClientMessage message = session.createMessage(false);
        message.putLongProperty(SEQUENCE_PROPERTY, sequence);
        message.setRoutingType(RoutingType.MULTICAST);
        if (payload.length >= LARGE_MESSAGE_BYTES) {
            message.setBodyInputStream(new ByteArrayInputStream(payload));
        } else {
            message.getBodyBuffer().writeBytes(payload);
        }
        return message;
    }

    /**
     * @return the message's sequence number and payload, or null when it carries no sequence
     *     number (not a sync message)
     * @throws ActiveMQException when the body of a large message cannot be read
     */
    static SyncSubscriber.Received decode(final ClientMessage message) throws ActiveMQException {
        if (!message.containsProperty(SEQUENCE_PROPERTY)) {
            return null;
        }
        final long sequence = message.getLongProperty(SEQUENCE_PROPERTY);
        final ArrayOutput body = new ArrayOutput(message.getBodySize());
        message.saveToOutputStream(body);
        return new SyncSubscriber.Received(sequence, body.array());
    }

    /** @return the message of a {@link BrokerUnavailableException} for a failed first connect */
    static String noBrokerMessage(final String url, final Throwable cause) {
        return "No ActiveMQ Artemis broker answered at " + url + " within "
            + TimeUnit.MILLISECONDS.toSeconds(CALL_TIMEOUT_MS) + " s (" + describe(cause) + "). "
            + "Start a broker at that address, or omit --broker to use the embedded one.";
    }

    /** @return a one-line description of a client error, without a stack trace */
    static String describe(final Throwable error) {
        if (error == null) {
            return "no detail";
        }
        final String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    /** Checks a topic name: not null, not blank. */
    static String requireTopic(final String topic) {
        Objects.requireNonNull(topic, "topic can't be null");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank: topic='" + topic + "'");
        }
        return topic;
    }

    /** Sleeps; returns false, with the interrupt flag set again, when interrupted. */
    static boolean pause(final long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs an Artemis close call, ignoring failures: the connection may already be gone. */
    static void closeQuietly(final Closer closer) {
        if (closer == null) {
            return;
        }
        try {
            closer.close();
        } catch (final ActiveMQException | RuntimeException ignored) {
            // Broken or closed already; nothing left to release.
        }
    }

    /** A close call of an Artemis client object. */
    @FunctionalInterface
    interface Closer {
        void close() throws ActiveMQException;
    }

    /** Writes a message body straight into an array of the announced size (no second copy). */
    private static final class ArrayOutput extends OutputStream {
        private byte[] bytes;
        private int size;

        ArrayOutput(final int expected) {
            bytes = new byte[Math.max(0, expected)];
        }

        @Override
        public void write(final int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(final byte[] source, final int offset, final int length) {
            Objects.checkFromIndexSize(offset, length, source.length);
            ensure(length);
            System.arraycopy(source, offset, bytes, size, length);
            size += length;
        }

        private void ensure(final int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
            }
        }

        byte[] array() {
            return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
        }
    }
}
