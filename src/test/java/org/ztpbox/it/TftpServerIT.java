package org.ztpbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.core.ClientDirectory;
import org.ztpbox.core.FileCatalog;
import org.ztpbox.core.MacAddress;
import org.ztpbox.lab.LoopbackTftpServer;
import org.ztpbox.lab.RawTftpClient.Received;
import org.ztpbox.lab.RawTftpClient;
import org.ztpbox.provisioning.StaticFileCatalog;
import org.ztpbox.provisioning.UploadDirectory;
import org.ztpbox.tftp.TftpAck;
import org.ztpbox.tftp.TftpData;
import org.ztpbox.tftp.TftpError;
import org.ztpbox.tftp.TftpErrorCode;
import org.ztpbox.tftp.TftpMode;
import org.ztpbox.tftp.TftpPacket;
import org.ztpbox.tftp.TftpRequest;
import org.ztpbox.tftp.server.TftpServer;

/**
 * The server on real loopback sockets, driven packet by packet by {@link RawTftpClient}: what no
 * real client sends (NUL bytes, broken options, strangers on a transfer port), the concurrency
 * caps, retransmission and the visibility of a half-finished upload.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TftpServerIT {

    private static final String PHONE = "0004f2aa814c";

    @TempDir
    Path dir;
    private LoopbackTftpServer server;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    private InetSocketAddress requestPort() {
        return new InetSocketAddress(LoopbackTftpServer.HOST, server.port());
    }

    private static TftpRequest rrq(String name) {
        return TftpRequest.read(name, TftpMode.OCTET, Map.of());
    }

    private static TftpError error(Received received) {
        assertThat(received).as("a reply").isNotNull();
        assertThat(received.packet()).isInstanceOf(TftpError.class);
        return (TftpError) received.packet();
    }

    /** Downloads {@code name} lock-step and returns its bytes. */
    private static byte[] download(RawTftpClient client, InetSocketAddress to, String name) {
        client.send(rrq(name), to);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (true) {
            Received r = client.receive(2000);
            assertThat(r).as("DATA").isNotNull();
            TftpData data = (TftpData) r.packet();
            out.writeBytes(data.data());
            client.send(new TftpAck(data.block()), r.from());
            if (data.length() < 512) {
                return out.toByteArray();
            }
        }
    }

    @Test
    void requestsArePutOnThePhoneBehindTheClientAddressWhateverFileTheyName() {
        MacAddress leased = MacAddress.parse("64:16:7f:00:00:01");
        server = LoopbackTftpServer.start(dir, LoopbackTftpServer.config(false),
                address -> address.toString().equals(LoopbackTftpServer.HOST) ? Optional.of(leased) : Optional.empty());
        server.serve("000000000000.cfg", 700);
        server.serve(PHONE + ".cfg", 10);
        // Two clients: a second request from the same port while the first is winding up is a repeat (RFC 1350 TID).
        try (RawTftpClient shared = new RawTftpClient("127.0.0.1"); RawTftpClient own = new RawTftpClient("127.0.0.1")) {
            download(shared, requestPort(), "000000000000.cfg");
            download(own, requestPort(), PHONE + ".cfg");
        }
        await().atMost(Duration.ofSeconds(3)).until(() -> server.events().size() == 2);
        assertThat(server.events()).extracting(e -> e.detail("file") + " " + e.mac())
                .containsExactlyInAnyOrder("000000000000.cfg " + leased, PHONE + ".cfg " + leased);
    }

    @Test
    void aCatalogThatThrowsGetsTheClientAnErrorAndFreesTheTransferSlot() throws Exception {
        Files.createDirectories(dir.resolve("files"));
        Files.writeString(dir.resolve("files/ok.cfg"), "fine");
        StaticFileCatalog files = new StaticFileCatalog(dir.resolve("files"));
        FileCatalog failing = request -> {
            if (request.name().equals("boom.cfg")) {
                throw new IllegalStateException("damaged key ring");
            }
            return files.find(request);
        };
        TftpServer tftp = new TftpServer(LoopbackTftpServer.config(false, 1, 1, Duration.ofMillis(200)),
                InetAddress.getByName(LoopbackTftpServer.HOST), failing, new UploadDirectory(dir.resolve("uploads")),
                event -> { }, ClientDirectory.none(), Clock.systemUTC(), 1);
        tftp.start();
        try (RawTftpClient first = new RawTftpClient("127.0.0.1"); RawTftpClient second = new RawTftpClient("127.0.0.1")) {
            InetSocketAddress port = new InetSocketAddress(LoopbackTftpServer.HOST, tftp.port());
            first.send(rrq("boom.cfg"), port);
            assertThat(error(first.receive(2000)).code()).isEqualTo(TftpErrorCode.NOT_DEFINED);

            assertThat(download(second, port, "ok.cfg")).as("the only slot is free again").isEqualTo("fine".getBytes());
        } finally {
            tftp.close();
        }
    }

    @Test
    void aClientWhoseAddressNamesNoPhoneIsTakenForThePhoneItsFileNames() {
        server = LoopbackTftpServer.start(dir, LoopbackTftpServer.config(false), address -> Optional.empty());
        server.serve(PHONE + ".cfg", 10);
        try (RawTftpClient client = new RawTftpClient("127.0.0.1")) {
            download(client, requestPort(), PHONE + ".cfg");
        }
        await().atMost(Duration.ofSeconds(3)).until(() -> server.events().size() == 1);
        assertThat(server.events().get(0).mac()).isEqualTo(MacAddress.parse(PHONE));
    }

    @Test
    void namesWithNulBytesOrOverlongAreRefusedForReadsAndWrites() {
        server = LoopbackTftpServer.start(dir, LoopbackTftpServer.config(true));
        server.serve("a.cfg", 10);
        try (RawTftpClient client = new RawTftpClient("127.0.0.1")) {
            for (int opcode : new int[] {1, 2}) {
                client.sendRaw(("\0" + (char) opcode + "a.cfg\0../../etc/passwd\0octet\0")
                        .getBytes(StandardCharsets.ISO_8859_1), requestPort());
                assertThat(error(client.receive(2000)).code()).as("NUL inside the name, opcode %d", opcode)
                        .isEqualTo(TftpErrorCode.ILLEGAL_OPERATION);

                String longName = "a/".repeat(600) + PHONE + "-app.log";
                client.send(opcode == 1 ? rrq(longName) : TftpRequest.write(longName, TftpMode.OCTET, Map.of()),
                        requestPort());
                assertThat(error(client.receive(2000)).code()).as("overlong name, opcode %d", opcode)
                        .isEqualTo(TftpErrorCode.ACCESS_VIOLATION);
            }
        }
        assertThat(server.uploads()).isEmptyDirectory();
    }

    @Test
    void packetsThatCrashCommonsNetAreAnsweredCountedAndTheListenerServesOn() {
        server = LoopbackTftpServer.start(dir, LoopbackTftpServer.config(false));
        byte[] content = "<APPLICATION/>".getBytes(StandardCharsets.US_ASCII);
        server.serve("000000000000.cfg", content);
        try (RawTftpClient client = new RawTftpClient("127.0.0.1")) {
            Stream.of("\0\1sip.ld\0octet\0blksize", "\0\1sip.ld\0octet\0blksize\0001428", "\0\2x\0octet\0tsize\0")
                    .forEach(bad -> {
                        client.sendRaw(bad.getBytes(StandardCharsets.ISO_8859_1), requestPort());
                        assertThat(error(client.receive(2000)).code()).isEqualTo(TftpErrorCode.ILLEGAL_OPERATION);
                    });
            client.sendRaw(new byte[] {(byte) 0xff}, requestPort());
            client.sendRaw(new byte[0], requestPort());

            assertThat(download(client, requestPort(), "000000000000.cfg")).isEqualTo(content);
        }
        assertThat(server.server().counters().malformed()).isEqualTo(5);
    }

    @Test
    void aStrangerOnATransferPortCannotDisturbTheTransfer() {
        server = LoopbackTftpServer.start(dir, LoopbackTftpServer.config(false));
        byte[] content = new byte[1500];
        server.serve("f.bin", content);
        try (RawTftpClient phone = new RawTftpClient("127.0.0.1");
             RawTftpClient stranger = new RawTftpClient("127.0.0.1")) {
            phone.send(rrq("f.bin"), requestPort());
            Received first = phone.receive(2000);

            // An ACK of the next blocks from another port: taken, it would skip data the phone never got.
            stranger.send(new TftpAck(1), first.from());
            stranger.send(new TftpAck(2), first.from());
            assertThat(stranger.receive(300)).as("nothing is sent to the stranger").isNull();
            Received meanwhile = phone.receive(300);
            if (meanwhile != null) { // the 300 ms timer may resend block 1; the stranger's ACKs moved nothing
                assertThat(((TftpData) meanwhile.packet()).block()).isEqualTo(1);
            }

            phone.send(new TftpAck(1), first.from());
            assertThat(((TftpData) phone.receive(2000).packet()).block()).isEqualTo(2);
        }
    }

    @Test
    void aClientThatGoesAwayEndsItsTransferAtOnceNotAfterEveryRetry() {
        server = LoopbackTftpServer.start(dir, LoopbackTftpServer.config(false)); // 300 ms, 5 retries: ~9 s
        server.serve("f.bin", new byte[5000]);
        long start;
        try (RawTftpClient phone = new RawTftpClient("127.0.0.1")) {
            phone.send(rrq("f.bin"), requestPort());
            Received first = phone.receive(2000);
            phone.send(new TftpAck(1), first.from());
            start = System.nanoTime();
        } // the socket closes: DATA 2 and its retransmission meet ICMP port unreachable

        await().atMost(Duration.ofSeconds(3)).until(() -> !server.events().isEmpty());
        assertThat(server.events().get(0).detail("result")).isEqualTo("client-aborted");
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms until the transfer ended").isLessThan(3000);
    }

    @Test
    void aDuplicateAckGetsNoDataOnlyTheTimerRetransmits() {
        server = LoopbackTftpServer.start(dir, LoopbackTftpServer.config(false)); // 300 ms timeout
        server.serve("f.bin", new byte[5000]);
        try (RawTftpClient phone = new RawTftpClient("127.0.0.1")) {
            phone.send(rrq("f.bin"), requestPort());
            Received first = phone.receive(2000);
            phone.send(new TftpAck(1), first.from());
            assertThat(((TftpData) phone.receive(2000).packet()).block()).isEqualTo(2);

            phone.send(new TftpAck(1), first.from()); // a duplicate, as a delayed or repeated ACK would be
            phone.send(new TftpAck(1), first.from());
            Received retransmitted = phone.receive(1000);
            Received more = phone.receive(150);

            assertThat(((TftpData) retransmitted.packet()).block()).as("block 2 again, from the 300 ms timer")
                    .isEqualTo(2);
            assertThat(more).as("no DATA per duplicate ACK (Sorcerer's Apprentice)").isNull();
        }
    }

    @Test
    void beyondTheCapARequestWaitsThenIsRefusedAsBusy() {
        server = LoopbackTftpServer.start(dir, LoopbackTftpServer.config(false, 1, 1, Duration.ofMillis(500)));
        server.serve("f.bin", new byte[5000]);
        try (RawTftpClient first = new RawTftpClient("127.0.0.1");
             RawTftpClient second = new RawTftpClient("127.0.0.2")) {
            first.send(rrq("f.bin"), requestPort());
            assertThat(first.receive(2000).packet()).isInstanceOf(TftpData.class); // holds the only slot

            long start = System.nanoTime();
            second.send(rrq("f.bin"), requestPort());
            second.send(rrq("f.bin"), requestPort()); // a retransmitted request is not a second one
            TftpError busy = error(second.receive(3000));

            assertThat(busy.message()).contains("busy");
            assertThat((System.nanoTime() - start) / 1_000_000).as("waited about queue-wait").isBetween(400L, 2000L);
            assertThat(second.receive(300)).as("one answer to the repeated request").isNull();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> server.events().stream()
                .anyMatch(e -> "busy".equals(e.detail("result"))));
    }

    @Test
    void aWaitingRequestStartsWhenASlotFreesAndOtherClientsAreNotHeldBackByABusyOne() {
        server = LoopbackTftpServer.start(dir, LoopbackTftpServer.config(false, 2, 1, Duration.ofSeconds(10)));
        byte[] content = new byte[700];
        server.serve("f.bin", content);
        try (RawTftpClient a1 = new RawTftpClient("127.0.0.1");
             RawTftpClient a2 = new RawTftpClient("127.0.0.1");
             RawTftpClient b = new RawTftpClient("127.0.0.3")) {
            a1.send(rrq("f.bin"), requestPort());
            Received a1First = a1.receive(2000);
            a2.send(rrq("f.bin"), requestPort());

            assertThat(a2.receive(300)).as("127.0.0.1 is at its per-client cap").isNull();
            assertThat(download(b, requestPort(), "f.bin")).as("another client is served meanwhile").isEqualTo(content);

            a1.send(new TftpAck(1), a1First.from());
            a1.send(new TftpAck(2), a1.receive(2000).from());
            assertThat(a2.receive(2000).packet()).as("the waiting request starts").isInstanceOf(TftpData.class);
        }
    }

    @Test
    void anUploadIsInvisibleUntilItsLastBlockAndThenLandsWhole() throws IOException {
        server = LoopbackTftpServer.start(dir, LoopbackTftpServer.config(true));
        Path target = server.uploads().resolve(PHONE).resolve(PHONE + "-app.log");
        byte[] first = new byte[512];
        java.util.Arrays.fill(first, (byte) 'x');
        try (RawTftpClient phone = new RawTftpClient("127.0.0.1")) {
            phone.send(TftpRequest.write(PHONE + "-app.log", TftpMode.OCTET, Map.of()), requestPort());
            Received ack0 = phone.receive(2000);
            assertThat(ack0.packet()).isEqualTo(new TftpAck(0));
            phone.send(new TftpData(1, first), ack0.from());
            assertThat(phone.receive(2000).packet()).isEqualTo(new TftpAck(1));

            assertThat(target).as("half an upload is not visible").doesNotExist();
            try (var files = Files.list(target.getParent())) {
                assertThat(files.map(p -> p.getFileName().toString())).singleElement().asString()
                        .startsWith("." + PHONE + "-app.log.").endsWith(".part");
            }

            phone.send(new TftpData(2, "end".getBytes(StandardCharsets.US_ASCII)), ack0.from());
            assertThat(phone.receive(2000).packet()).isEqualTo(new TftpAck(2));
        }
        assertThat(Files.size(target)).isEqualTo(515);
        try (var files = Files.list(target.getParent())) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void anUploadOverTheCapIsRefusedAndLeavesNothing() {
        server = LoopbackTftpServer.start(dir, LoopbackTftpServer.config(true)); // 1 MiB cap
        try (RawTftpClient phone = new RawTftpClient("127.0.0.1")) {
            phone.send(TftpRequest.write(PHONE + "-app.log", TftpMode.OCTET, Map.of("tsize", "2000000")),
                    requestPort());
            assertThat(error(phone.receive(2000)).code()).isEqualTo(TftpErrorCode.DISK_FULL);

            phone.send(TftpRequest.write(PHONE + "-boot.log", TftpMode.OCTET, Map.of("blksize", "1468")),
                    requestPort());
            Received oack = phone.receive(2000);
            byte[] block = new byte[1468];
            TftpPacket reply = null;
            for (int n = 1; n <= 800 && !(reply instanceof TftpError); n++) {
                phone.send(new TftpData(n, block), oack.from());
                reply = phone.receive(2000).packet();
            }
            assertThat(reply).isInstanceOfSatisfying(TftpError.class,
                    e -> assertThat(e.code()).isEqualTo(TftpErrorCode.DISK_FULL));
        }
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            try (var files = Files.walk(server.uploads())) {
                assertThat(files.filter(Files::isRegularFile)).isEmpty();
            }
        });
    }
}
