package io.dikw.harmonic.frame;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Accepts TCP connections and serves each on its own daemon thread with a handler that reads
 * frames until the connection ends. Connections are persistent, so threads are few (one per
 * source or channel link). Closing the server closes every connection.
 */
public final class FrameServer implements Closeable {
    private final ServerSocketChannel server;
    private final Set<FrameConnection> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private final long payloadLimit;
    private final Consumer<FrameConnection> handler;
    private final String name;

    /**
     * Binds and starts accepting.
     *
     * @param name thread name prefix, for stack dumps
     * @param host the address to bind
     * @param port the port (0 = any free one)
     * @param payloadLimit payload limit of each connection's reader
     * @param handler serves one connection; the server closes it when the handler returns
     * @throws IOException when it cannot bind
     */
    public FrameServer(final String name, final String host, final int port, final long payloadLimit,
        final Consumer<FrameConnection> handler) throws IOException {
        this.name = name;
        this.payloadLimit = payloadLimit;
        this.handler = handler;
        this.server = ServerSocketChannel.open();
        try {
            server.bind(new InetSocketAddress(host, port), 128);
        } catch (final IOException e) {
            server.close();
            throw new IOException("cannot listen on " + host + ":" + port + " (" + e.getMessage()
                + "); pick another port, or 0 for a free one", e);
        }
        this.acceptor = new Thread(this::acceptLoop, name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return the bound port */
    public int port() {
        return server.socket().getLocalPort();
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            final SocketChannel socket;
            try {
                socket = server.accept();
            } catch (final ClosedChannelException e) {
                return;
            } catch (final IOException e) {
                continue;
            }
            final Thread t = new Thread(() -> serve(socket), name + "-conn");
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(final SocketChannel socket) {
        FrameConnection conn = null;
        try {
            conn = new FrameConnection(socket, payloadLimit);
            open.add(conn);
            handler.accept(conn);
        } catch (final IOException | RuntimeException e) {
            System.getLogger(FrameServer.class.getName()).log(System.Logger.Level.DEBUG, name + " connection failed", e);
        } finally {
            if (conn != null) {
                open.remove(conn);
                conn.close();
            } else {
                try {
                    socket.close();
                } catch (final IOException ignored) {
                    // nothing else to do
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (final IOException ignored) {
            // closing
        }
        open.forEach(FrameConnection::close);
    }
}
