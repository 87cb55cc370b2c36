package io.dikw.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Runs the {@code dikw} command line in this JVM and captures what it prints, for tests.
 *
 * @param code the exit code
 * @param out standard output
 * @param err standard error and picocli's error stream
 */
public record CliRun(int code, String out, String err) {
    /**
     * @param args command-line arguments
     * @return the outcome
     */
    public static CliRun run(final String... args) {
        final PrintStream oldOut = System.out;
        final PrintStream oldErr = System.err;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final StringWriter cliErr = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            final CommandLine cli = DikwCli.commandLine();
            cli.setErr(new PrintWriter(cliErr, true));
            cli.setOut(new PrintWriter(System.out, true));
            final int code = cli.execute(args);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8) + cliErr);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
