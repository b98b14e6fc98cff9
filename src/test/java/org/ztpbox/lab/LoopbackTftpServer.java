package org.ztpbox.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ztpbox.config.TftpConfig;
import org.ztpbox.core.ClientDirectory;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.provisioning.StaticFileCatalog;
import org.ztpbox.provisioning.UploadDirectory;
import org.ztpbox.tftp.server.TftpServer;

/**
 * The TFTP server in the test JVM, on 127.0.0.1 and a free port (no root needed), serving
 * {@code <dir>/files} and storing uploads in {@code <dir>/uploads}, exactly as the appliance wires
 * them under its state directory. Events are kept for assertions.
 */
public final class LoopbackTftpServer implements AutoCloseable {

    public static final String HOST = "127.0.0.1";

    private final Path dir;
    private final TftpServer server;
    private final List<PhoneEvent> events = new CopyOnWriteArrayList<>();

    private LoopbackTftpServer(Path dir, TftpConfig config, ClientDirectory clients) throws IOException {
        this.dir = dir;
        StaticFileCatalog catalog = new StaticFileCatalog(dir.resolve("files"));
        UploadDirectory uploads = new UploadDirectory(dir.resolve("uploads"));
        this.server = new TftpServer(config, InetAddress.getByName(HOST), catalog, uploads, events::add,
                clients, Clock.systemUTC(), 2);
    }

    public static LoopbackTftpServer start(Path dir, TftpConfig config) {
        return start(dir, config, ClientDirectory.none());
    }

    /** @param clients what the server takes to be the phone behind a client address */
    public static LoopbackTftpServer start(Path dir, TftpConfig config, ClientDirectory clients) {
        try {
            LoopbackTftpServer s = new LoopbackTftpServer(dir, config, clients);
            s.server.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The defaults on port 0, with or without uploads. */
    public static TftpConfig config(boolean writes) {
        return config(writes, 256, 4, Duration.ofSeconds(2));
    }

    public static TftpConfig config(boolean writes, int maxTransfers, int perClient, Duration queueWait) {
        TftpConfig d = TftpConfig.defaults(0);
        return new TftpConfig(true, 0, maxTransfers, perClient, queueWait, Duration.ofMillis(300), d.retries(),
                d.maxBlksize(), d.maxWindowsize(), writes, 1 << 20);
    }

    public int port() {
        return server.port();
    }

    public Path files() {
        return dir.resolve("files");
    }

    public Path uploads() {
        return dir.resolve("uploads");
    }

    public TftpServer server() {
        return server;
    }

    public List<PhoneEvent> events() {
        return events;
    }

    /** Writes a file of {@code size} pseudo-random bytes (a fixed seed per name) into the served root. */
    public Path serve(String name, int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(name.hashCode()).nextBytes(bytes);
        return serve(name, bytes);
    }

    public Path serve(String name, byte[] content) {
        try {
            Path file = files().resolve(name);
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
