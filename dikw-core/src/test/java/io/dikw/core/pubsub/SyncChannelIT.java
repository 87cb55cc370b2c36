package io.dikw.core.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Publisher and subscribers against a real embedded broker. */
@Timeout(60)
class SyncChannelIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private EmbeddedBroker broker;

    @BeforeEach
    void startBroker() {
        broker = EmbeddedBroker.start(0);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        broker.close();
    }

    @Test
    void everySubscriberReceivesEveryMessageInOrder() {
        final List<SyncSubscriber> subscribers = List.of(subscribe("sync"), subscribe("sync"), subscribe("sync"));
        final SyncPublisher publisher = publisher("sync");

        for (long seq = 0; seq < 200; seq++) {
            publisher.publish(seq, ("delta " + seq).getBytes(StandardCharsets.UTF_8));
        }

        for (final SyncSubscriber subscriber : subscribers) {
            final List<SyncSubscriber.Received> got = receive(subscriber, 200);
            for (int i = 0; i < 200; i++) {
                assertThat(got.get(i).sequence()).isEqualTo(i);
                assertThat(new String(got.get(i).payload(), StandardCharsets.UTF_8)).isEqualTo("delta " + i);
            }
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void ordersMixedSmallAndLargeMessagesAsPublished() {
        final SyncSubscriber subscriber = subscribe("mixed");
        final SyncPublisher publisher = publisher("mixed");
        final Random random = new Random(42);
        final List<byte[]> sent = new ArrayList<>();
        for (int seq = 0; seq < 60; seq++) {
            // Every third payload is above the large-message threshold and is streamed in chunks.
            final int size = seq % 3 == 0 ? SyncChannel.LARGE_MESSAGE_BYTES + random.nextInt(300_000) : random.nextInt(2_000);
            final byte[] payload = new byte[size];
            random.nextBytes(payload);
            sent.add(payload);
            publisher.publish(seq, payload);
        }

        final List<SyncSubscriber.Received> got = receive(subscriber, sent.size());
        for (int i = 0; i < sent.size(); i++) {
            assertThat(got.get(i).sequence()).isEqualTo(i);
            assertThat(got.get(i).payload()).isEqualTo(sent.get(i));
        }
    }

    @Test
    void deliversATwentyMegabytePayloadToEverySubscriber() {
        final List<SyncSubscriber> subscribers = List.of(subscribe("big"), subscribe("big"), subscribe("big"));
        final SyncPublisher publisher = publisher("big");
        final byte[] payload = new byte[20 * 1024 * 1024];
        new Random(7).nextBytes(payload);

        publisher.publish(1, payload);
        publisher.publish(2, new byte[] {2});

        for (final SyncSubscriber subscriber : subscribers) {
            final List<SyncSubscriber.Received> got = receive(subscriber, 2);
            assertThat(got.get(0).sequence()).isEqualTo(1);
            assertThat(got.get(0).payload()).isEqualTo(payload);
            assertThat(got.get(1).payload()).containsExactly(2);
        }
    }

    @Test
    void deliversASixtyFourMegabytePayload() {
        final SyncSubscriber subscriber = subscribe("huge");
        final SyncPublisher publisher = publisher("huge");
        final byte[] payload = new byte[64 * 1024 * 1024];
        new Random(64).nextBytes(payload);

        publisher.publish(64, payload);

        final SyncSubscriber.Received got = receive(subscriber, 1).get(0);
        assertThat(got.sequence()).isEqualTo(64);
        assertThat(got.payload()).isEqualTo(payload);
    }

    @Test
    void emptyPayloadArrives() {
        final SyncSubscriber subscriber = subscribe("empty");
        publisher("empty").publish(5, new byte[0]);

        final SyncSubscriber.Received got = receive(subscriber, 1).get(0);
        assertThat(got.sequence()).isEqualTo(5);
        assertThat(got.payload()).isEmpty();
    }

    @Test
    void slowSubscriberLosesNothingWhileItsBufferIsFull() {
        final SyncSubscriber subscriber = track(SyncSubscriber.subscribe(broker.url(), "slow", warnings::add, 2));
        final SyncPublisher publisher = publisher("slow");
        for (long seq = 0; seq < 100; seq++) {
            publisher.publish(seq, new byte[10_000]);
        }

        final List<SyncSubscriber.Received> got = receive(subscriber, 100);
        assertThat(got).extracting(SyncSubscriber.Received::sequence)
            .containsExactlyElementsOf(() -> LongStream.range(0, 100).boxed().iterator());
    }

    @Test
    void topicsAreSeparate() {
        final SyncSubscriber a = subscribe("topic-a");
        final SyncSubscriber b = subscribe("topic-b");
        publisher("topic-a").publish(1, new byte[] {'a'});
        publisher("topic-b").publish(2, new byte[] {'b'});

        assertThat(receive(a, 1).get(0).payload()).containsExactly('a');
        assertThat(receive(b, 1).get(0).payload()).containsExactly('b');
        assertThat(a.poll(Duration.ofMillis(200))).isNull();
        assertThat(b.poll(Duration.ofMillis(200))).isNull();
    }

    @Test
    void subscriberAndPublisherRecoverFromABrokerRestart() {
        final List<String> subscriberWarnings = new CopyOnWriteArrayList<>();
        final SyncSubscriber subscriber = track(SyncSubscriber.subscribe(broker.url(), "restart", subscriberWarnings::add));
        final SyncPublisher publisher = publisher("restart");
        publisher.publish(0, new byte[] {0});
        assertThat(receive(subscriber, 1).get(0).sequence()).isZero();

        broker.stop();
        broker.restartOnSamePort();

        // As the coordinator does: republish until the worker has it. Messages sent before the
        // subscriber has recreated its queue are lost, so which sequence arrives first varies.
        long seq = 1;
        SyncSubscriber.Received first = null;
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (first == null && System.nanoTime() < deadline) {
            publisher.publish(seq++, new byte[] {1});
            first = subscriber.poll(Duration.ofMillis(100));
        }
        assertThat(first).as("a message after the restart").isNotNull();
        drain(subscriber);

        final long from = seq;
        for (int i = 0; i < 20; i++) {
            publisher.publish(from + i, new byte[] {2});
        }
        assertThat(receive(subscriber, 20)).extracting(SyncSubscriber.Received::sequence)
            .containsExactlyElementsOf(() -> LongStream.range(from, from + 20).boxed().iterator());

        assertThat(subscriberWarnings).hasSize(1);
        assertThat(subscriberWarnings.get(0)).contains(broker.url());
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains(broker.url());
    }

    @Test
    void subscriberRecoversFromTwoOutagesAndWarnsOncePerOutage() {
        final List<String> subscriberWarnings = new CopyOnWriteArrayList<>();
        final SyncSubscriber subscriber = track(SyncSubscriber.subscribe(broker.url(), "twice", subscriberWarnings::add));
        for (int outage = 1; outage <= 2; outage++) {
            broker.stop();
            broker.restartOnSamePort();
            final SyncPublisher publisher = SyncPublisher.connect(broker.url(), "twice", warnings::add);
            try {
                assertThat(republishUntilReceived(publisher, subscriber, outage * 1_000L)).isNotNull();
            } finally {
                publisher.close();
            }
            assertThat(subscriberWarnings).hasSize(outage);
        }
    }

    @Test
    void publisherGivesUpAfterItsDeadline() {
        final SyncPublisher publisher = track(SyncPublisher.connect(broker.url(), "gone", warnings::add,
            Duration.ofSeconds(1)));
        broker.stop();

        final long start = System.nanoTime();
        assertThatThrownBy(() -> publisher.publish(1, new byte[] {1}))
            .isInstanceOf(BrokerUnavailableException.class)
            .hasMessageContaining(broker.url())
            .hasMessageContaining("--broker");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(warnings).hasSize(1);
    }

    @Test
    void publisherWaitsForABrokerThatComesBack() throws Exception {
        final SyncSubscriber subscriber = subscribe("back");
        final SyncPublisher publisher = publisher("back");
        broker.stop();
        final Thread restarter = new Thread(() -> {
            // Let the publisher find the broker gone before it comes back.
            SyncChannel.pause(300);
            broker.restartOnSamePort();
        });
        restarter.start();

        publisher.publish(1, new byte[] {1}); // blocks until the broker is back, then succeeds
        restarter.join();

        assertThat(warnings).anySatisfy(w -> assertThat(w).contains(broker.url()));
        assertThat(republishUntilReceived(publisher, subscriber, 2)).isNotNull();
    }

    @Test
    void closeIsIdempotentAndFinal() {
        final SyncSubscriber subscriber = SyncSubscriber.subscribe(broker.url(), "close", warnings::add);
        final SyncPublisher publisher = SyncPublisher.connect(broker.url(), "close", warnings::add);
        publisher.publish(1, new byte[] {1});

        publisher.close();
        publisher.close();
        subscriber.close();
        subscriber.close();
        broker.close();
        broker.close();

        assertThat(subscriber.poll(Duration.ofMillis(10))).isNull();
        assertThatThrownBy(() -> publisher.publish(2, new byte[] {2})).isInstanceOf(IllegalStateException.class);
        assertThat(warnings).isEmpty();
    }

    private SyncSubscriber.Received republishUntilReceived(final SyncPublisher publisher, final SyncSubscriber subscriber,
                                                           final long firstSequence) {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        long seq = firstSequence;
        while (System.nanoTime() < deadline) {
            publisher.publish(seq++, new byte[] {9});
            final SyncSubscriber.Received got = subscriber.poll(Duration.ofMillis(100));
            if (got != null) {
                return got;
            }
        }
        return null;
    }

    private SyncSubscriber subscribe(final String topic) {
        return track(SyncSubscriber.subscribe(broker.url(), topic, warnings::add));
    }

    private SyncPublisher publisher(final String topic) {
        return track(SyncPublisher.connect(broker.url(), topic, warnings::add));
    }

    private <T extends AutoCloseable> T track(final T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    private static List<SyncSubscriber.Received> receive(final SyncSubscriber subscriber, final int count) {
        final List<SyncSubscriber.Received> got = new ArrayList<>();
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (got.size() < count && System.nanoTime() < deadline) {
            final SyncSubscriber.Received next = subscriber.poll(Duration.ofMillis(200));
            if (next != null) {
                got.add(next);
            }
        }
        assertThat(got).as("messages received within " + WAIT).hasSize(count);
        return got;
    }

    private static void drain(final SyncSubscriber subscriber) {
        while (subscriber.poll(Duration.ofMillis(300)) != null) {
            // Late copies of the republished messages.
        }
    }
}
