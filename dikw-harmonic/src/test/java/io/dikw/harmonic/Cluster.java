package io.dikw.harmonic;

import io.dikw.harmonic.auth.AccessToken;
import io.dikw.harmonic.master.Master;
import io.dikw.harmonic.master.MasterConfig;
import io.dikw.harmonic.sink.FileDirectorySink;
import io.dikw.harmonic.worker.Worker;
import io.dikw.harmonic.worker.WorkerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A master and workers in this JVM (the external units are real processes), for tests. */
public final class Cluster implements AutoCloseable {
    /** The command of the example external unit, on this JVM's class path. */
    public static final List<String> EXAMPLE_UNIT = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx64m", "-cp", System.getProperty("java.class.path"), "io.dikw.harmonic.processor.ExampleUnit");

    public final AccessToken token;
    public final Master master;
    public final List<Worker> workers = new ArrayList<>();
    public final Path out;
    public final Path dead;

    public Cluster(final Path dir, final MasterConfig config) throws Exception {
        this.token = config == null ? AccessToken.generate() : config.token();
        this.out = dir.resolve("out");
        this.dead = dir.resolve("dead");
        this.master = Master.start(config == null ? MasterConfig.defaults(token) : config);
    }

    public static Cluster start(final Path dir) throws Exception {
        return new Cluster(dir, null);
    }

    public URI url() {
        return URI.create(master.url());
    }

    public Worker addWorker(final String processor, final List<String> command, final int channels,
        final Duration timeout) throws Exception {
        final WorkerConfig config = WorkerConfig.defaults(url(), token.text(), processor)
            .withCommand(command).withChannels(channels, timeout)
            .withDeadDir(dead, "w" + workers.size());
        final Worker w = Worker.start(config, new FileDirectorySink(out));
        workers.add(w);
        return w;
    }

    @Override
    public void close() {
        workers.forEach(Worker::close);
        master.close();
    }
}
