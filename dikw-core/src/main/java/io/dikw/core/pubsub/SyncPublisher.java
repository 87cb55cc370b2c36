package io.dikw.core.pubsub;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;

/**
 * The coordinator's end of the sync channel: publishes numbered sync messages on a topic, where
 * every {@link SyncSubscriber} bound to it receives them.
 *
 * <p>Each {@link #publish} waits until the broker has accepted the message, so a return means
 * the message is routed to every subscriber connected at that moment. When the connection is
 * lost, {@code publish} reconnects and sends again, warning once per outage, until it succeeds or
 * the reconnect deadline passes. A message the broker accepted just before the connection broke
 * may thus be delivered twice; subscribers tell by the sequence number. When subscribers fall far
 * behind and the broker holds too much for them, {@code publish} blocks until they catch up
 * (back-pressure; the reconnect deadline does not apply). Thread-safe: concurrent calls are sent
 * one after another.
 */
public final class SyncPublisher implements AutoCloseable {
    /** How long {@link #publish} keeps reconnecting before it gives up. */
    public static final Duration DEFAULT_RECONNECT_DEADLINE = Duration.ofSeconds(60);

    private final String url;
    private final SimpleString topic;
    private final Consumer<String> warnings;
    private final long deadlineNanos;
    private final ServerLocator locator;
    private volatile boolean closed;
    private ClientSessionFactory factory;
    private ClientSession session;
    private ClientProducer producer;

    private SyncPublisher(final String url, final String topic, final Consumer<String> warnings,
                          final Duration reconnectDeadline) {
        this.url = url;
        this.topic = SimpleString.of(topic);
        this.warnings = warnings;
        this.deadlineNanos = reconnectDeadline.toNanos();
        this.locator = SyncChannel.locator(url);
    }

    /**
     * Connects with the {@link #DEFAULT_RECONNECT_DEADLINE}.
     *
     * @see #connect(String, String, Consumer, Duration)
     */
    public static SyncPublisher connect(final String brokerUrl, final String topic, final Consumer<String> warnings) {
        return connect(brokerUrl, topic, warnings, DEFAULT_RECONNECT_DEADLINE);
    }

    /**
     * Connects to the broker, failing within a few seconds when none answers.
     *
     * @param brokerUrl the broker, e.g. "tcp://127.0.0.1:61616"
     * @param topic the address to publish on
     * @param warnings receives one line per connection outage
     * @param reconnectDeadline how long {@link #publish} keeps trying after a lost connection
     * @return a connected publisher
     * @throws BrokerUnavailableException when no broker answers at {@code brokerUrl}
     */
    public static SyncPublisher connect(final String brokerUrl, final String topic, final Consumer<String> warnings,
                                        final Duration reconnectDeadline) {
        Objects.requireNonNull(brokerUrl, "brokerUrl can't be null");
        Objects.requireNonNull(warnings, "warnings can't be null");
        Objects.requireNonNull(reconnectDeadline, "reconnectDeadline can't be null");
        if (reconnectDeadline.isNegative()) {
            throw new IllegalArgumentException("reconnectDeadline must not be negative: " + reconnectDeadline);
        }
        final SyncPublisher publisher = new SyncPublisher(brokerUrl, SyncChannel.requireTopic(topic), warnings,
            reconnectDeadline);
        try {
            publisher.open();
        } catch (final Exception e) {
            publisher.close();
            throw new BrokerUnavailableException(brokerUrl, SyncChannel.noBrokerMessage(brokerUrl, e), e);
        }
        return publisher;
    }

    /**
     * Sends one sync message and waits until the broker has accepted it, reconnecting as needed.
     *
     * @param sequence the sync message's number, delivered with it
     * @param payload the message body (not copied; do not change it during the call)
     * @throws BrokerUnavailableException when the broker stays unreachable past the deadline
     * @throws IllegalStateException when the publisher is closed
     */
    public synchronized void publish(final long sequence, final byte[] payload) {
        Objects.requireNonNull(payload, "payload can't be null");
        final long deadline = System.nanoTime() + deadlineNanos;
        long pause = SyncChannel.MIN_RETRY_PAUSE_MS;
        boolean warned = false;
        while (true) {
            checkOpen();
            Exception failure;
            try {
                if (producer == null) {
                    open();
                }
                producer.send(SyncChannel.encode(session, sequence, payload));
                return;
            } catch (final Exception e) {
                failure = e;
            }
            dropConnection();
            checkOpen();
            if (!warned) {
                warned = true;
                warnings.accept("sync channel: lost connection to broker " + url + " while publishing sequence "
                    + sequence + " (" + SyncChannel.describe(failure) + "); reconnecting for up to "
                    + TimeUnit.NANOSECONDS.toSeconds(deadlineNanos) + " s");
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new BrokerUnavailableException(url, "No ActiveMQ Artemis broker answered at " + url + " for "
                    + TimeUnit.NANOSECONDS.toSeconds(deadlineNanos) + " s while publishing sequence " + sequence
                    + " (" + SyncChannel.describe(failure) + "). Check that the broker is running, or omit "
                    + "--broker to use the embedded one.", failure);
            }
            final long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            try {
                wait(Math.max(1, Math.min(pause, left)));
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BrokerUnavailableException(url, "interrupted while reconnecting to broker " + url, e);
            }
            pause = Math.min(pause * 2, SyncChannel.MAX_RETRY_PAUSE_MS);
        }
    }

    /** @return the broker URL this publisher sends to */
    public String url() {
        return url;
    }

    /**
     * Disconnects; a {@link #publish} blocked in another thread fails. Safe to call more than
     * once.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Closing the locator closes its sessions, which releases a send blocked on the broker.
        locator.close();
        synchronized (this) {
            dropConnection();
            notifyAll();
        }
    }

    private void open() throws Exception {
        factory = locator.createSessionFactory();
        session = factory.createSession(false, true, true);
        producer = session.createProducer(topic);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("publisher for " + url + " is closed");
        }
    }

    private void dropConnection() {
        SyncChannel.closeQuietly(producer == null ? null : producer::close);
        SyncChannel.closeQuietly(session == null ? null : session::close);
        SyncChannel.closeQuietly(factory == null ? null : factory::close);
        producer = null;
        session = null;
        factory = null;
    }
}
