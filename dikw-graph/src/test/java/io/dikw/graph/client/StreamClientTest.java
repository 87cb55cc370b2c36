package io.dikw.graph.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dikw.graph.wire.StingerBatch;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class StreamClientTest {
    @Test
    void aServerThatIsNotHostColonPortIsRefusedWithAnExample() {
        assertThatThrownBy(() -> StreamClient.connect("http://localhost:10102"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be HOST:PORT (no scheme or path)")
            .hasMessageContaining("localhost:10102");
        assertThatThrownBy(() -> StreamClient.connect("localhost"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be HOST:PORT");
        assertThatThrownBy(() -> StreamClient.connect("localhost:port"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a number");
        assertThatThrownBy(() -> StreamClient.connect("localhost:99999"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port 99999, outside 1..65535");
    }

    @Test
    void anUnknownHostIsNamed() {
        Assumptions.assumeTrue(unresolvable("nosuchhost.invalid"), "this network resolves every name");
        assertThatThrownBy(() -> StreamClient.connect("nosuchhost.invalid:10102"))
            .isInstanceOf(UnknownHostException.class)
            .hasMessageContaining("unknown host 'nosuchhost.invalid' for graph server nosuchhost.invalid:10102");
    }

    @Test
    void aLostConnectionSaysWhichServerAndHowFarTheStreamGot() throws Exception {
        try (ServerSocket listener = new ServerSocket(0)) {
            final CountDownLatch connected = new CountDownLatch(1);
            final Thread closer = new Thread(() -> {
                try (Socket accepted = listener.accept()) {
                    connected.await(10, TimeUnit.SECONDS);
                    accepted.setSoLinger(true, 0); // reset, as a server that dies does
                } catch (final IOException | InterruptedException e) {
                    // the test fails on its own if no connection came
                }
            });
            closer.start();
            final StreamClient client = StreamClient.connect("localhost", listener.getLocalPort());
            connected.countDown();
            closer.join(10_000);
            final StingerBatch ping = StingerBatch.ping();
            assertThatThrownBy(() -> {
                for (int i = 0; i < 10_000; i++) { // the first frames may still fit in the kernel's buffers
                    client.send(ping);
                    Thread.sleep(1);
                }
            }).isInstanceOf(IOException.class)
                .hasMessageContaining("lost the connection to graph server localhost:" + listener.getLocalPort() + " after")
                .hasMessageContaining("is it still running?");
            try {
                client.close();
            } catch (final IOException expected) {
                // the connection is gone: closing it can only fail the same way
            }
        }
    }

    private static boolean unresolvable(final String host) {
        try {
            InetAddress.getByName(host);
            return false;
        } catch (final UnknownHostException e) {
            return true;
        }
    }
}
