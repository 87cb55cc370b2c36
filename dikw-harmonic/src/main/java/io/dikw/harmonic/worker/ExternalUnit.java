package io.dikw.harmonic.worker;

import io.dikw.harmonic.processor.StdioProtocol;
import io.dikw.harmonic.processor.Tuple;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/** A unit that is an external command kept running, spoken to with {@link StdioProtocol}. */
final class ExternalUnit implements ProcessingUnit {
    private final Process process;
    private final DataOutputStream in;
    private final DataInputStream out;
    private final int outputLimit;
    private final String description;

    ExternalUnit(final List<String> command, final int outputLimit) throws IOException {
        try {
            this.process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (final IOException e) {
            throw new IOException("cannot start external unit " + command + ": " + e.getMessage(), e);
        }
        this.in = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        this.out = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
        this.outputLimit = outputLimit;
        this.description = "external unit '" + describe(command) + "' (pid " + process.pid() + ")";
    }

    /** @return the command, shortened to its program and last argument when long (class paths are) */
    static String describe(final List<String> command) {
        final String full = String.join(" ", command);
        return full.length() <= 100 ? full : command.get(0) + " ... " + command.get(command.size() - 1);
    }

    long pid() {
        return process.pid();
    }

    @Override
    public ByteBuffer process(final Tuple tuple) throws Exception {
        final StdioProtocol.Response r;
        try {
            StdioProtocol.writeRequest(in, tuple.id(), tuple.payload());
            r = StdioProtocol.readResponse(out, outputLimit);
        } catch (final IOException e) {
            throw new UnitCrashedException(description + " died while processing tuple " + tuple.id()
                + exitCode() + ": " + e, e);
        }
        if (r.tupleId() != tuple.id()) {
            throw new UnitCrashedException(description + " answered tuple " + r.tupleId() + " while processing "
                + tuple.id() + " (protocol out of step)", null);
        }
        if (r.error()) {
            throw new ProcessorFailedException(r.text());
        }
        return ByteBuffer.wrap(r.bytes());
    }

    private String exitCode() {
        try {
            return process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS) ? " (exit code " + process.exitValue() + ")" : "";
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            in.close();
        } catch (final IOException ignored) {
            // already dead
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
