package io.dikw.core.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The in-process broker: ports, restart, stop. */
@Timeout(30)
class EmbeddedBrokerIT {

    @Test
    void portZeroPicksAFreePortOnLoopback() throws IOException {
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            assertThat(broker.port()).isPositive();
            assertThat(broker.url()).isEqualTo("tcp://127.0.0.1:" + broker.port());
            assertThat(broker.isRunning()).isTrue();
            assertThat(accepts(broker.port())).isTrue();
        }
    }

    @Test
    void restartKeepsThePort() throws IOException {
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            final int port = broker.port();
            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            assertThat(accepts(port)).isFalse();

            broker.restartOnSamePort();
            assertThat(broker.port()).isEqualTo(port);
            assertThat(accepts(port)).isTrue();

            broker.restartOnSamePort(); // also from running
            assertThat(accepts(port)).isTrue();
        }
    }

    @Test
    void aTakenPortIsReportedClearly() {
        try (EmbeddedBroker first = EmbeddedBroker.start(0)) {
            assertThatThrownBy(() -> EmbeddedBroker.start(first.port()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(String.valueOf(first.port()));
            assertThat(first.isRunning()).isTrue();
        }
    }

    @Test
    void stopAndCloseAreIdempotent() {
        final EmbeddedBroker broker = EmbeddedBroker.start(0);
        broker.stop();
        broker.stop();
        broker.close();
        broker.close();
        assertThat(broker.isRunning()).isFalse();
    }

    private static boolean accepts(final int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            return true;
        } catch (final IOException e) {
            return false;
        }
    }
}
