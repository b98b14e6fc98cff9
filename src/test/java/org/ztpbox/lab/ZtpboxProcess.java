package org.ztpbox.lab;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The real appliance, {@code java -jar ztpbox.jar run}, as a separate process inside the lab's
 * server namespace. Its configuration and state directory live in the lab directory, so a restart
 * finds the same store.
 */
public final class ZtpboxProcess {

    private static final String READY_LINE = "DHCP server listening on UDP port 67";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLI_TIMEOUT = Duration.ofSeconds(60);

    private final NetnsLab lab;
    private final Path jar;
    private final Path config;
    private final int generation;
    private final LabProcess process;

    private ZtpboxProcess(NetnsLab lab, Path jar, Path config, int generation, LabProcess process) {
        this.lab = lab;
        this.jar = jar;
        this.config = config;
        this.generation = generation;
        this.process = process;
    }

    /** Writes the config, starts the server and waits until it listens (fails with its log if it does not). */
    public static ZtpboxProcess start(NetnsLab lab, Path jar, ZtpboxYaml yaml) {
        Path config = lab.write("ztpbox.yaml", yaml.render(lab, lab.dir().resolve("state")), false);
        return launch(lab, jar, config, 1);
    }

    /** Starts the server again on the same config and state directory (after a stop or a kill -9). */
    public ZtpboxProcess restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("ztpbox is still running; stop or kill it first");
        }
        return launch(lab, jar, config, generation + 1);
    }

    private static ZtpboxProcess launch(NetnsLab lab, Path jar, Path config, int generation) {
        LabProcess process = lab.start(lab.serverNamespace(), "ztpbox-" + generation,
                List.of(Tools.java(), "-jar", jar.toString(), "run", "--config", config.toString()));
        ZtpboxProcess server = new ZtpboxProcess(lab, jar, config, generation, process);
        try {
            await("ztpbox listening").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .until(() -> !process.isAlive() || process.log().contains(READY_LINE));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("ztpbox did not print '" + READY_LINE + "' within " + START_TIMEOUT.toSeconds()
                    + " s; log tail:\n" + process.logTail(40), e);
        }
        if (!process.isAlive()) {
            throw new AssertionError("ztpbox exited with code " + process.exitValue() + " before listening; log:\n"
                    + process.logTail(40));
        }
        return server;
    }

    /** The configuration file it runs with, for the CLI commands a test runs beside it. */
    public Path config() {
        return config;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines of the server's log, for failure messages. */
    public String logTail() {
        return "--- ztpbox log (" + process.logFile().getFileName() + ", last 40 lines) ---\n" + process.logTail(40);
    }

    public String log() {
        return process.log();
    }

    /** SIGTERM: a clean shutdown. */
    public void stop() {
        process.stop();
    }

    /** SIGKILL to the server's PID: no shutdown hook, no final commit. */
    public void kill9() {
        process.kill9();
    }

    /** Another command of the same jar on the same config ({@code --config} appended), run on the host. */
    public CommandResult cli(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(Tools.java(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--config", config.toString()));
        return lab.runOnHost(CLI_TIMEOUT, command);
    }

    /** The state directory of the server (uploads, quarantine, database). */
    public Path stateDir() {
        return lab.dir().resolve("state");
    }

    /** {@code ztpbox leases --config <same file> --json}, run on the host; it reads the store directly. */
    public List<LeaseRecord> leases() {
        CommandResult result = lab.runOnHost(CLI_TIMEOUT, List.of(Tools.java(), "-jar", jar.toString(), "leases",
                "--config", config.toString(), "--json"));
        if (!result.succeeded()) {
            throw new AssertionError("ztpbox leases failed: " + result.describe());
        }
        return LeaseRecord.parseJsonArray(result.stdout());
    }
}
