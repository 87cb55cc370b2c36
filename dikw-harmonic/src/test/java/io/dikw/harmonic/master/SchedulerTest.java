package io.dikw.harmonic.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    private final Scheduler scheduler = new Scheduler(new TupleQueue(3, 1000), 50_000_000L, "127.0.0.1");

    private ChannelLink channel(final String processor, final int index) {
        final long w = scheduler.register("w" + index, "127.0.0.1", processor, Map.of(index, 9000 + index));
        return scheduler.attach(w, index, null);
    }

    private static QueuedTuple tuple(final long id, final int size) {
        return new QueuedTuple(id, "p", ByteBuffer.allocate(size));
    }

    @Test
    void shouldGiveIdsInCreationOrderAndPreferAFreeChannel() {
        final ChannelLink c = channel("p", 0);
        assertThat(scheduler.fetch(c)).isNull();
        final Scheduler.Endpoint first = scheduler.endpoint("p");
        final Scheduler.Endpoint second = scheduler.endpoint("p");
        assertThat(first.kind()).isEqualTo("channel");
        assertThat(first.port()).isEqualTo(9000);
        assertThat(second.kind()).as("the only channel is reserved").isEqualTo("queue");
        assertThat(second.tupleId()).isEqualTo(first.tupleId() + 1);
    }

    @Test
    void shouldSendToTheQueueWhileAnythingWaitsSoOrderIsKept() {
        final ChannelLink c = channel("p", 0);
        scheduler.reserve(10);
        assertThat(scheduler.offer(tuple(1, 10))).isNull(); // channel not free yet: queued
        final Scheduler.Dispatch d = scheduler.fetch(c);
        assertThat(d.tuple().id()).isEqualTo(1);
        scheduler.reserve(10);
        scheduler.offer(tuple(2, 10));
        scheduler.reserve(10);
        scheduler.offer(tuple(3, 10));
        final ChannelLink other = channel("p", 1);
        assertThat(scheduler.fetch(other).tuple().id()).as("first come, first served").isEqualTo(2);
        assertThat(scheduler.fetch(c).tuple().id()).isEqualTo(3);
        assertThat(scheduler.fetch(other)).isNull();
    }

    @Test
    void shouldBoundTheQueueByCountAndMemory() {
        assertThat(scheduler.reserve(400)).isTrue();
        assertThat(scheduler.reserve(400)).isTrue();
        assertThat(scheduler.reserve(400)).as("memory limit 1000").isFalse();
        assertThat(scheduler.reserve(100)).isTrue();
        assertThat(scheduler.reserve(1)).as("count limit 3").isFalse();
        scheduler.release(400);
        assertThat(scheduler.reserve(1)).isTrue();
    }

    @Test
    void shouldRequeueAnUnacknowledgedTupleAtTheHeadWhenItsChannelDies() {
        final ChannelLink dying = channel("p", 0);
        scheduler.reserve(10);
        scheduler.offer(tuple(1, 10));
        scheduler.reserve(10);
        scheduler.offer(tuple(2, 10));
        assertThat(scheduler.fetch(dying).tuple().id()).isEqualTo(1);
        final ChannelLink survivor = channel("p", 1);
        assertThat(scheduler.detach(dying)).isEmpty(); // survivor is not free yet
        assertThat(scheduler.fetch(survivor).tuple().id()).as("redelivered first").isEqualTo(1);
        assertThat(scheduler.status()).containsEntry("redeliveredFromQueue", 1L);
    }

    @Test
    void shouldReleaseMemoryOnlyOnAcknowledgement() {
        final ChannelLink c = channel("p", 0);
        scheduler.reserve(600);
        scheduler.offer(tuple(1, 600));
        scheduler.fetch(c);
        assertThat(scheduler.reserve(600)).as("in flight still counts").isFalse();
        scheduler.acknowledged(c, 1);
        assertThat(scheduler.reserve(600)).isTrue();
    }

    @Test
    void shouldFreeAReservationThatIsNeverUsed() throws InterruptedException {
        final ChannelLink c = channel("p", 0);
        scheduler.fetch(c);
        assertThat(scheduler.endpoint("p").kind()).isEqualTo("channel");
        assertThat(scheduler.endpoint("p").kind()).isEqualTo("queue");
        Thread.sleep(60);
        scheduler.housekeeping();
        assertThat(scheduler.endpoint("p").kind()).isEqualTo("channel");
    }

    @Test
    void shouldRefuseAProcessorNoWorkerHosts() {
        channel("p", 0);
        assertThatThrownBy(() -> scheduler.endpoint("other")).isInstanceOf(NoSuchElementException.class)
            .hasMessageContaining("no worker hosts processor 'other'").hasMessageContaining("[p]");
        assertThat(scheduler.issued(1)).isFalse();
    }

    @Test
    void shouldLeaseABlockOfIdsInCreationOrderWithEveryChannelOfTheProcessor() {
        channel("p", 0);
        channel("p", 1);
        channel("q", 2);
        final long before = scheduler.endpoint("p").tupleId();
        final Scheduler.Lease lease = scheduler.lease("p", 100);
        assertThat(lease.firstTupleId()).isEqualTo(before + 1);
        assertThat(lease.count()).isEqualTo(100);
        assertThat(lease.channels()).extracting(Scheduler.Endpoint::port).containsExactlyInAnyOrder(9000, 9001);
        assertThat(scheduler.issued(before + 100)).isTrue();
        assertThat(scheduler.issued(before + 101)).isFalse();
        assertThat(scheduler.endpoint("p").tupleId()).isEqualTo(before + 101);
        assertThatThrownBy(() -> scheduler.lease("p", 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("tuples=0");
        assertThatThrownBy(() -> scheduler.lease("none", 10)).isInstanceOf(NoSuchElementException.class)
            .hasMessageContaining("no worker hosts processor 'none'");
    }
}
