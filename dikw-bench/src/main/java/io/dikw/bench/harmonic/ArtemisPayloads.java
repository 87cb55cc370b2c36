package io.dikw.bench.harmonic;

import io.dikw.core.pubsub.EmbeddedBroker;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;

/**
 * The same workload through a broker: producers send non-durable messages to an anycast queue of
 * the embedded Artemis broker, one consumer per producer takes them off; a broker in the data path
 * (what HarmonicIO avoids). Messages stay below the large-message threshold.
 */
final class ArtemisPayloads implements PayloadSystem, AutoCloseable {
    private final EmbeddedBroker broker = EmbeddedBroker.start(0);

    @Override
    public String name() {
        return "artemis";
    }

    @Override
    public PayloadRun latency(final int size, final long messages) throws Exception {
        final String queue = "bench-" + System.nanoTime();
        try (ServerLocator locator = locator(size);
             ClientSessionFactory f = locator.createSessionFactory();
             ClientSession s = f.createSession(false, true, true)) {
            s.createQueue(QueueConfiguration.of(queue).setAddress(queue).setRoutingType(RoutingType.ANYCAST)
                .setDurable(false));
            final ClientProducer producer = s.createProducer(queue);
            final ClientConsumer consumer = s.createConsumer(queue);
            s.start();
            final byte[] payload = new byte[size];
            new Random(7).nextBytes(payload);
            final long start = System.nanoTime();
            for (long i = 0; i < messages; i++) {
                final ClientMessage m = s.createMessage(false);
                m.getBodyBuffer().writeBytes(payload);
                producer.send(m);
                final ClientMessage got = consumer.receive(60_000);
                if (got == null) {
                    throw new IllegalStateException("Artemis lost message " + i);
                }
                got.acknowledge();
            }
            return new PayloadRun(name(), messages, size, (System.nanoTime() - start) / 1e9);
        }
    }

    private ServerLocator locator(final int size) throws Exception {
        return ActiveMQClient.createServerLocator(broker.url())
            .setMinLargeMessageSize(Math.max(size + 4096, 100 * 1024))
            .setBlockOnNonDurableSend(false)
            .setConfirmationWindowSize(-1);
    }

    @Override
    public PayloadRun throughput(final int size, final long messages, final int producers) throws Exception {
        final String queue = "bench-" + System.nanoTime();
        try (ServerLocator locator = locator(size)) {
            try (ClientSessionFactory admin = locator.createSessionFactory(); ClientSession s = admin.createSession()) {
                s.createQueue(QueueConfiguration.of(queue).setAddress(queue).setRoutingType(RoutingType.ANYCAST)
                    .setDurable(false));
            }
            final AtomicLong received = new AtomicLong();
            final long share = messages / producers;
            final long expected = share * producers;
            final Thread[] threads = new Thread[producers * 2];
            final Exception[] failure = new Exception[1];
            final long start = System.nanoTime();
            for (int p = 0; p < producers; p++) {
                final int seed = p;
                threads[2 * p] = new Thread(() -> {
                    try (ClientSessionFactory f = locator.createSessionFactory(); ClientSession s = f.createSession()) {
                        final byte[] payload = new byte[size];
                        new Random(seed).nextBytes(payload);
                        final ClientProducer producer = s.createProducer(queue);
                        for (long i = 0; i < share; i++) {
                            final ClientMessage m = s.createMessage(false);
                            m.getBodyBuffer().writeBytes(payload);
                            producer.send(m);
                        }
                    } catch (final Exception e) {
                        failure[0] = e;
                    }
                });
                threads[2 * p + 1] = new Thread(() -> {
                    try (ClientSessionFactory f = locator.createSessionFactory();
                         ClientSession s = f.createSession(false, true, true)) {
                        final ClientConsumer consumer = s.createConsumer(queue);
                        s.start();
                        while (received.get() < expected) {
                            final ClientMessage m = consumer.receive(200);
                            if (m != null) {
                                m.acknowledge();
                                if (m.getBodySize() > 0) {
                                    received.incrementAndGet();
                                }
                            }
                        }
                    } catch (final Exception e) {
                        failure[0] = e;
                    }
                });
            }
            for (final Thread t : threads) {
                t.start();
            }
            for (final Thread t : threads) {
                t.join();
            }
            if (failure[0] != null) {
                throw failure[0];
            }
            return new PayloadRun("artemis", expected, size, (System.nanoTime() - start) / 1e9);
        }
    }

    @Override
    public void close() {
        broker.close();
    }
}
