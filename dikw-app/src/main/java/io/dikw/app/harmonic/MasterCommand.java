package io.dikw.app.harmonic;

import io.dikw.harmonic.auth.AccessToken;
import io.dikw.harmonic.client.ByteSize;
import io.dikw.harmonic.master.Master;
import io.dikw.harmonic.master.MasterConfig;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dikw harmonic master}: runs the master until stopped. */
@Command(name = "master", mixinStandardHelpOptions = true,
    description = {"Run the HarmonicIO master: the HTTP API for sources, workers and people (status page at /), and the "
        + "data port of its bounded queue. Prints the access token every worker and source needs. Stop with Ctrl-C."})
final class MasterCommand implements Callable<Integer> {
    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "HOST",
        description = "Address to listen on; default: ${DEFAULT-VALUE} (this machine only). Use 0.0.0.0 with --advertise for other hosts.")
    String bind;

    @Option(names = "--advertise", paramLabel = "HOST",
        description = "Host name sources use to reach the queue's data port; default: the --bind address.")
    String advertise;

    @Option(names = {"-p", "--port"}, defaultValue = "8080", paramLabel = "PORT",
        description = "HTTP port (0 = a free one); default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--data-port", defaultValue = "0", paramLabel = "PORT",
        description = "Data port of the queue (0 = a free one); default: ${DEFAULT-VALUE}.")
    int dataPort;

    @Option(names = {"-t", "--token"}, paramLabel = "TOKEN", defaultValue = "${env:HARMONIC_TOKEN}",
        description = "Access token to require (at least 8 characters); default: HARMONIC_TOKEN, else a random one printed at start.")
    String token;

    @Option(names = "--queue-size", defaultValue = "10000", paramLabel = "N",
        description = "Most tuples the queue holds; default: ${DEFAULT-VALUE}.")
    int queueSize;

    @Option(names = "--queue-memory", defaultValue = "512MB", paramLabel = "SIZE",
        description = "Most payload bytes the queue holds; default: ${DEFAULT-VALUE}.")
    String queueMemory;

    @Option(names = "--max-payload", defaultValue = "64MB", paramLabel = "SIZE",
        description = "Largest tuple accepted; bigger ones are rejected with 'oversized'; default: ${DEFAULT-VALUE}.")
    String maxPayload;

    @Override
    public Integer call() throws Exception {
        final AccessToken accessToken = token == null || token.isBlank() ? AccessToken.generate() : AccessToken.of(token);
        MasterConfig config = MasterConfig.defaults(accessToken).withAddress(bind, port, dataPort)
            .withLimits(queueSize, ByteSize.parse(queueMemory), ByteSize.parse(maxPayload));
        if (advertise != null) {
            config = config.withAdvertiseHost(advertise);
        }
        final CountDownLatch stop = new CountDownLatch(1);
        try (Master master = Master.start(config)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            System.out.println("HarmonicIO master at " + master.url() + " (queue data port " + master.dataPort() + ")");
            System.out.println("access token: " + accessToken.text());
            System.out.println("status page:  " + master.statusPage());
            System.out.flush();
            stop.await();
        }
        return 0;
    }
}
