package org.ztpbox.lab;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program on the host (no namespace) with a time limit, output captured in files of a
 * work directory, for real clients talking to a server on loopback. A program still running at
 * the limit is killed by its PID and the test fails with its output.
 */
public final class HostCommand {

    private HostCommand() {
    }

    public static CommandResult run(Path workDir, Duration timeout, List<String> command) {
        try {
            Path out = Files.createTempFile(workDir, "cmd-", ".out");
            Path err = Files.createTempFile(workDir, "cmd-", ".err");
            Process process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError("`" + String.join(" ", command) + "` did not finish within "
                        + timeout.toSeconds() + " s; output so far:\n" + Files.readString(out) + Files.readString(err));
            }
            return new CommandResult(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }
}
