package io.dikw.app.graph;

import picocli.CommandLine.Command;

/** {@code dikw graph}: the streaming graph server and its stream processes. */
@Command(name = "graph", mixinStandardHelpOptions = true,
    description = {"Streaming graph server (STINGER-compatible stream port): keep a dynamic graph in memory and feed it "
        + "batches of edges over TCP.",
        "Start a server with 'graph serve', then send it records with 'graph stream' or a synthetic R-MAT stream "
            + "with 'graph rmat'."},
    subcommands = {ServeCommand.class, StreamCommand.class, RmatCommand.class})
public final class GraphCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
