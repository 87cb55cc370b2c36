package io.dikw.app;

import io.dikw.app.cluster.StormClusterCommand;
import io.dikw.app.collectives.CollectivesCommand;
import io.dikw.app.generate.GenerateCommand;
import io.dikw.app.graph.GraphCommand;
import io.dikw.app.harmonic.HarmonicCommand;
import io.dikw.app.microcluster.MicroclusterCommand;
import io.dikw.app.social.DemoCommand;
import io.dikw.app.social.SocialCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dikw} command line: one entry point for every stream job. */
@Command(
    name = "dikw",
    mixinStandardHelpOptions = true,
    versionProvider = DikwCli.Version.class,
    description = {
        "dikw turns live data streams into knowledge.",
        "",
        "Start here:",
        "  @|bold ./dikw demo|@                        cluster a bundled stream of 50,000 tweets into memes",
        "  @|bold ./dikw social run --input FILE|@     cluster your own tweets (JSON lines, v1.1 or v2)",
        "  @|bold ./dikw generate tweets --out FILE|@  make a synthetic stream with planted memes (or: generate kdd)",
        "  @|bold ./dikw microcluster run --input FILE --preset kdd99|@  sliding-window clustering of numbers",
        "  @|bold ./dikw graph serve|@                 run the streaming graph server (then graph stream / graph rmat)",
        "  @|bold ./dikw harmonic local --workers 2|@  HarmonicIO: large tuples to processing channels",
        "  @|bold ./dikw collectives bench|@           tree and ring broadcasts vs Storm's allGrouping, side by side",
        "  @|bold ./dikw storm-cluster start|@         a real multi-process Storm cluster on this machine",
        ""},
    subcommands = {DemoCommand.class, SocialCommand.class, GenerateCommand.class, MicroclusterCommand.class,
        GraphCommand.class, HarmonicCommand.class, CollectivesCommand.class, StormClusterCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Each command has its own help: ./dikw help COMMAND (e.g. ./dikw social run --help)."})
public final class DikwCli implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * @param args command-line arguments
     */
    public static void main(final String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** @return the configured command line (tests run commands through it) */
    public static CommandLine commandLine() {
        return new CommandLine(new DikwCli())
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setUsageHelpWidth(100)
            .setExecutionExceptionHandler(new ErrorHandler());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Reports the build's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            final String v = DikwCli.class.getPackage().getImplementationVersion();
            return new String[] {"dikw " + (v == null ? "(development build)" : v),
                "Java " + System.getProperty("java.version")};
        }
    }

    /** Prints a failure as one clear line (what went wrong and what to do), not a stack trace. */
    static final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(final Exception e, final CommandLine cmd,
            final CommandLine.ParseResult parsed) {
            final String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            cmd.getErr().println(cmd.getColorScheme().errorText(cmd.getCommandSpec().qualifiedName() + ": " + message));
            if (System.getenv("DIKW_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            } else {
                cmd.getErr().println("(set DIKW_DEBUG=1 to see the stack trace)");
            }
            return 1;
        }
    }
}
