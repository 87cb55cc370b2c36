package io.dikw.collectives.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the benchmark's points go: the harness listens on a TCP port, the driver spout S (in a
 * worker, wherever it runs) connects and sends each point when it is measured, then an end mark.
 */
final class ResultServer implements Closeable {
    /** Sent by S after its last point. */
    record Finished(String run) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final ServerSocket server;
    private final List<BenchPoint> points = new ArrayList<>();
    /** Completed with every point once S sends {@link Finished}. */
    final CompletableFuture<List<BenchPoint>> done = new CompletableFuture<>();
    /** Points received so far. */
    final AtomicInteger pointsDone = new AtomicInteger();

    private ResultServer(final ServerSocket server) {
        this.server = server;
    }

    /**
     * @param host the address the workers reach this process at
     * @return a server on a free port of that address
     * @throws IOException when it cannot be bound
     */
    static ResultServer start(final String host) throws IOException {
        final ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
        final ResultServer r = new ResultServer(s);
        final Thread accept = new Thread(r::acceptLoop, "bench-results");
        accept.setDaemon(true);
        accept.start();
        return r;
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed() && !done.isDone()) {
            try (Socket s = server.accept();
                 ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(s.getInputStream()))) {
                while (true) {
                    final Object o = in.readObject();
                    if (o instanceof BenchPoint p) {
                        synchronized (points) {
                            points.add(p);
                        }
                        pointsDone.incrementAndGet();
                    } else if (o instanceof Finished) {
                        synchronized (points) {
                            done.complete(List.copyOf(points));
                        }
                        return;
                    }
                }
            } catch (EOFException e) {
                // S's worker went away before finishing; a restarted S connects again (its points start over)
                synchronized (points) {
                    points.clear();
                }
                pointsDone.set(0);
            } catch (IOException | ClassNotFoundException e) {
                if (!server.isClosed()) {
                    done.completeExceptionally(e);
                }
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** S's side: sends points to the harness. */
    static final class Client implements Closeable {
        private final Socket socket;
        private final ObjectOutputStream out;

        Client(final String host, final int port) throws IOException {
            socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), 30_000);
            out = new ObjectOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            out.flush();
        }

        void send(final Serializable message) throws IOException {
            out.writeObject(message);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
