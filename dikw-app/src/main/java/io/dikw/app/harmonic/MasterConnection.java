package io.dikw.app.harmonic;

import java.net.URI;
import picocli.CommandLine.Option;

/** Options naming the master and the token, shared by worker, send and source. */
final class MasterConnection {
    @Option(names = {"-m", "--master"}, required = true, paramLabel = "URL",
        description = "The master's HTTP address, e.g. http://127.0.0.1:8080 (printed by 'harmonic master').")
    URI master;

    @Option(names = {"-t", "--token"}, paramLabel = "TOKEN", defaultValue = "${env:HARMONIC_TOKEN}",
        description = "The master's access token (printed at its start); default: the HARMONIC_TOKEN environment variable.")
    String token;

    String token() {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("no access token: pass --token TOKEN or set HARMONIC_TOKEN "
                + "(the master prints its token when it starts)");
        }
        return token;
    }
}
