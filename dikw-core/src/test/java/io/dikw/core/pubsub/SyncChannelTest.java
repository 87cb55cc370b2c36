package io.dikw.core.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Argument checks and error text, without a broker. */
class SyncChannelTest {

    @Test
    void rejectsBlankTopic() {
        assertThatThrownBy(() -> SyncPublisher.connect("tcp://127.0.0.1:1", " ", w -> { }))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("topic");
        assertThatThrownBy(() -> SyncSubscriber.subscribe("tcp://127.0.0.1:1", "", w -> { }))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("topic");
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> SyncSubscriber.subscribe("tcp://127.0.0.1:1", "t", w -> { }, 0))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("bufferMessages=0");
        assertThatThrownBy(() -> SyncPublisher.connect("tcp://127.0.0.1:1", "t", w -> { }, Duration.ofSeconds(-1)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmbeddedBroker.start(70_000))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("port=70000");
    }

    @Test
    void rejectsAnUrlThatIsNotOne() {
        assertThatThrownBy(() -> SyncPublisher.connect("not a url", "t", w -> { }))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("not a url");
    }

    @Test
    void noBrokerMessageNamesTheUrlAndTheWayOut() {
        final String message = SyncChannel.noBrokerMessage("tcp://example:61616", new RuntimeException("refused"));
        assertThat(message)
            .contains("tcp://example:61616")
            .contains("refused")
            .contains("Start a broker")
            .contains("omit --broker");
    }

    @Test
    void receivedRequiresAPayload() {
        assertThatThrownBy(() -> new SyncSubscriber.Received(1, null)).isInstanceOf(NullPointerException.class);
    }
}
