package io.dikw.app.harmonic;

import io.dikw.harmonic.client.ByteSize;
import io.dikw.harmonic.sink.FileDirectorySink;
import io.dikw.harmonic.sink.LogSink;
import io.dikw.harmonic.sink.Sink;
import io.dikw.harmonic.worker.Worker;
import io.dikw.harmonic.worker.WorkerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dikw harmonic worker}: runs a worker until stopped or the master goes away. */
@Command(name = "worker", mixinStandardHelpOptions = true,
    description = {"Run a HarmonicIO worker: registers with the master and runs one channel per core (by default), each "
        + "hosting a persistent processing unit: a Java processor (--processor, found through ServiceLoader; built in: "
        + "echo, sha256) or an external command in any language (--command) spoken to over stdin/stdout.",
        "A crashed unit is restarted and its tuple redelivered; a unit over --timeout is restarted and the tuple recorded "
        + "as failed; failed tuples are kept in --dead. Results go to --out (one file per tuple) or the log (--log)."})
final class WorkerCommand implements Callable<Integer> {
    @Mixin
    MasterConnection connection;

    @Option(names = {"-P", "--processor"}, required = true, paramLabel = "NAME",
        description = "Name sources address; with no --command, the Java processor of that name.")
    String processor;

    @Option(names = {"-c", "--command"}, paramLabel = "CMD",
        description = "External unit to keep running per channel, e.g. \"python3 examples/harmonic/upper.py\" (split on spaces).")
    String command;

    @Option(names = "--channels", paramLabel = "N", description = "Channels (units); default: one per core.")
    Integer channels;

    @Option(names = {"-o", "--out"}, defaultValue = "harmonic-out/results", paramLabel = "DIR",
        description = "Directory for results (DIR/PROCESSOR/TUPLEID.out); default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--log", description = "Log one line per result instead of writing files.")
    boolean log;

    @Option(names = "--dead", defaultValue = "harmonic-out/dead", paramLabel = "DIR",
        description = "Directory for failed tuples and failures-NAME.jsonl; default: ${DEFAULT-VALUE}.")
    Path dead;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
        description = "Longest a unit may take on one tuple; default: ${DEFAULT-VALUE} s.")
    double timeoutSeconds;

    @Option(names = "--name", paramLabel = "NAME", description = "Worker name on the status page; default: worker-PID.")
    String name;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "HOST",
        description = "Address the channels listen on; default: ${DEFAULT-VALUE}.")
    String bind;

    @Option(names = "--advertise", paramLabel = "HOST", description = "Host sources use to reach the channels; default: --bind.")
    String advertise;

    @Option(names = "--max-payload", defaultValue = "64MB", paramLabel = "SIZE",
        description = "Largest tuple accepted; default: ${DEFAULT-VALUE}.")
    String maxPayload;

    @Override
    public Integer call() throws Exception {
        WorkerConfig config = WorkerConfig.defaults(connection.master, connection.token(), processor);
        config = config.withCommand(command == null ? List.of() : List.of(command.trim().split("\\s+")))
            .withChannels(channels == null ? config.channels() : channels,
                Duration.ofMillis((long) (timeoutSeconds * 1000)))
            .withDeadDir(dead, name == null ? config.name() : name)
            .withNetwork(bind, advertise == null ? bind : advertise, ByteSize.parse(maxPayload));
        final Sink sink = log ? new LogSink() : new FileDirectorySink(out);
        try (Worker worker = Worker.start(config, sink)) {
            Runtime.getRuntime().addShutdownHook(new Thread(worker::close));
            System.out.println("HarmonicIO worker " + config.name() + " (id " + worker.id() + "): " + config.channels()
                + " channels of '" + processor + "'" + (command == null ? "" : " running " + command)
                + ", results to " + sink + ", failures to " + dead);
            System.out.flush();
            final String reason = worker.stopped().get();
            System.out.println("worker stopped: " + reason);
            return "closed".equals(reason) ? 0 : 1;
        }
    }
}
