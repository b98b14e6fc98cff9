package org.ztpbox.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLException;
import org.ztpbox.app.HttpAssembly;
import org.ztpbox.config.ConfigLoader;
import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.http.server.HttpServer;
import org.ztpbox.provisioning.StaticFileCatalog;
import org.ztpbox.provisioning.UploadDirectory;

/**
 * The HTTP/HTTPS server in the test JVM on 127.0.0.1 and free high ports (no root needed), wired
 * by the appliance's own composition code from a YAML {@code http} section, exactly as
 * {@code ztpbox run} wires it: {@code <dir>/files} served under {@code /prov/}, uploads in
 * {@code <dir>/uploads}, TLS material in {@code <dir>/tls}. Events are kept for assertions.
 */
public final class LoopbackHttpServer implements AutoCloseable {

    public static final String HOST = "127.0.0.1";

    private final Path dir;
    private final HttpServer server;
    private final List<PhoneEvent> events = new CopyOnWriteArrayList<>();

    private LoopbackHttpServer(Path dir, String httpSection) throws IOException {
        this.dir = Files.createDirectories(dir);
        int port = freePort();
        int httpsPort = freePort();
        String yaml = "state-dir: " + dir + "\n"
                + "provisioning:\n  url: http://" + HOST + ":" + port + "/prov/\n"
                + "http:\n  listen: " + HOST + "\n  port: " + port + "\n"
                + (httpSection.contains("https-port:") ? "" : "  https-port: " + httpsPort + "\n")
                + httpSection.stripTrailing().indent(2);
        ZtpboxConfig config = ConfigLoader.parse("test http section", yaml);
        StaticFileCatalog catalog = new StaticFileCatalog(dir.resolve("files"));
        UploadDirectory uploads = new UploadDirectory(dir.resolve("uploads"));
        this.server = HttpAssembly.create(config, Ipv4Address.parse(HOST), config.provisioning().url().toString(),
                catalog, uploads, events::add, Clock.systemUTC());
    }

    /**
     * @param httpSection YAML keys of the {@code http} section besides listen and ports, unindented;
     *                    {@code https-port: off} turns HTTPS off (otherwise it gets a free port)
     */
    public static LoopbackHttpServer start(Path dir, String httpSection) {
        try {
            LoopbackHttpServer s = new LoopbackHttpServer(dir, httpSection);
            s.server.start();
            return s;
        } catch (SSLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    public String url(String name) {
        return "http://" + HOST + ":" + server.port() + "/prov/" + name;
    }

    public String httpsUrl(String name) {
        return "https://" + HOST + ":" + server.httpsPort() + "/prov/" + name;
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

    /** The appliance CA certificate that {@code curl --cacert} trusts. */
    public Path caCertificate() {
        return dir.resolve("tls/ca.crt");
    }

    public Path accessLog() {
        return dir.resolve("log/http-access.log");
    }

    public HttpServer server() {
        return server;
    }

    public List<PhoneEvent> events() {
        return events;
    }

    /** Writes a served file, creating its directories. */
    public Path serve(String name, String content) {
        try {
            Path file = files().resolve(name);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
