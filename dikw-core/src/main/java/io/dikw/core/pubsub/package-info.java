/**
 * The synchronization channel of parallel stream clustering: a coordinator publishes numbered
 * sync messages on a topic and every worker receives every one, over ActiveMQ Artemis's core
 * client (non-persistent, multicast). {@link io.dikw.core.pubsub.EmbeddedBroker} runs a broker
 * in-process by default; {@link io.dikw.core.pubsub.SyncPublisher} and
 * {@link io.dikw.core.pubsub.SyncSubscriber} talk to it, or to an external broker, by URL.
 *
 * <p>Delivery is at most once per connection: a message published while a subscriber is
 * disconnected is lost for that subscriber. The protocol above this package makes that safe: the
 * coordinator republishes a sync message until every worker has confirmed its sequence number,
 * and workers ignore sequence numbers they have already applied.
 */
package io.dikw.core.pubsub;
