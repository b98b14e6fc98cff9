package org.ztpbox.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.config.HttpAuthConfig;
import org.ztpbox.config.HttpConfig;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.core.PhoneRecord;
import org.ztpbox.core.Transport;
import org.ztpbox.http.AccessLogFormat;
import org.ztpbox.http.auth.Authenticator;
import org.ztpbox.http.auth.Credentials;
import org.ztpbox.http.auth.NonceService;
import org.ztpbox.http.routes.FamilyTrees;
import org.ztpbox.http.routes.ProvisioningRoutes;
import org.ztpbox.provisioning.StaticFileCatalog;
import org.ztpbox.provisioning.UploadDirectory;
import org.ztpbox.provisioning.records.PhoneObservations;

/** The request handler on an EmbeddedChannel, bytes in and bytes out, behind the real HTTP codec. */
class ProvisioningHandlerTest {

    private static final String MASTER = "<APPLICATION APP_FILE_PATH=\"sip.ld\" CONFIG_FILES=\"site.cfg\"/>\n";
    private static final Instant MTIME = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;
    private final List<PhoneEvent> events = new CopyOnWriteArrayList<>();
    private UploadDirectory uploads;
    private EmbeddedChannel channel;

    @BeforeEach
    void setUp() throws IOException {
        Path files = Files.createDirectories(dir.resolve("files"));
        Files.writeString(files.resolve("000000000000.cfg"), MASTER);
        Files.setLastModifiedTime(files.resolve("000000000000.cfg"), FileTime.from(MTIME));
        byte[] firmware = new byte[ResponseWriter.INLINE_LIMIT + 1];
        Files.write(files.resolve("sip.ld"), firmware);
        uploads = new UploadDirectory(dir.resolve("uploads"));
        channel = channel(1024);
    }

    @AfterEach
    void tearDown() {
        channel.finishAndReleaseAll();
    }

    private EmbeddedChannel channel(long maxUpload) throws IOException {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T00:00:00Z"), ZoneOffset.UTC);
        HttpAuthConfig none = HttpAuthConfig.none();
        Authenticator auth = new Authenticator(none.mode(), none.realm(), new Credentials(List.of(), "ztpbox"),
                new NonceService(new SecureRandom(), Duration.ofMinutes(5), clock), List.of(), 0, clock);
        ProvisioningRoutes routes = new ProvisioningRoutes("/prov/", new StaticFileCatalog(dir.resolve("files")), auth,
                new FamilyTrees(HttpConfig.FirmwareTrees.NONE));
        HttpCounters counters = new HttpCounters();
        ProvisioningContext context = new ProvisioningContext(routes, uploads, maxUpload, Runnable::run,
                new ResponseWriter(clock), new RequestReporter(counters, events::add, null,
                new AccessLogFormat(ZoneOffset.UTC), clock), null, clock);
        RequestDeadlineHandler deadline = new RequestDeadlineHandler(30_000, counters);
        return new EmbeddedChannel(deadline, new HttpServerCodec(new HttpDecoderConfig()
                .setMaxHeaderSize(HttpChannelInitializer.MAX_HEADER_BYTES)),
                new ProvisioningHandler(context, Transport.HTTP, deadline));
    }

    /** Sends raw bytes and returns everything written back, as text. */
    private String exchange(String request) {
        channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.ISO_8859_1));
        channel.runPendingTasks();
        return drain();
    }

    /** The output with every header block lower-cased (field names are case-insensitive), bodies as sent. */
    private String drain() {
        StringBuilder out = new StringBuilder();
        Object msg;
        while ((msg = channel.readOutbound()) != null) {
            if (msg instanceof ByteBuf buf) {
                out.append(lowerFieldNames(buf.toString(StandardCharsets.ISO_8859_1)));
            } else {
                out.append("<").append(msg.getClass().getSimpleName()).append(">");
            }
            ReferenceCountUtil.release(msg);
        }
        return out.toString();
    }

    private static String lowerFieldNames(String text) {
        int end = text.startsWith("HTTP/") ? text.indexOf("\r\n\r\n") : -1;
        if (end < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        String[] lines = text.substring(0, end).split("\r\n");
        out.append(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            out.append("\r\n").append(lines[i].substring(0, colon).toLowerCase(java.util.Locale.ROOT))
                    .append(lines[i].substring(colon));
        }
        return out.append(text.substring(end)).toString();
    }

    @Test
    void getServesTheFileWithValidatorsAndKeepsTheConnection() {
        String response = exchange("GET /prov/000000000000.cfg HTTP/1.1\r\nHost: ztpbox\r\n"
                + "User-Agent: FileTransport PolycomVVX-VVX_410-UA/5.9.5.0614 Type/Application\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 200 OK\r\n")
                .contains("content-length: " + MASTER.length() + "\r\n")
                .contains("last-modified: Sun, 01 Mar 2026 10:00:00 GMT\r\n")
                .contains("etag: \"").contains("content-type: application/xml\r\n")
                .contains("accept-ranges: bytes\r\n").contains("date: Mon, 02 Mar 2026 00:00:00 GMT\r\n")
                .endsWith("\r\n\r\n" + MASTER).doesNotContain("connection: close");
        assertThat(channel.isOpen()).isTrue();
        assertThat(exchange("GET /prov/000000000000.cfg HTTP/1.1\r\nHost: ztpbox\r\n\r\n")).startsWith("HTTP/1.1 200 OK");
        assertThat(events).hasSize(1); // only the request from a phone goes to the timeline
        assertThat(events.get(0).details()).containsEntry("model", "VVX410").containsEntry("firmware", "5.9.5.0614")
                .containsEntry("stage", "Application").containsEntry("status", "200");
    }

    @Test
    void theEventOfADownloadMakesThePhonesRecord() {
        exchange("GET /prov/000000000000.cfg HTTP/1.1\r\nHost: ztpbox\r\nUser-Agent: FileTransport"
                + " PolycomVVX-VVX_410-UA/5.9.5.0614 (SN:0004f2aa814c) Type/Application\r\n\r\n");

        PhoneRecord record = PhoneObservations.apply(null, events.get(0));

        assertThat(record.mac()).isEqualTo(MacAddress.parse("0004f2aa814c"));
        assertThat(record.model()).isEqualTo("VVX410");
        assertThat(record.firmware()).isEqualTo("5.9.5.0614");
        assertThat(record.stage()).isEqualTo("application");
        assertThat(record.lastFile()).isEqualTo("/prov/000000000000.cfg");
        assertThat(record.lastSeenVia()).isEqualTo("http");
    }

    @Test
    void anEditedFileIsServedNewAtOnce() throws IOException {
        Path master = dir.resolve("files/000000000000.cfg");
        assertThat(exchange("GET /prov/000000000000.cfg HTTP/1.1\r\nHost: z\r\n\r\n")).endsWith(MASTER);
        Files.writeString(master, "<edited/>\n"); // another size
        assertThat(exchange("GET /prov/000000000000.cfg HTTP/1.1\r\nHost: z\r\n\r\n")).endsWith("\r\n\r\n<edited/>\n");
        Files.writeString(master, "<EDITED/>\n"); // same size, later modification time
        Files.setLastModifiedTime(master, FileTime.from(MTIME.plusSeconds(60)));
        assertThat(exchange("GET /prov/000000000000.cfg HTTP/1.1\r\nHost: z\r\n\r\n")).endsWith("\r\n\r\n<EDITED/>\n");
        Files.delete(master);
        assertThat(exchange("GET /prov/000000000000.cfg HTTP/1.1\r\nHost: z\r\n\r\n")).startsWith("HTTP/1.1 404");
    }

    @Test
    void headSendsHeadersOnly() {
        String response = exchange("HEAD /prov/000000000000.cfg HTTP/1.1\r\nHost: ztpbox\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 200 OK").contains("content-length: " + MASTER.length())
                .endsWith("\r\n\r\n");
    }

    @Test
    void conditionalGetAnswersNotModified() {
        String first = exchange("GET /prov/000000000000.cfg HTTP/1.1\r\nHost: ztpbox\r\n\r\n");
        String etag = first.substring(first.indexOf("etag: ") + 6, first.indexOf("\r\n", first.indexOf("etag: ")));
        assertThat(exchange("GET /prov/000000000000.cfg HTTP/1.1\r\nHost: ztpbox\r\nIf-None-Match: " + etag
                + "\r\n\r\n")).startsWith("HTTP/1.1 304 Not Modified").contains("etag: " + etag).endsWith("\r\n\r\n");
        assertThat(exchange("GET /prov/000000000000.cfg HTTP/1.1\r\nHost: ztpbox\r\n"
                + "If-Modified-Since: Sun, 01 Mar 2026 10:00:00 GMT\r\n\r\n")).startsWith("HTTP/1.1 304");
        assertThat(exchange("GET /prov/000000000000.cfg HTTP/1.1\r\nHost: ztpbox\r\nIf-Match: \"nope\"\r\n\r\n"))
                .startsWith("HTTP/1.1 412");
    }

    @Test
    void rangeRequestsGetPartialContent() {
        assertThat(exchange("GET /prov/000000000000.cfg HTTP/1.1\r\nHost: ztpbox\r\nRange: bytes=1-11\r\n\r\n"))
                .startsWith("HTTP/1.1 206 Partial Content")
                .contains("content-range: bytes 1-11/" + MASTER.length()).contains("content-length: 11\r\n")
                .endsWith("\r\n\r\n" + MASTER.substring(1, 12));
        assertThat(exchange("GET /prov/000000000000.cfg HTTP/1.1\r\nHost: ztpbox\r\nRange: bytes=9999-\r\n\r\n"))
                .startsWith("HTTP/1.1 416").contains("content-range: bytes */" + MASTER.length());
    }

    @Test
    void largeFilesGoOutZeroCopy() {
        String response = exchange("GET /prov/sip.ld HTTP/1.1\r\nHost: ztpbox\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 200 OK")
                .contains("content-type: application/octet-stream")
                .contains("content-length: " + (ResponseWriter.INLINE_LIMIT + 1))
                .contains("<" + DefaultFileRegion.class.getSimpleName() + ">");
    }

    @Test
    void missingForbiddenMethodsAndEscapes() {
        assertThat(exchange("GET /prov/nothing.cfg HTTP/1.1\r\nHost: ztpbox\r\n\r\n")).startsWith("HTTP/1.1 404");
        assertThat(exchange("DELETE /prov/000000000000.cfg HTTP/1.1\r\nHost: ztpbox\r\n\r\n"))
                .startsWith("HTTP/1.1 405").contains("allow: GET, HEAD, PUT");
        assertThat(exchange("GET /prov/../ztpbox.db HTTP/1.1\r\nHost: ztpbox\r\n\r\n")).startsWith("HTTP/1.1 400");
        assertThat(exchange("GET /etc/passwd HTTP/1.1\r\nHost: ztpbox\r\n\r\n")).startsWith("HTTP/1.1 404");
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void malformedRequestsGet400AndTheConnectionCloses() {
        assertThat(exchange("GARBAGE\r\n\r\n")).startsWith("HTTP/1.0 400");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void oversizedHeadersGet431() throws IOException {
        channel.close();
        channel = channel(1024);
        assertThat(exchange("GET /prov/000000000000.cfg HTTP/1.1\r\nHost: ztpbox\r\nX-Junk: "
                + "a".repeat(HttpChannelInitializer.MAX_HEADER_BYTES + 10) + "\r\n\r\n"))
                .startsWith("HTTP/1.1 431");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void http11WithoutHostAndBodiesOnGetAreRefused() throws IOException {
        assertThat(exchange("GET /prov/000000000000.cfg HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 400");
        channel = channel(1024);
        assertThat(exchange("GET /prov/000000000000.cfg HTTP/1.1\r\nHost: z\r\nContent-Length: 3\r\n\r\nabc"))
                .startsWith("HTTP/1.1 400");
        assertThat(channel.isOpen()).isFalse();
        channel = channel(1024);
        assertThat(exchange("GET /prov/000000000000.cfg HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.0 200");
    }

    @Test
    void uploadsLandAtomicallyAndKeepThePreviousVersion() throws IOException {
        String put = "PUT /prov/logs/0004f2aa814c-app.log HTTP/1.1\r\nHost: z\r\nContent-Length: 5\r\n\r\n";
        assertThat(exchange(put + "first")).startsWith("HTTP/1.1 201 Created");
        assertThat(exchange(put + "again")).startsWith("HTTP/1.1 204 No Content");
        Path stored = dir.resolve("uploads/0004f2aa814c/0004f2aa814c-app.log");
        assertThat(stored).hasContent("again");
        assertThat(stored.resolveSibling("0004f2aa814c-app.log.previous")).hasContent("first");
        try (var leftovers = Files.list(stored.getParent())) {
            assertThat(leftovers.filter(p -> p.toString().endsWith(".part"))).isEmpty();
        }
        assertThat(events).extracting(PhoneEvent::type).containsExactly("PUT", "PUT");
        assertThat(events.get(0).mac()).hasToString("00:04:f2:aa:81:4c");
    }

    @Test
    void uploadWithExpectContinueGetsAnInterimResponse() {
        String response = exchange("PUT /prov/0004f2aa814c-phone.cfg HTTP/1.1\r\nHost: z\r\nContent-Length: 2\r\n"
                + "Expect: 100-continue\r\n\r\n");
        assertThat(response).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
        assertThat(exchange("{}")).startsWith("HTTP/1.1 201");
    }

    @Test
    void disallowedAndOversizedUploadsAreRefused() throws IOException {
        assertThat(exchange("PUT /prov/000000000000.cfg HTTP/1.1\r\nHost: z\r\nContent-Length: 2\r\n\r\nxx"))
                .startsWith("HTTP/1.1 403");
        assertThat(channel.isOpen()).isFalse(); // the body was never read: the connection cannot go on
        channel = channel(1024);
        assertThat(exchange("PUT /prov/0004f2aa814c-app.log HTTP/1.1\r\nHost: z\r\nContent-Length: 4096\r\n\r\n"))
                .startsWith("HTTP/1.1 413");
        channel = channel(1024);
        String chunked = "PUT /prov/0004f2aa814c-app.log HTTP/1.1\r\nHost: z\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "800\r\n" + "x".repeat(2048) + "\r\n0\r\n\r\n";
        assertThat(exchange(chunked)).startsWith("HTTP/1.1 413");
        assertThat(dir.resolve("uploads/0004f2aa814c/0004f2aa814c-app.log")).doesNotExist();
    }

    @Test
    void pipelinedRequestsBehindAnUploadAreAnsweredInOrder() {
        String response = exchange("PUT /prov/0004f2aa814c-app.log HTTP/1.1\r\nHost: z\r\nContent-Length: 2\r\n\r\nok"
                + "GET /prov/nothing.cfg HTTP/1.1\r\nHost: z\r\n\r\n");
        List<Integer> statuses = new ArrayList<>();
        for (int at = response.indexOf("HTTP/1.1 "); at >= 0; at = response.indexOf("HTTP/1.1 ", at + 1)) {
            statuses.add(Integer.parseInt(response.substring(at + 9, at + 12)));
        }
        assertThat(statuses).containsExactly(201, 404);
    }
}
