package io.dikw.core.pubsub;

import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.remoting.Acceptor;

/**
 * An ActiveMQ Artemis broker in this JVM, so the sync channel needs no separate process by
 * default. It listens on 127.0.0.1 only and keeps everything in memory: persistence, security and
 * JMX are off and no journal, paging or large-message file is written. When the messages held for
 * slow subscribers reach a quarter of the heap, publishers block until those subscribers catch up
 * (back-pressure instead of paging to disk).
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final String ACCEPTOR = "dikw-sync";

    private final int port;
    private ActiveMQServer server;

    private EmbeddedBroker(final ActiveMQServer server, final int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts a broker listening on 127.0.0.1.
     *
     * @param port the TCP port, or 0 for a free one (see {@link #port()})
     * @return the running broker
     * @throws IllegalStateException when the broker cannot start, e.g. the port is taken
     */
    public static EmbeddedBroker start(final int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [0, 65535]: port=" + port);
        }
        final ActiveMQServer server = startServer(port);
        return new EmbeddedBroker(server, boundPort(server));
    }

    /** @return the URL clients connect to, "tcp://127.0.0.1:PORT" */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** @return the TCP port the broker listens on (the one it picked if started with 0) */
    public int port() {
        return port;
    }

    /** @return true while the broker accepts connections */
    public synchronized boolean isRunning() {
        return server != null && server.isStarted();
    }

    /**
     * Stops the broker; connected clients are told to disconnect. All queues and messages are
     * lost. Does nothing when already stopped.
     */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        final ActiveMQServer stopping = server;
        server = null;
        try {
            stopping.stop();
        } catch (final Exception e) {
            throw new IllegalStateException("could not stop the embedded broker at " + url(), e);
        }
    }

    /**
     * Stops the broker (if running) and starts a fresh one on the same port, as after a crash:
     * nothing survives, clients must reconnect and recreate their queues.
     */
    public synchronized void restartOnSamePort() {
        stop();
        server = startServer(port);
    }

    /** Same as {@link #stop()}; safe to call more than once. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "EmbeddedBroker[" + url() + "]";
    }

    private static ActiveMQServer startServer(final int port) {
        final ActiveMQServer server = ActiveMQServers.newActiveMQServer(configuration(port), false);
        try {
            server.start();
        } catch (final Exception e) {
            stopQuietly(server);
            throw new IllegalStateException("could not start the embedded broker on 127.0.0.1:" + port
                + ": " + SyncChannel.describe(e), e);
        }
        // A failed bind leaves the acceptor "started" but bound to nothing (port 0).
        if (boundPort(server) <= 0) {
            stopQuietly(server);
            throw new IllegalStateException("could not listen on 127.0.0.1:" + port
                + " (is the port taken?); pick another port, or 0 for a free one");
        }
        return server;
    }

    private static Configuration configuration(final int port) {
        final Configuration config = new ConfigurationImpl()
            .setName("dikw-sync-broker")
            .setPersistenceEnabled(false)
            .setSecurityEnabled(false)
            .setJMXManagementEnabled(false)
            .setCreateBindingsDir(false)
            .setCreateJournalDir(false)
            .setCriticalAnalyzer(false)
            .setMaxDiskUsage(-1)
            .setGlobalMaxSize(Runtime.getRuntime().maxMemory() / 4)
            .addAddressSetting("#", new AddressSettings()
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.BLOCK)
                .setDefaultAddressRoutingType(RoutingType.MULTICAST)
                .setAutoCreateAddresses(true)
                .setAutoDeleteAddresses(true));
        try {
            return config.addAcceptorConfiguration(ACCEPTOR, "tcp://127.0.0.1:" + port + "?protocols=CORE");
        } catch (final Exception e) {
            throw new IllegalStateException("bad acceptor configuration for port " + port, e);
        }
    }

    private static int boundPort(final ActiveMQServer server) {
        final Acceptor acceptor = server.getRemotingService().getAcceptor(ACCEPTOR);
        return acceptor instanceof NettyAcceptor netty && netty.isStarted() ? netty.getActualPort() : 0;
    }

    private static void stopQuietly(final ActiveMQServer server) {
        try {
            server.stop();
        } catch (final Exception ignored) {
            // Already failing; the caller reports the original error.
        }
    }
}
