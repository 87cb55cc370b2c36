package io.dikw.app.cluster;

import io.dikw.collectives.cluster.ClusterState;
import io.dikw.collectives.cluster.LocalStormCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code --submit} sends a topology: a Nimbus given as {@code HOST[:PORT]}, or the directory of
 * a cluster started with {@code ./dikw storm-cluster start}.
 *
 * @param host Nimbus's host
 * @param port Nimbus's Thrift port
 */
public record SubmitTarget(String host, int port) {
    /** Nimbus's default Thrift port. */
    public static final int DEFAULT_NIMBUS_PORT = 6627;

    /**
     * @param value {@code HOST[:PORT]} or a local cluster's directory
     * @return the target
     * @throws IOException when a cluster directory's state cannot be read
     * @throws IllegalArgumentException when the value is neither
     */
    public static SubmitTarget parse(final String value) throws IOException {
        final Path dir = Path.of(value);
        if (Files.isDirectory(dir)) {
            if (!LocalStormCluster.isRunning(dir)) {
                throw new IllegalArgumentException("no running cluster in " + dir.toAbsolutePath().normalize()
                    + "; start one with './dikw storm-cluster start --dir " + value + "'");
            }
            final ClusterState state = LocalStormCluster.attach(dir).state();
            return new SubmitTarget(state.host(), state.nimbusPort());
        }
        final int colon = value.lastIndexOf(':');
        final String host = colon < 0 ? value : value.substring(0, colon);
        if (host.isBlank() || value.contains("/")) {
            throw new IllegalArgumentException("--submit takes NIMBUS_HOST[:PORT] or the directory of a running local cluster, got '"
                + value + "'");
        }
        try {
            final int port = colon < 0 ? DEFAULT_NIMBUS_PORT : Integer.parseInt(value.substring(colon + 1));
            if (port < 1 || port > 65_535) {
                throw new NumberFormatException();
            }
            return new SubmitTarget(host, port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--submit port must be 1..65535 in '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
