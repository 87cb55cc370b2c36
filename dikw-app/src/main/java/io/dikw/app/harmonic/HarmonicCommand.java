package io.dikw.app.harmonic;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dikw harmonic}: HarmonicIO, large scientific tuples streamed straight to persistent processing channels. */
@Command(name = "harmonic", mixinStandardHelpOptions = true,
    description = {"HarmonicIO: sources stream large tuples straight to free processing channels on workers; the master "
        + "queues them (bounded) when every channel is busy. Every call needs the master's access token.",
        "",
        "Try: ./dikw harmonic local --workers 2   (then open the status page it prints)"},
    subcommands = {MasterCommand.class, WorkerCommand.class, SendCommand.class, SourceCommand.class,
        LocalCommand.class})
public final class HarmonicCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
