package org.ztpbox.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program the lab started in the background; its stdout and stderr go to one log file. The lab
 * stops it when closing; tests may signal or stop it earlier.
 */
public final class LabProcess {

    private static final Duration GRACE = Duration.ofSeconds(5);

    private final String name;
    private final Process process;
    private final Path log;

    LabProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return log;
    }

    /** The whole log so far; empty when nothing was written yet. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String logTail(int lines) {
        List<String> all = log().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Sends a signal by name (INT, TERM, KILL) to this process only, by its PID. */
    public void signal(String signal) {
        if (!process.isAlive()) {
            return;
        }
        try {
            Process kill = new ProcessBuilder(Tools.path("kill"), "-s", signal, Long.toString(pid()))
                    .redirectErrorStream(true).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot signal " + name + " (pid " + pid() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL, then reap: the process gets no chance to clean up (a crash, a power cut of the JVM). */
    public void kill9() {
        process.destroyForcibly();
        awaitExit(GRACE);
    }

    /** Waits for the process to end; fails (with its log) when it is still running after {@code timeout}. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " (pid " + pid() + ") still running after " + timeout.toSeconds()
                        + " s; log tail:\n" + logTail(30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + name, e);
        }
        return process.exitValue();
    }

    public int exitValue() {
        return process.exitValue();
    }

    /**
     * SIGTERM, a grace period, then SIGKILL; also for any child it forked, each by its own PID
     * (collected first, because children of a dead parent are no longer its descendants).
     */
    public void stop() {
        List<ProcessHandle> children = process.descendants().toList();
        stopOne(process.toHandle());
        children.forEach(LabProcess::stopOne);
    }

    private static void stopOne(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        try {
            handle.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Did not end on SIGTERM in time: below it gets SIGKILL.
        }
        if (handle.isAlive()) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // Unkillable (in uninterruptible sleep): nothing more a test can do.
            }
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
