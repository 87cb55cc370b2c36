package io.dikw.collectives.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/**
 * The benchmark's way back from G to S (the paper used a message broker): S listens on a TCP port
 * and tells G its address on a Storm stream; G connects and writes one small record per completed
 * broadcast, flushed at once; S's reader thread stamps each record with S's clock as it arrives.
 * Works whether S and G share a worker, a machine, or neither.
 */
final class CompletionLink {
    private CompletionLink() {
    }

    /** S's side: accepts G's connections and feeds the probe. */
    static final class Listener implements Closeable {
        private final ServerSocket server;
        private final Probe probe;
        private volatile int connections;

        private Listener(final ServerSocket server, final Probe probe) {
            this.server = server;
            this.probe = probe;
        }

        /**
         * @param probe what the completions go to
         * @return a listener on a free port of every address of this host
         * @throws IOException when no port can be bound
         */
        static Listener start(final Probe probe) throws IOException {
            final Listener l = new Listener(new ServerSocket(0), probe);
            final Thread accept = new Thread(l::acceptLoop, "bench-completions-accept");
            accept.setDaemon(true);
            accept.start();
            return l;
        }

        int port() {
            return server.getLocalPort();
        }

        /** @return whether a G task has connected */
        boolean connected() {
            return connections > 0;
        }

        private void acceptLoop() {
            while (!server.isClosed()) {
                try {
                    final Socket s = server.accept();
                    s.setTcpNoDelay(true);
                    connections++;
                    final Thread reader = new Thread(() -> read(s), "bench-completions-read");
                    reader.setDaemon(true);
                    reader.start();
                } catch (IOException e) {
                    return; // closed
                }
            }
        }

        private void read(final Socket s) {
            try (s; DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()))) {
                while (true) {
                    final int phase = in.readInt();
                    final long id = in.readLong();
                    final boolean latency = in.readBoolean();
                    probe.complete(phase, id, latency, System.nanoTime());
                }
            } catch (EOFException | SocketException e) {
                // G went away (topology killed)
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("reading completions from " + s.getRemoteSocketAddress(), e);
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    /** G's side: one connection to S. */
    static final class Sender implements Closeable {
        private final Socket socket;
        private final DataOutputStream out;

        Sender(final String host, final int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 30_000);
            out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
        }

        void completed(final int phase, final long id, final boolean latency) throws IOException {
            out.writeInt(phase);
            out.writeLong(id);
            out.writeBoolean(latency);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
