package org.ztpbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.lab.Curl;
import org.ztpbox.lab.LoopbackHttpServer;
import org.ztpbox.lab.Prerequisites;

/**
 * curl against the HTTP server in this JVM on 127.0.0.1, without authentication: downloads with
 * validators, conditional and range requests, uploads, path escapes, malformed and slow clients,
 * firmware-family trees and the access log.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HttpServingIT {

    private static final String MASTER = "<APPLICATION APP_FILE_PATH=\"sip.ld\" CONFIG_FILES=\"site.cfg\"/>\n";
    private static final String VVX = "FileTransport PolycomVVX-VVX_410-UA/5.9.5.0614 Type/Application";
    private static final String SPIP_3 = "FileTransport PolycomSoundPointIP-SPIP_335-UA/3.2.1.0078";

    @TempDir
    Path dir;
    private Curl curl;
    private LoopbackHttpServer server;

    @BeforeEach
    void setUp() throws IOException {
        Prerequisites.requirePrograms(Curl.PROGRAMS);
        curl = new Curl(Files.createDirectories(dir.resolve("client")));
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    private LoopbackHttpServer start(String httpSection) {
        server = LoopbackHttpServer.start(dir.resolve("state"), "https-port: off\n" + httpSection);
        server.serve("000000000000.cfg", MASTER);
        return server;
    }

    @Test
    void downloadsWithValidatorsConditionalRequestsAndRanges() throws IOException {
        start("");
        byte[] firmware = new byte[300_000];
        new java.util.Random(7).nextBytes(firmware);
        Files.write(server.files().resolve("sip.ld"), firmware);

        Curl.Response get = curl.run("-A", VVX, server.url("000000000000.cfg"));
        assertThat(get.status()).as(get.describe()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(MASTER);
        String etag = get.header("ETag");
        assertThat(etag).startsWith("\"");
        assertThat(get.header("Last-Modified")).endsWith(" GMT");

        Curl.Response unchanged = curl.run("-H", "If-None-Match: " + etag, server.url("000000000000.cfg"));
        assertThat(unchanged.status()).as(unchanged.describe()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        // curl -z sends If-Modified-Since with the file's own time: not modified since.
        Curl.Response notNewer = curl.run("-z", get.header("Last-Modified"), server.url("000000000000.cfg"));
        assertThat(notNewer.status()).as(notNewer.describe()).isEqualTo(304);

        Path whole = dir.resolve("client/sip.ld");
        Curl.Response big = curl.runTo(whole, server.url("sip.ld"));
        assertThat(big.status()).isEqualTo(200);
        assertThat(Files.mismatch(whole, server.files().resolve("sip.ld"))).isEqualTo(-1L);

        Curl.Response part = curl.run("-r", "1000-1999", server.url("sip.ld"));
        assertThat(part.status()).as(part.describe()).isEqualTo(206);
        assertThat(part.header("Content-Range")).isEqualTo("bytes 1000-1999/300000");
        assertThat(part.body().getBytes(StandardCharsets.ISO_8859_1))
                .isEqualTo(java.util.Arrays.copyOfRange(firmware, 1000, 2000));
        // Resuming a download (curl -C) is a range request with If-Range semantics left to the server.
        Files.write(whole, java.util.Arrays.copyOf(firmware, 120_000));
        Curl.Response resumed = curl.runTo(whole, "-C", "-", server.url("sip.ld"));
        assertThat(resumed.status()).isEqualTo(206);
        assertThat(Files.mismatch(whole, server.files().resolve("sip.ld"))).isEqualTo(-1L);

        Curl.Response head = curl.run("-I", server.url("sip.ld"));
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo("300000");

        assertThat(curl.run(server.url("0004f2aa814c.cfg")).status()).isEqualTo(404);
        assertThat(curl.run("-X", "DELETE", server.url("000000000000.cfg")).status()).isEqualTo(405);
        assertThat(curl.run("-X", "POST", "-d", "x=1", server.url("000000000000.cfg")).status()).isEqualTo(405);

        PhoneEvent event = server.events().get(0);
        assertThat(event.source()).isEqualTo("http");
        assertThat(event.details()).containsEntry("model", "VVX410").containsEntry("firmware", "5.9.5.0614")
                .containsEntry("stage", "Application").containsEntry("status", "200").containsEntry("family", "uc4");
    }

    @Test
    void pathEscapesAreRefusedAndNothingOutsideTheRootIsServed() throws IOException {
        start("");
        Files.writeString(dir.resolve("state/secret.txt"), "do not serve");
        for (String path : List.of("/prov/../secret.txt", "/prov/%2e%2e/secret.txt", "/prov/..%2fsecret.txt",
                "/prov/%2e%2e%5csecret.txt", "/prov/./000000000000.cfg")) {
            Curl.Response r = curl.run("--path-as-is", "http://" + LoopbackHttpServer.HOST + ":" + server.port() + path);
            assertThat(r.status()).as(path + "\n" + r.describe()).isEqualTo(400);
            assertThat(r.body()).doesNotContain("do not serve");
        }
        Curl.Response outside = curl.run("--path-as-is", "http://" + LoopbackHttpServer.HOST + ":" + server.port()
                + "/../secret.txt");
        assertThat(outside.status()).isEqualTo(404);
        Files.createSymbolicLink(server.files().resolve("link.cfg"), dir.resolve("state/secret.txt"));
        assertThat(curl.run(server.url("link.cfg")).status()).isEqualTo(404);
    }

    @Test
    void uploadsLandAtomicallyKeepThePreviousVersionAndRefuseOtherNamesAndOversize() throws IOException {
        start("max-upload: 4k\n");
        Path log = Files.writeString(dir.resolve("client/app.log"), "boot ok\n");
        Curl.Response created = curl.run("-T", log.toString(), server.url("logs/0004f2aa814c-app.log"));
        assertThat(created.status()).as(created.describe()).isEqualTo(201);
        Path stored = server.uploads().resolve("0004f2aa814c/0004f2aa814c-app.log");
        assertThat(stored).hasContent("boot ok\n");

        Files.writeString(log, "second boot\n");
        assertThat(curl.run("-T", log.toString(), server.url("logs/0004f2aa814c-app.log")).status()).isEqualTo(204);
        assertThat(stored).hasContent("second boot\n");
        assertThat(stored.resolveSibling("0004f2aa814c-app.log.previous")).hasContent("boot ok\n");

        Curl.Response notAnUpload = curl.run("-T", log.toString(), server.url("000000000000.cfg"));
        assertThat(notAnUpload.status()).isEqualTo(403);
        assertThat(server.files().resolve("000000000000.cfg")).hasContent(MASTER);
        assertThat(curl.run("-T", log.toString(), server.url("0004f2aa814c.cfg")).status()).isEqualTo(403);

        Path big = Files.write(dir.resolve("client/big.cfg"), new byte[8192]);
        assertThat(curl.run("-T", big.toString(), server.url("0004f2aa814c-phone.cfg")).status()).isEqualTo(413);
        // Without a length up front the cap is enforced while the body streams in.
        Curl.Response chunked = curl.run("-T", big.toString(), "-H", "Transfer-Encoding: chunked",
                server.url("0004f2aa814c-web.cfg"));
        assertThat(chunked.status()).as(chunked.describe()).isEqualTo(413);
        try (var files = Files.list(stored.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("0004f2aa814c-app.log", "0004f2aa814c-app.log.previous");
        }
    }

    @Test
    void firmwareFamiliesGetTheirOwnTreeAndFallBackToTheRoot() {
        start("firmware-trees:\n  uc3: polycom\n  uc4: polycomuc\n");
        server.serve("site.cfg", "root");
        server.serve("polycom/site.cfg", "uc3 tree");
        server.serve("polycomuc/site.cfg", "uc4 tree");
        assertThat(curl.run("-A", SPIP_3, server.url("site.cfg")).body()).isEqualTo("uc3 tree");
        assertThat(curl.run("-A", VVX, server.url("site.cfg")).body()).isEqualTo("uc4 tree");
        assertThat(curl.run(server.url("site.cfg")).body()).isEqualTo("root");
        assertThat(curl.run("-A", VVX, server.url("000000000000.cfg")).body()).isEqualTo(MASTER);
    }

    @Test
    void malformedRequestsGet400AndTheServerKeepsServing() throws IOException {
        start("");
        for (String junk : List.of("GARBAGE\r\n\r\n", "GET /prov/000000000000.cfg HTTP/1.1\r\nNoColonHeader\r\n\r\n",
                "GET /prov/000000000000.cfg HTTP/1.1\r\nHost: x\r\nContent-Length: banana\r\n\r\n",
                "\u0001\u0002\u00ff\u00fe garbage \r\n\r\n")) {
            assertThat(rawExchange(junk)).as(junk).startsWith("HTTP/1.").contains(" 400 ");
        }
        assertThat(rawExchange("GET /prov/" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n")).contains(" 414 ");
        assertThat(rawExchange("GET /prov/000000000000.cfg HTTP/1.1\r\nHost: x\r\nX: " + "b".repeat(20_000)
                + "\r\n\r\n")).contains(" 431 ");
        assertThat(rawExchange("GET /prov/000000000000.cfg HTTP/2.0\r\nHost: x\r\n\r\n")).contains(" 505 ");
        Curl.Response after = curl.run(server.url("000000000000.cfg"));
        assertThat(after.status()).isEqualTo(200);
        assertThat(server.server().counters().malformed()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void slowClientsAreCutOffAndConnectionsAreCapped() throws Exception {
        start("request-timeout: 1s\nmax-connections-per-client: 3\n");
        try (Socket slow = new Socket(LoopbackHttpServer.HOST, server.port())) {
            slow.setSoTimeout(200);
            OutputStream out = slow.getOutputStream();
            out.write("GET /prov/000000000000.cfg HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            boolean closed = false;
            // A header byte every 200 ms: never idle, but never complete.
            for (int i = 0; i < 25 && !closed; i++) {
                try {
                    out.write('X');
                    out.flush();
                    closed = slow.getInputStream().read() == -1;
                } catch (SocketTimeoutException stillOpen) {
                    continue;
                } catch (IOException reset) {
                    closed = true;
                }
            }
            assertThat(closed).as("the server closes a request still incomplete after request-timeout").isTrue();
            assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(4));
        }
        assertThat(server.server().counters().timeouts()).isEqualTo(1);

        Socket[] held = new Socket[3];
        try {
            for (int i = 0; i < held.length; i++) {
                held[i] = new Socket(LoopbackHttpServer.HOST, server.port());
            }
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> server.server().counters().snapshot().get("connections") >= 3);
            assertThat(curl.run(server.url("000000000000.cfg")).status()).as("a fourth connection").isZero();
            assertThat(server.server().counters().refusedConnections()).isEqualTo(1);
        } finally {
            for (Socket s : held) {
                if (s != null) {
                    s.close();
                }
            }
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> curl.run(server.url("000000000000.cfg")).status() == 200);
    }

    @Test
    void everyRequestIsInTheAccessLogInCombinedFormat() throws IOException {
        start("");
        curl.run("-A", VVX, "-e", "http://referer/", server.url("000000000000.cfg"));
        curl.run("-A", "evil\"agent", server.url("missing.cfg"));
        server.close();
        List<String> lines = Files.readAllLines(server.accessLog());
        server = null;
        Pattern combined = Pattern.compile("^127\\.0\\.0\\.1 - - \\[\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4}] "
                + "\"GET /prov/000000000000\\.cfg HTTP/1\\.1\" 200 " + MASTER.length()
                + " \"http://referer/\" \"" + Pattern.quote(VVX) + "\"$");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches(combined);
        assertThat(lines.get(1)).endsWith("\"GET /prov/missing.cfg HTTP/1.1\" 404 - \"-\" \"evil\\x22agent\"");
    }

    /** Sends raw bytes on a fresh connection and returns what comes back until the server closes it. */
    private String rawExchange(String request) throws IOException {
        try (Socket socket = new Socket(LoopbackHttpServer.HOST, server.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
