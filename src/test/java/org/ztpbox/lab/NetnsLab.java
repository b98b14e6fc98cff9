package org.ztpbox.lab;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away LAN made of network namespaces: a server namespace holding a bridge with the
 * server's address, and any number of client namespaces, each joined to the bridge by a veth pair.
 * Addresses exist only inside these namespaces, and every link is created inside them, so no
 * packet and no interface ever reaches the host's own network.
 *
 * <p>Names carry a random suffix ({@code ztl} + 5 characters) so concurrent runs do not collide
 * and leftovers are easy to spot in {@code ip netns list}. {@link #close()} stops every process the
 * lab started (by PID), deletes its namespaces (which removes the veths and the bridge) and its
 * temp directory; a shutdown hook does the same if the test JVM is stopped early.
 */
public final class NetnsLab implements AutoCloseable {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(15);
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Everything the lab runs gets this environment instead of the test JVM's: reproducible, and
     * the hook recordings (which dump the environment) never carry the CI's tokens.
     */
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG", "C.UTF-8");

    private final String id;
    private final Path dir;
    private final String serverAddress;
    private final int prefixLength;
    private final String serverNamespace;
    private final String bridge;
    private final List<String> namespaces = new ArrayList<>();
    private final List<LabProcess> processes = new ArrayList<>();
    private final List<LabClient> clients = new ArrayList<>();
    private final Thread shutdownHook;
    private int commandCount;
    private boolean closed;

    private NetnsLab(String serverCidr) throws IOException {
        String[] parts = serverCidr.split("/");
        this.serverAddress = parts[0];
        this.prefixLength = Integer.parseInt(parts[1]);
        this.id = "ztl" + randomSuffix();
        this.dir = Files.createTempDirectory("ztpbox-it-" + id + "-");
        this.serverNamespace = id + "-srv";
        this.bridge = id + "br";
        this.shutdownHook = new Thread(this::close, "netns-lab-cleanup-" + id);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Creates the server namespace with a bridge addressed {@code serverCidr} (e.g.
     * {@code 10.231.0.1/24}); on any failure whatever was created is removed again.
     */
    public static NetnsLab open(String serverCidr) {
        NetnsLab lab;
        try {
            lab = new NetnsLab(serverCidr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            lab.createServerSide();
            return lab;
        } catch (RuntimeException | Error e) {
            lab.close();
            throw e;
        }
    }

    private void createServerSide() {
        addNamespace(serverNamespace);
        ip("-n", serverNamespace, "link", "add", bridge, "type", "bridge");
        ip("-n", serverNamespace, "addr", "add", serverAddress + "/" + prefixLength, "dev", bridge);
        ip("-n", serverNamespace, "link", "set", bridge, "up");
        // The server broadcasts replies to clients without an address; a bare namespace has no
        // route for the limited broadcast, so the send would fail (DESIGN.md, Pitfalls).
        ip("-n", serverNamespace, "route", "add", "255.255.255.255/32", "dev", bridge);
    }

    /** A client without an address (it will ask DHCP for one), with the given MAC. */
    public LabClient addClient(String mac) {
        return addClient(mac, null);
    }

    /** A client with a fixed address such as {@code 10.231.0.2/24} (a relay agent), or null for none. */
    public LabClient addClient(String mac, String cidr) {
        int n = clients.size() + 1;
        String namespace = id + "-c" + n;
        String clientIface = id + "c" + n;
        String serverPort = id + "s" + n;
        addNamespace(namespace);
        // Created inside the server namespace with its peer moved straight into the client's:
        // neither end ever exists in the host's namespace.
        ip("-n", serverNamespace, "link", "add", serverPort, "type", "veth", "peer", "name", clientIface,
                "netns", namespace);
        ip("-n", serverNamespace, "link", "set", serverPort, "master", bridge);
        ip("-n", serverNamespace, "link", "set", serverPort, "up");
        ip("-n", namespace, "link", "set", clientIface, "address", mac);
        if (cidr != null) {
            ip("-n", namespace, "addr", "add", cidr, "dev", clientIface);
        }
        ip("-n", namespace, "link", "set", clientIface, "up");
        LabClient client = new LabClient(namespace, clientIface, mac.toLowerCase(),
                cidr == null ? null : cidr.split("/")[0]);
        clients.add(client);
        return client;
    }

    private void addNamespace(String name) {
        ip("netns", "add", name);
        namespaces.add(name);
        ip("-n", name, "link", "set", "lo", "up");
    }

    private void ip(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Tools.path("ip"));
        command.addAll(List.of(args));
        runOnHost(COMMAND_TIMEOUT, command).requireSuccess();
    }

    public String id() {
        return id;
    }

    /** The lab's temp directory: configs, hook scripts, recordings, logs, captures, the server's state. */
    public Path dir() {
        return dir;
    }

    public String serverNamespace() {
        return serverNamespace;
    }

    /** The interface the server serves: the bridge that every client is plugged into. */
    public String serverInterface() {
        return bridge;
    }

    public String serverAddress() {
        return serverAddress;
    }

    /** Runs a command on the host (not in a namespace), e.g. the ztpbox CLI reading the store. */
    public CommandResult runOnHost(Duration timeout, List<String> command) {
        Path out;
        Path err;
        synchronized (this) {
            commandCount++;
            out = dir.resolve("command-" + commandCount + ".out");
            err = dir.resolve("command-" + commandCount + ".err");
        }
        try {
            Process process = withLabEnvironment(new ProcessBuilder(command))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError("`" + String.join(" ", command) + "` did not finish within "
                        + timeout.toSeconds() + " s; output so far:\n" + read(out) + read(err));
            }
            return new CommandResult(command, process.exitValue(), read(out), read(err));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    /** Runs a command inside a namespace and waits for it (at most {@code timeout}). */
    public CommandResult exec(String namespace, Duration timeout, String... command) {
        return runOnHost(timeout, inNamespace(namespace, List.of(command)));
    }

    /**
     * Starts a command in the background inside a namespace; its output goes to
     * {@code <name>.log} in the lab directory. The lab stops it on close.
     */
    public synchronized LabProcess start(String namespace, String name, List<String> command) {
        if (closed) {
            throw new IllegalStateException("lab " + id + " is closed");
        }
        Path log = dir.resolve(name + ".log");
        try {
            // ip netns exec execs the command itself, so the PID we hold is the program's own.
            Process process = withLabEnvironment(new ProcessBuilder(inNamespace(namespace, command)))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            LabProcess started = new LabProcess(name, process, log);
            processes.add(started);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private static ProcessBuilder withLabEnvironment(ProcessBuilder builder) {
        builder.environment().clear();
        builder.environment().putAll(ENVIRONMENT);
        return builder;
    }

    private static List<String> inNamespace(String namespace, List<String> command) {
        List<String> full = new ArrayList<>(List.of(Tools.path("ip"), "netns", "exec", namespace));
        full.addAll(command);
        return full;
    }

    /** Writes a file into the lab directory (configs, hook scripts). */
    public Path write(String fileName, String content, boolean executable) {
        try {
            Path file = dir.resolve(fileName);
            Files.writeString(file, content, StandardCharsets.UTF_8);
            if (executable && !file.toFile().setExecutable(true, true)) {
                throw new IOException("cannot make " + file + " executable");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).stop();
        }
        for (int i = namespaces.size() - 1; i >= 0; i--) {
            List<String> command = List.of(Tools.path("ip"), "netns", "delete", namespaces.get(i));
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                process.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (IOException e) {
                System.err.println("netns lab " + id + ": cannot delete namespace " + namespaces.get(i) + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deleteDirectory();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: this close() is the hook itself.
        }
    }

    private void deleteDirectory() {
        if (Boolean.getBoolean("ztpbox.it.keep")) {
            System.err.println("netns lab " + id + ": kept " + dir + " (-Dztpbox.it.keep=true)");
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("netns lab " + id + ": cannot delete " + dir + ": " + e);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static String randomSuffix() {
        StringBuilder sb = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
