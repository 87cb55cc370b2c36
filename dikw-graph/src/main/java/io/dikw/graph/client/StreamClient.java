package io.dikw.graph.client;

import io.dikw.graph.wire.Frames;
import io.dikw.graph.wire.StingerBatch;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Sends batches to a graph server's stream port (ours or STINGER's): one frame per batch,
 * written in a single call. The server never replies; when it is busy, {@link #send} blocks
 * (TCP back-pressure). {@link #close()} ends the session politely with an empty batch. Not
 * thread-safe: one client per sending thread.
 */
public final class StreamClient implements AutoCloseable {
    private static final int MAX_PORT = 65_535;
    private final Socket socket;
    private final OutputStream out;
    private final String server;
    private long frames;
    private long bytes;

    private StreamClient(final Socket socket, final String server) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.server = server;
    }

    /**
     * @param hostPort {@code host:port}
     * @return a connected client
     * @throws IOException if the server cannot be reached (the message says where and what to check)
     */
    public static StreamClient connect(final String hostPort) throws IOException {
        final int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1 || hostPort.contains("/")) {
            throw new IllegalArgumentException("server '" + hostPort + "' must be HOST:PORT (no scheme or path), e.g. "
                + "localhost:10102");
        }
        final int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("server '" + hostPort + "' has a port that is not a number", e);
        }
        if (port < 1 || port > MAX_PORT) {
            throw new IllegalArgumentException("server '" + hostPort + "' has port " + port + ", outside 1.." + MAX_PORT);
        }
        return connect(hostPort.substring(0, colon), port);
    }

    /**
     * @param host server host
     * @param port stream port
     * @return a connected client
     * @throws IOException if the server cannot be reached
     */
    public static StreamClient connect(final String host, final int port) throws IOException {
        final Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setSendBufferSize(1 << 20);
            s.connect(new InetSocketAddress(host, port), 10_000);
        } catch (final ConnectException e) {
            s.close();
            throw new ConnectException("cannot connect to graph server " + host + ":" + port + " (" + e.getMessage()
                + "); is './dikw graph serve --port " + port + "' running?");
        } catch (final UnknownHostException e) {
            s.close();
            throw new UnknownHostException("unknown host '" + host + "' for graph server " + host + ":" + port
                + "; check the name, or use an IP address");
        } catch (final IOException e) {
            s.close();
            throw new IOException("cannot connect to graph server " + host + ":" + port + ": " + e, e);
        }
        return new StreamClient(s, host + ":" + port);
    }

    /**
     * @param batch the batch to send
     * @throws IOException if the connection fails
     */
    public void send(final StingerBatch batch) throws IOException {
        sendFrame(Frames.frame(batch));
    }

    /**
     * Sends a frame already built with {@link Frames#frame}, e.g. one prepared ahead of time.
     *
     * @param frame length prefix and body
     * @throws IOException if the connection fails
     */
    public void sendFrame(final byte[] frame) throws IOException {
        try {
            out.write(frame);
        } catch (final IOException e) {
            throw new IOException(String.format(Locale.ROOT, "lost the connection to graph server %s after %,d frames "
                + "(%s); is it still running? Its log says why it closed a stream.", server, frames, e.getMessage()), e);
        }
        frames++;
        bytes += frame.length;
    }

    /** @throws IOException if the connection fails */
    public void ping() throws IOException {
        send(StingerBatch.ping());
    }

    /** @return frames sent */
    public long framesSent() {
        return frames;
    }

    /** @return bytes sent */
    public long bytesSent() {
        return bytes;
    }

    /** Ends the session with an empty batch without keep_alive, then closes the socket. */
    @Override
    public void close() throws IOException {
        try (socket) {
            if (!socket.isClosed()) {
                send(StingerBatch.endOfSession());
                out.flush();
                socket.shutdownOutput();
            }
        }
    }
}
