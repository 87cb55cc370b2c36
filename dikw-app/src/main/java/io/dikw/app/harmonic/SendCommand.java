package io.dikw.app.harmonic;

import io.dikw.core.progress.ProgressBar;
import io.dikw.harmonic.client.ByteSize;
import io.dikw.harmonic.client.HarmonicClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dikw harmonic send}: sends files, one tuple each. */
@Command(name = "send", mixinStandardHelpOptions = true,
    description = {"Send files to a processor, one tuple per file, straight to free channels or through the master's "
        + "queue. Files are memory-mapped and sent without copies. Prints each file's tuple id."})
final class SendCommand implements Callable<Integer> {
    @Mixin
    MasterConnection connection;

    @Option(names = {"-P", "--processor"}, required = true, paramLabel = "NAME", description = "Processor to send to.")
    String processor;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to send.")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        for (final Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException("not a file: " + f);
            }
        }
        long bytes = 0;
        final ProgressBar bar = new ProgressBar("send", files.size(), System.err);
        try (HarmonicClient client = new HarmonicClient(connection.master, connection.token())) {
            int done = 0;
            for (final Path f : files) {
                final long id = client.sendFile(processor, f);
                bytes += Files.size(f);
                System.out.println(id + "\t" + f);
                bar.update(++done);
            }
            bar.finish(files.size() + " tuples, " + ByteSize.format(bytes) + ", " + client.retries() + " retries");
        }
        return 0;
    }
}
