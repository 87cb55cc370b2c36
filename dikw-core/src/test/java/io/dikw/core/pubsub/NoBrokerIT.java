package io.dikw.core.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connecting where no broker listens fails fast and says what to do. */
@Timeout(30)
class NoBrokerIT {
    private static String deadUrl;

    @BeforeAll
    static void findAFreePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadUrl = "tcp://127.0.0.1:" + socket.getLocalPort();
        }
    }

    @Test
    void publisherFailsFastNamingTheUrl() {
        final long start = System.nanoTime();
        assertThatThrownBy(() -> SyncPublisher.connect(deadUrl, "sync", w -> { }))
            .isInstanceOf(BrokerUnavailableException.class)
            .hasMessageContaining(deadUrl)
            .hasMessageContaining("Start a broker")
            .hasMessageContaining("omit --broker")
            .satisfies(e -> assertThat(((BrokerUnavailableException) e).url()).isEqualTo(deadUrl));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void subscriberFailsFastNamingTheUrl() {
        final long start = System.nanoTime();
        assertThatThrownBy(() -> SyncSubscriber.subscribe(deadUrl, "sync", w -> { }))
            .isInstanceOf(BrokerUnavailableException.class)
            .hasMessageContaining(deadUrl);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
