package io.dikw.core.pubsub;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;

/**
 * A worker's end of the sync channel: receives every message published on a topic after
 * {@link #subscribe} returns, in publication order.
 *
 * <p>Each subscriber binds its own temporary, non-durable queue to the topic (multicast), so
 * every subscriber gets every message, and the broker drops the queue when the subscriber goes
 * away. One background thread takes messages from Artemis with a synchronous receive and puts
 * them in a bounded buffer that {@link #poll} drains. A synchronous receive rather than a message
 * handler, because a full buffer then simply stops the thread: Artemis's client window (about
 * 1 MiB) fills, the broker stops delivering to this subscriber, and, once the messages held for
 * it reach the broker's limit, the publisher blocks. Memory stays bounded at every step.
 *
 * <p>When the connection is lost (broker stopped, restarted, or unreachable), the thread warns
 * once per outage, naming the URL, and reconnects until it succeeds, recreating its queue, since
 * a restarted non-persistent broker has none. <b>Messages published during an outage are lost
 * for this subscriber</b>; that is by design: the coordinator republishes a sync message until
 * every worker has confirmed its sequence number.
 */
public final class SyncSubscriber implements AutoCloseable {
    /** How many received messages are buffered before the receive thread waits for {@link #poll}. */
    public static final int DEFAULT_BUFFER_MESSAGES = 16;
    private static final long RECEIVE_TICK_MS = 250;

    /**
     * One sync message.
     *
     * @param sequence the number the coordinator gave it
     * @param payload its body (owned by the receiver; equality is by reference)
     */
    public record Received(long sequence, byte[] payload) {
        /** Checks the payload is present. */
        public Received {
            Objects.requireNonNull(payload, "payload can't be null");
        }
    }

    private final String url;
    private final SimpleString topic;
    private final Consumer<String> warnings;
    private final ServerLocator locator;
    private final BlockingQueue<Received> buffer;
    private final Thread receiver;
    private volatile boolean closed;
    private Link link;

    private SyncSubscriber(final String url, final String topic, final Consumer<String> warnings,
                           final int bufferMessages) {
        this.url = url;
        this.topic = SimpleString.of(topic);
        this.warnings = warnings;
        this.locator = SyncChannel.locator(url);
        this.buffer = new ArrayBlockingQueue<>(bufferMessages);
        this.receiver = new Thread(this::receiveLoop, "dikw-sync-subscriber-" + topic);
        this.receiver.setDaemon(true);
    }

    /**
     * Subscribes with a buffer of {@link #DEFAULT_BUFFER_MESSAGES}.
     *
     * @see #subscribe(String, String, Consumer, int)
     */
    public static SyncSubscriber subscribe(final String brokerUrl, final String topic, final Consumer<String> warnings) {
        return subscribe(brokerUrl, topic, warnings, DEFAULT_BUFFER_MESSAGES);
    }

    /**
     * Connects and binds a queue to the topic; every message published after this returns is
     * received (barring outages, see the class comment).
     *
     * @param brokerUrl the broker, e.g. "tcp://127.0.0.1:61616"
     * @param topic the address to listen on
     * @param warnings receives one line per connection outage or unreadable message; called on
     *     the receive thread
     * @param bufferMessages how many messages may wait for {@link #poll} (positive)
     * @return a subscriber that is receiving
     * @throws BrokerUnavailableException when no broker answers at {@code brokerUrl}
     */
    public static SyncSubscriber subscribe(final String brokerUrl, final String topic, final Consumer<String> warnings,
                                           final int bufferMessages) {
        Objects.requireNonNull(brokerUrl, "brokerUrl can't be null");
        Objects.requireNonNull(warnings, "warnings can't be null");
        if (bufferMessages <= 0) {
            throw new IllegalArgumentException("bufferMessages must be positive: bufferMessages=" + bufferMessages);
        }
        final SyncSubscriber subscriber = new SyncSubscriber(brokerUrl, SyncChannel.requireTopic(topic), warnings,
            bufferMessages);
        try {
            subscriber.link = subscriber.openLink();
        } catch (final Exception e) {
            subscriber.close();
            throw new BrokerUnavailableException(brokerUrl, SyncChannel.noBrokerMessage(brokerUrl, e), e);
        }
        subscriber.receiver.start();
        return subscriber;
    }

    /**
     * @param timeout how long to wait for a message
     * @return the next message, or null when none came within {@code timeout}, the calling
     *     thread was interrupted (flag kept), or the subscriber is closed
     */
    public Received poll(final Duration timeout) {
        Objects.requireNonNull(timeout, "timeout can't be null");
        if (closed) {
            return null;
        }
        try {
            return buffer.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** @return the broker URL this subscriber listens to */
    public String url() {
        return url;
    }

    /** Stops receiving and disconnects (the broker deletes the queue). Safe to call more than once. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Closing the locator closes the session, which wakes a receive in progress; the receive
        // thread is never interrupted inside the Artemis client.
        locator.close();
        if (receiver.isAlive() && Thread.currentThread() != receiver) {
            try {
                receiver.join(TimeUnit.SECONDS.toMillis(10));
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!receiver.isAlive()) {
            dropLink();
        }
        buffer.clear();
    }

    /** The receive thread: receive, hand over, and reconnect after a lost connection. */
    private void receiveLoop() {
        long pause = SyncChannel.MIN_RETRY_PAUSE_MS;
        boolean inOutage = false;
        while (!closed) {
            try {
                if (link == null) {
                    link = openLink();
                    inOutage = false;
                    pause = SyncChannel.MIN_RETRY_PAUSE_MS;
                }
                final ClientMessage message = link.consumer.receive(RECEIVE_TICK_MS);
                if (message != null) {
                    handOver(message);
                } else if (link.session.isClosed() || link.consumer.isClosed()) {
                    throw new IllegalStateException("connection closed by the broker");
                }
            } catch (final Exception e) {
                if (closed) {
                    break;
                }
                dropLink();
                if (!inOutage) {
                    inOutage = true;
                    warn("sync channel: lost connection to broker " + url + " (" + SyncChannel.describe(e)
                        + "); reconnecting; messages published on '" + topic + "' until then are lost here");
                }
                SyncChannel.pause(pause);
                pause = Math.min(pause * 2, SyncChannel.MAX_RETRY_PAUSE_MS);
            }
        }
        dropLink();
    }

    private void handOver(final ClientMessage message) throws Exception {
        final Received received = SyncChannel.decode(message);
        if (received == null) {
            warn("sync channel: ignored a message on '" + topic + "' from " + url + " without the "
                + SyncChannel.SEQUENCE_PROPERTY + " property (not a sync message)");
            return;
        }
        while (!closed) {
            if (buffer.offer(received, RECEIVE_TICK_MS, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    /** Passes a warning on; a failing warnings consumer must not stop the receive thread. */
    private void warn(final String warning) {
        try {
            warnings.accept(warning);
        } catch (final RuntimeException ignored) {
            // The warning is lost, the subscriber keeps receiving.
        }
    }

    private Link openLink() throws Exception {
        final ClientSessionFactory factory = locator.createSessionFactory();
        try {
            final ClientSession session = factory.createSession(false, true, true, true);
            final SimpleString queue = SimpleString.of(topic + ".sub." + UUID.randomUUID());
            session.createQueue(QueueConfiguration.of(queue)
                .setAddress(topic)
                .setRoutingType(RoutingType.MULTICAST)
                .setDurable(false)
                .setTemporary(true));
            final ClientConsumer consumer = session.createConsumer(queue);
            session.start();
            return new Link(factory, session, consumer);
        } catch (final Exception | Error e) {
            factory.close();
            throw e;
        }
    }

    private void dropLink() {
        final Link dropped = link;
        link = null;
        if (dropped != null) {
            SyncChannel.closeQuietly(dropped.consumer::close);
            SyncChannel.closeQuietly(dropped.session::close);
            SyncChannel.closeQuietly(dropped.factory::close);
        }
    }

    /** One connection's worth of client objects. */
    private record Link(ClientSessionFactory factory, ClientSession session, ClientConsumer consumer) {
    }
}
