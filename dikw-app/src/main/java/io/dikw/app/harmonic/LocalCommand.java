package io.dikw.app.harmonic;

import io.dikw.harmonic.auth.AccessToken;
import io.dikw.harmonic.client.HarmonicClient;
import io.dikw.harmonic.client.MasterApi;
import io.dikw.harmonic.client.SyntheticSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dikw harmonic local}: a master and workers as separate processes on this machine, for a demo. */
@Command(name = "local", mixinStandardHelpOptions = true,
    description = {"Start a HarmonicIO master and worker processes on this machine and print the status page address. "
        + "Logs go to OUT/local/*.log, results to OUT/results. Stop with Ctrl-C (or --for SECONDS)."})
final class LocalCommand implements Callable<Integer> {
    @Option(names = {"-w", "--workers"}, defaultValue = "2", paramLabel = "N", description = "Worker processes; default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--channels", defaultValue = "1", paramLabel = "N", description = "Channels per worker; default: ${DEFAULT-VALUE}.")
    int channels;

    @Option(names = {"-P", "--processor"}, defaultValue = "sha256", paramLabel = "NAME",
        description = "Processor the workers run; default: ${DEFAULT-VALUE}.")
    String processor;

    @Option(names = {"-c", "--command"}, paramLabel = "CMD", description = "External unit command instead of a Java processor.")
    String command;

    @Option(names = {"-p", "--port"}, defaultValue = "8080", paramLabel = "PORT", description = "Master HTTP port; default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = {"-o", "--out"}, defaultValue = "harmonic-out", paramLabel = "DIR", description = "Output directory; default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--send", defaultValue = "0", paramLabel = "N",
        description = "Send N synthetic 2 MB tuples once everything runs, so the status page shows work; default: ${DEFAULT-VALUE}.")
    int send;

    @Option(names = "--for", defaultValue = "0", paramLabel = "SECONDS", description = "Stop after this long (0 = until Ctrl-C).")
    long seconds;

    @Override
    public Integer call() throws Exception {
        final AccessToken token = AccessToken.generate();
        final Path logs = Files.createDirectories(out.resolve("local"));
        final int httpPort = port == 0 ? freePort() : port;
        final URI url = URI.create("http://127.0.0.1:" + httpPort);
        final List<Process> children = new ArrayList<>();
        final Thread cleanup = new Thread(() -> stopAll(children));
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            children.add(start(token, logs.resolve("master.log"), List.of("master", "--port", String.valueOf(httpPort))));
            final MasterApi api = new MasterApi(url, token.text());
            awaitUp(api, children.get(0), logs.resolve("master.log"), 0);
            for (int i = 0; i < workers; i++) {
                final List<String> args = new ArrayList<>(List.of("worker", "--master", url.toString(), "--processor",
                    processor, "--channels", String.valueOf(channels), "--name", "worker-" + (i + 1),
                    "--out", out.resolve("results").toString(), "--dead", out.resolve("dead").toString()));
                if (command != null) {
                    args.addAll(List.of("--command", command));
                }
                children.add(start(token, logs.resolve("worker-" + (i + 1) + ".log"), args));
            }
            awaitUp(api, children.get(children.size() - 1), logs.resolve("worker-" + workers + ".log"), workers);
            System.out.println("HarmonicIO on this machine: master + " + workers + " worker processes (" + channels
                + " channel(s) each, processor '" + processor + "')");
            System.out.println("status page:  " + url + "/?token=" + token.text());
            System.out.println("send files:   HARMONIC_TOKEN=" + token.text() + " ./dikw harmonic send --master " + url
                + " --processor " + processor + " FILES...");
            System.out.println("logs in " + logs + ", results in " + out.resolve("results") + "; Ctrl-C stops everything");
            System.out.flush();
            if (send > 0) {
                final SyntheticSource source = new SyntheticSource(2 << 20, 1);
                try (HarmonicClient client = new HarmonicClient(url, token.text())) {
                    for (int i = 0; i < send; i++) {
                        client.send(processor, source.next());
                    }
                }
                System.out.println("sent " + send + " synthetic tuples");
            }
            final CountDownLatch forever = new CountDownLatch(1);
            if (seconds > 0) {
                forever.await(seconds, TimeUnit.SECONDS);
            } else {
                forever.await();
            }
        } finally {
            stopAll(children);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (final IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
        return 0;
    }

    private static Process start(final AccessToken token, final Path log, final List<String> args) throws IOException {
        final List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx1g", "-cp", System.getProperty("java.class.path"), "io.dikw.app.DikwCli", "harmonic"));
        cmd.addAll(args);
        final ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("HARMONIC_TOKEN", token.text());
        return pb.start();
    }

    private static void awaitUp(final MasterApi api, final Process p, final Path log, final int workers)
        throws IOException, InterruptedException {
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            if (!p.isAlive()) {
                throw new IllegalStateException("a harmonic process exited with code " + p.exitValue() + "; see " + log
                    + ":\n" + Files.readString(log));
            }
            try {
                if (api.status().path("workers").size() >= workers) {
                    return;
                }
            } catch (final IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the harmonic processes did not come up within 60 s; see " + log);
    }

    /** Workers first (newest first), the master last, so workers do not report losing it. */
    private static void stopAll(final List<Process> children) {
        for (int i = children.size() - 1; i >= 0; i--) {
            stop(children.get(i));
        }
    }

    private static void stop(final Process p) {
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (final InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
