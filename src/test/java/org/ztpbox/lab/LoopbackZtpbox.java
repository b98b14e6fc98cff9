package org.ztpbox.lab;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The real appliance, {@code java -jar ztpbox.jar run}, on the host's loopback only: DHCP in watch
 * mode (it sends nothing) bound to {@code lo}, TFTP and HTTP on free high ports, HTTPS off. For
 * tests of what the appliance does with files and commands rather than with the LAN; the ztpbox
 * CLI runs beside it on the same configuration.
 */
public final class LoopbackZtpbox implements AutoCloseable {

    private static final String READY_LINE = "ztpbox running";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLI_TIMEOUT = Duration.ofSeconds(60);

    private final Path jar;
    private final Path dir;
    private final Path config;
    private final int httpPort;
    private final int tftpPort;
    private final List<LabProcess> processes = new ArrayList<>();
    private LabProcess server;
    private int commands;

    private LoopbackZtpbox(Path jar, Path dir, int httpPort, int tftpPort, int dhcpPort) throws IOException {
        this.jar = jar;
        this.dir = dir;
        this.httpPort = httpPort;
        this.tftpPort = tftpPort;
        this.config = Files.writeString(dir.resolve("ztpbox.yaml"), "network:\n  interface: lo\n  address: 127.0.0.1\n"
                + "dhcp:\n  mode: watch\n  port: " + dhcpPort + "\n"
                + "provisioning:\n  url: http://127.0.0.1:" + httpPort + "/prov/\n"
                + "tftp:\n  port: " + tftpPort + "\n"
                + "http:\n  listen: 127.0.0.1\n  port: " + httpPort + "\n  https-port: off\n"
                + "state-dir: " + dir.resolve("state") + "\n");
    }

    /** Writes the configuration into {@code dir}, starts the appliance and waits until it runs. */
    public static LoopbackZtpbox start(Path jar, Path dir) {
        try {
            LoopbackZtpbox z = new LoopbackZtpbox(jar, Files.createDirectories(dir), freeTcpPort(), freeUdpPort(),
                    freeUdpPort());
            z.launch();
            return z;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void launch() {
        server = spawn("ztpbox-run", List.of("run"));
        try {
            await("ztpbox running").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .until(() -> !server.isAlive() || server.log().contains(READY_LINE));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("ztpbox did not start within " + START_TIMEOUT.toSeconds() + " s:\n"
                    + logTail(), e);
        }
        if (!server.isAlive()) {
            throw new AssertionError("ztpbox exited with " + server.exitValue() + " before running:\n" + logTail());
        }
    }

    /** Starts {@code ztpbox <args> --config <this config>} in the background, output to a log file. */
    public LabProcess spawn(String name, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Tools.java(), "-jar", jar.toString()));
        command.addAll(args);
        command.addAll(List.of("--config", config.toString()));
        Path log = dir.resolve(name + "-" + (++commands) + ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            LabProcess process = new LabProcess(name, p, log);
            processes.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Runs {@code ztpbox <args> --config <this config>} to its end. */
    public CommandResult cli(String... args) {
        List<String> command = new ArrayList<>(List.of(Tools.java(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--config", config.toString()));
        Path out = dir.resolve("cli-" + (++commands) + ".out");
        Path err = dir.resolve("cli-" + commands + ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(CLI_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " still running after " + CLI_TIMEOUT);
            }
            return new CommandResult(command, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public Path stateDir() {
        return dir.resolve("state");
    }

    public String url(String name) {
        return "http://127.0.0.1:" + httpPort + "/prov/" + name;
    }

    public String tftpUrl(String name) {
        return "tftp://127.0.0.1:" + tftpPort + "/" + name;
    }

    public String log() {
        return server.log();
    }

    public String logTail() {
        return "--- ztpbox log ---\n" + server.logTail(40);
    }

    /** SIGKILL: no shutdown, no final flush. */
    public void kill9() {
        server.kill9();
    }

    @Override
    public void close() {
        processes.forEach(LabProcess::stop);
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
