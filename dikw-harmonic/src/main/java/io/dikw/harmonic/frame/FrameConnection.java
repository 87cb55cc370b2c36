package io.dikw.harmonic.frame;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One persistent TCP connection speaking frames: a {@link FrameReader} and a {@link FrameWriter}
 * on a blocking socket channel. Clients open it with {@link #connect} and authenticate with
 * {@link #hello}; servers wrap accepted sockets.
 */
public final class FrameConnection implements Closeable {
    /** Payload limit before authentication: a HELLO carries only the token. */
    public static final int HELLO_PAYLOAD_LIMIT = 1024;
    /** Most bytes read and dropped after a REJECT before closing. */
    public static final long DRAIN_BYTES = 256L << 20;
    /** Longest time spent reading and dropping after a REJECT before closing. */
    public static final long DRAIN_MILLIS = 2000;

    private final SocketChannel socket;
    private final FrameReader reader;
    private final FrameWriter writer;
    private final String peer;
    private final InputStream in;

    /**
     * @param socket a connected socket channel (blocking)
     * @param payloadLimit largest payload accepted
     * @throws IOException when the socket cannot be configured
     */
    public FrameConnection(final SocketChannel socket, final long payloadLimit) throws IOException {
        this.socket = socket;
        socket.configureBlocking(true);
        socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
        this.reader = new FrameReader(socket, payloadLimit);
        this.writer = new FrameWriter(socket);
        this.peer = String.valueOf(socket.getRemoteAddress());
        this.in = socket.socket().getInputStream(); // only for available(); frames are read through the channel
    }

    /**
     * @param host the host
     * @param port the port
     * @param payloadLimit largest payload accepted from the peer
     * @return the connection
     * @throws IOException when it cannot connect
     */
    public static FrameConnection connect(final String host, final int port, final long payloadLimit) throws IOException {
        final SocketChannel socket = SocketChannel.open();
        try {
            socket.connect(new InetSocketAddress(host, port));
            return new FrameConnection(socket, payloadLimit);
        } catch (final IOException e) {
            socket.close();
            throw new IOException("cannot connect to " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * Authenticates: sends HELLO with the role and token and waits for the ACK.
     *
     * @param role who this side is ("source", "channel:W:C:PROCESSOR")
     * @param token the access token
     * @throws IOException when refused (the message gives the peer's reason) or the connection fails
     */
    public void hello(final String role, final String token) throws IOException {
        writer.write(new Frame(FrameType.HELLO, 0, role, ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8))));
        final Frame reply = reader.read();
        if (reply == null) {
            throw new IOException(peer + " closed the connection after HELLO");
        }
        if (reply.type() == FrameType.REJECT) {
            throw new IOException(peer + " refused the connection: " + reply.name() + ": " + reply.payloadText());
        }
        if (reply.type() != FrameType.ACK) {
            throw new IOException(peer + " answered HELLO with " + reply.type());
        }
    }

    /** @return the reader (one thread reads) */
    public FrameReader reader() {
        return reader;
    }

    /**
     * @param frame the frame to send
     * @throws IOException when the connection fails
     */
    public void write(final Frame frame) throws IOException {
        writer.write(frame);
    }

    /**
     * Reads the next tuple header from a source: sources may send only TUPLE frames.
     *
     * @return the header (payload not read yet), or null when the source closed the connection
     * @throws FrameException when the frame is malformed or not a TUPLE
     * @throws IOException when the connection fails
     */
    public FrameReader.Header nextTuple() throws IOException {
        final FrameReader.Header h = reader.readHeader();
        if (h != null && h.type() != FrameType.TUPLE) {
            throw new FrameException("unexpected-frame", "a source may send only TUPLE frames, got " + h.type());
        }
        return h;
    }

    /**
     * Refuses one tuple but keeps the connection: drops its payload and sends a REJECT saying why.
     *
     * @param h the tuple's header, just read
     * @param reason the reason code (the sender may retry on it)
     * @param detail the detail for people
     * @throws IOException when the connection fails
     */
    public void refuse(final FrameReader.Header h, final String reason, final String detail) throws IOException {
        reader.skipPayload(h);
        writer.write(Frame.reject(reason, h.tupleId(), detail));
    }

    /**
     * Sends a REJECT and closes: for malformed frames and failed authentication. Before closing it
     * reads and drops what the peer is still sending (at most {@link #DRAIN_BYTES} bytes or
     * {@link #DRAIN_MILLIS} ms), so the peer gets the reason rather than a connection reset.
     *
     * @param reason the reason code
     * @param tupleId the tuple concerned, or 0
     * @param detail the detail for people
     */
    public void rejectAndClose(final String reason, final long tupleId, final String detail) {
        try {
            writer.write(Frame.reject(reason, tupleId, detail));
            socket.shutdownOutput();
            drain();
        } catch (final IOException ignored) {
            // The peer may already be gone; closing is all that is left.
        }
        close();
    }

    private void drain() throws IOException {
        socket.configureBlocking(false);
        final ByteBuffer scratch = ByteBuffer.allocate(64 * 1024);
        final long end = System.nanoTime() + DRAIN_MILLIS * 1_000_000L;
        long left = DRAIN_BYTES;
        while (left > 0 && System.nanoTime() < end) {
            scratch.clear();
            final int n = socket.read(scratch);
            if (n < 0) {
                return;
            }
            if (n == 0) {
                try {
                    Thread.sleep(1);
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            left -= n;
        }
    }

    /**
     * @return bytes received and not read yet (0 when unknown); a receiver uses it to batch
     *     acknowledgements while more frames are already waiting
     */
    public int available() {
        try {
            return in.available();
        } catch (final IOException e) {
            return 0;
        }
    }

    /** @return the remote address, for messages */
    public String peer() {
        return peer;
    }

    /** @return true while open */
    public boolean isOpen() {
        return socket.isOpen();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (final IOException ignored) {
            // Closing a broken socket fails harmlessly.
        }
    }
}
