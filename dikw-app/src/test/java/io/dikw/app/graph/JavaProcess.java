package io.dikw.app.graph;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A {@code dikw} command run in its own JVM, with its output collected line by line. */
final class JavaProcess implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private JavaProcess(final Process process) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (final IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code DikwCli args...} with the test's class path; stderr goes with stdout. */
    static JavaProcess dikw(final String... args) throws IOException {
        final List<String> command = new ArrayList<>(List.of(
            System.getProperty("java.home") + "/bin/java", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
            "io.dikw.app.DikwCli"));
        command.addAll(List.of(args));
        return new JavaProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** @return the first line (so far or within the timeout) that matches, or throws with the output */
    String await(final Predicate<String> match, final long seconds) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (lines) {
            int seen = 0;
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (match.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                final long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching line within " + seconds + " s; output:\n" + output());
                }
                lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /** @return all output so far */
    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** @return output lines so far */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Waits for a normal end; @return the exit code */
    int waitFor(final long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("process still running after " + seconds + " s; output:\n" + output());
        }
        reader.join(5000);
        return process.exitValue();
    }

    /** Sends SIGTERM (a graceful stop) and waits. */
    int stop(final long seconds) throws InterruptedException {
        process.destroy();
        return waitFor(seconds);
    }

    /** SIGKILL: the process gets no chance to clean up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
