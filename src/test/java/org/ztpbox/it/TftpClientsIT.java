package org.ztpbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.lab.CommandResult;
import org.ztpbox.lab.HostCommand;
import org.ztpbox.lab.LoopbackTftpServer;
import org.ztpbox.lab.Prerequisites;
import org.ztpbox.lab.TftpClients;

/**
 * Real TFTP clients (curl, tftp-hpa, atftp) against the TFTP server running in this JVM on
 * 127.0.0.1: downloads are compared byte for byte with the served file, refusals are checked by
 * what the client reports and by the file it did not get.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TftpClientsIT {

    private static final String HOST = LoopbackTftpServer.HOST;
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(60);
    private static final String PHONE = "0004f2aa814c";

    @TempDir
    Path dir;
    private Path work;
    private LoopbackTftpServer server;

    @BeforeEach
    void setUp() throws IOException {
        Prerequisites.requirePrograms(Prerequisites.TFTP_CLIENTS);
        work = Files.createDirectories(dir.resolve("client"));
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    private LoopbackTftpServer start(boolean writes) {
        server = LoopbackTftpServer.start(dir.resolve("state"), LoopbackTftpServer.config(writes));
        return server;
    }

    private CommandResult run(List<String> command) {
        return HostCommand.run(work, CLIENT_TIMEOUT, command);
    }

    private void assertDownloaded(CommandResult result, Path got, Path served) throws IOException {
        assertThat(result.succeeded()).as(result.describe()).isTrue();
        assertThat(got).exists();
        assertThat(Files.mismatch(got, served)).as("first differing byte of %s", got).isEqualTo(-1L);
    }

    @ParameterizedTest(name = "curl --tftp-blksize {0}")
    @ValueSource(ints = {0, 8, 1428, 1468})
    void curlDownloadsByteIdentical(int blksize) throws IOException {
        start(false);
        Path served = server.serve("3111-46162-001.sip.ld", 300_001);
        Path got = work.resolve("curl-" + blksize);

        CommandResult result = blksize == 0
                ? run(TftpClients.curlGet(HOST, server.port(), "3111-46162-001.sip.ld", got))
                : run(TftpClients.curlGet(HOST, server.port(), "3111-46162-001.sip.ld", got, "--tftp-blksize",
                Integer.toString(blksize)));

        assertDownloaded(result, got, served);
    }

    @Test
    void curlFetchesA33MegabyteImageAt512ByteBlocksPastBlockNumberRollover() throws IOException {
        start(false);
        int size = 33 * 1024 * 1024 + 17; // 67 585 blocks of 512: the block number wraps past 65535 once
        Path served = server.serve("sip.ld", size);
        Path got = work.resolve("sip.ld");

        CommandResult result = run(TftpClients.curlGet(HOST, server.port(), "sip.ld", got));

        assertDownloaded(result, got, served);
        await().atMost(Duration.ofSeconds(5)).until(() -> !server.events().isEmpty());
        assertThat(server.events().get(0).detail("bytes")).isEqualTo(Integer.toString(size));
    }

    @Test
    void atftpWithWindowsizeFetchesPastRolloverToo() throws IOException {
        start(false);
        Path served = server.serve("big.ld", 33 * 1024 * 1024 + 5);
        Path got = work.resolve("big.ld");

        CommandResult result = run(TftpClients.atftpGet(HOST, server.port(), "big.ld", got, "blksize 512",
                "windowsize 16"));

        assertDownloaded(result, got, served);
    }

    @ParameterizedTest(name = "atftp {0}")
    @ValueSource(strings = {"", "blksize 1428", "blksize 1428|tsize enable", "blksize 1428|windowsize 8",
        "blksize 512|windowsize 64|tsize enable", "timeout 2"})
    void atftpWithItsOptionFlagsDownloadsByteIdentical(String options) throws IOException {
        start(false);
        Path served = server.serve("common.cfg", 200_000);
        Path got = work.resolve("atftp.out");
        String[] flags = options.isEmpty() ? new String[0] : options.split("\\|");

        CommandResult result = run(TftpClients.atftpGet(HOST, server.port(), "common.cfg", got, flags));

        assertDownloaded(result, got, served);
    }

    @Test
    void tftpHpaDownloadsInOctetAndNetasciiMode() throws IOException {
        start(false);
        Path served = server.serve("0004f2aa814c.cfg", 70_000);
        byte[] text = "<PHONE_CONFIG>\n<ALL reg.1.address=\"1001\"/>\r\n</PHONE_CONFIG>\n".repeat(400)
                .getBytes(StandardCharsets.US_ASCII);
        Path servedText = server.serve("text.cfg", text);
        Path got = work.resolve("octet.out");
        Path gotText = work.resolve("text.out");

        CommandResult octet = run(TftpClients.tftpHpa(HOST, server.port(), "octet", "get", "0004f2aa814c.cfg",
                got.toString()));
        CommandResult netascii = run(TftpClients.tftpHpa(HOST, server.port(), "netascii", "get", "text.cfg",
                gotText.toString()));

        assertDownloaded(octet, got, served);
        // tftp-hpa turns CR LF back into LF and CR NUL into CR: the file comes out as it is on disk.
        assertDownloaded(netascii, gotText, servedText);
    }

    @Test
    void macNamedFilesMatchWhateverCaseThePhoneUses() throws IOException {
        start(false);
        Path served = server.serve(PHONE + ".cfg", 1000);
        Path got = work.resolve("upper.cfg");

        CommandResult result = run(TftpClients.curlGet(HOST, server.port(), PHONE.toUpperCase() + ".cfg", got));

        assertDownloaded(result, got, served);
        await().atMost(Duration.ofSeconds(5)).until(() -> !server.events().isEmpty());
        PhoneEvent event = server.events().get(0);
        assertThat(event.source()).isEqualTo("tftp");
        assertThat(event.type()).isEqualTo("RRQ");
        assertThat(event.mac()).isEqualTo(MacAddress.parse(PHONE));
        assertThat(event.details()).containsEntry("result", "completed").containsEntry("bytes", "1000")
                .containsEntry("file", PHONE.toUpperCase() + ".cfg").containsKey("duration_ms");
        assertThat(event.detail("client")).startsWith("127.0.0.1:");
    }

    @Test
    void aMissingFileIsAnErrorNotAnEmptyFile() {
        start(false);
        Path got = work.resolve("missing");

        CommandResult curl = run(TftpClients.curlGet(HOST, server.port(), "000000000000-license.cfg", got));
        CommandResult hpa = run(TftpClients.tftpHpa(HOST, server.port(), "octet", "get", "nothing.cfg",
                work.resolve("nothing").toString()));

        assertThat(curl.exitCode()).as(curl.describe()).isEqualTo(68); // CURLE_TFTP_NOTFOUND
        assertThat(hpa.stdout() + hpa.stderr()).as(hpa.describe()).contains("Error code 1");
    }

    @Test
    void readsThatLeaveTheRootAreRefused() throws IOException {
        start(false);
        Path state = dir.resolve("state");
        Files.writeString(state.resolve("secret.txt"), "outside the root");
        Path sibling = Files.createDirectories(state.resolve("files-evil")); // shares the root's name as a prefix
        Files.writeString(sibling.resolve("secret.txt"), "in a sibling of the root");
        Files.createSymbolicLink(server.files().resolve("link.txt"), state.resolve("secret.txt"));
        Files.createDirectories(server.files().resolve("sub"));

        for (String name : List.of("../secret.txt", "../files-evil/secret.txt", "sub/../../secret.txt",
                "/etc/passwd", state.resolve("secret.txt").toString(), "link.txt", "sub//../link.txt",
                "..\\secret.txt")) {
            Path got = work.resolve("escape");
            Files.deleteIfExists(got);
            CommandResult hpa = run(TftpClients.tftpHpa(HOST, server.port(), "octet", "get", name, got.toString()));
            assertThat(hpa.stdout() + hpa.stderr()).as("tftp-hpa get %s: %s", name, hpa.describe())
                    .containsPattern("Error code [12]");
            assertThat(Files.exists(got) ? Files.readString(got) : "").as("what tftp-hpa got for %s", name)
                    .doesNotContain("outside", "sibling");

            CommandResult curl = run(TftpClients.curlGet(HOST, server.port(), name.replace("\\", "%5C"), got));
            assertThat(curl.succeeded()).as("curl get %s: %s", name, curl.describe()).isFalse();
        }
        assertThat(server.events()).allSatisfy(e -> assertThat(e.detail("result")).isEqualTo("refused"));
    }

    @Test
    void uploadsAreRefusedWhileWritesAreOff() throws IOException {
        start(false);
        Path local = Files.writeString(work.resolve("phone.cfg"), "<OVERRIDES/>");

        CommandResult hpa = run(TftpClients.tftpHpa(HOST, server.port(), "octet", "put", local.toString(),
                PHONE + "-phone.cfg"));

        assertThat(hpa.stdout() + hpa.stderr()).as(hpa.describe()).contains("Error code 2");
        assertThat(server.uploads().resolve(PHONE)).doesNotExist();
    }

    @Test
    void aPermittedUploadLandsInThePhonesAreaAndNeverOverAServedFile() throws IOException {
        start(true);
        Path served = server.serve(PHONE + "-phone.cfg", "<PHONE_CONFIG><OVERRIDES/></PHONE_CONFIG>"
                .getBytes(StandardCharsets.US_ASCII));
        byte[] upload = new byte[100_000];
        new java.util.Random(7).nextBytes(upload);
        Path local = Files.write(work.resolve("upload.cfg"), upload);
        Path log = Files.writeString(work.resolve("app.log"), "0101000000|boot  |1|00|Booted\n".repeat(2000));

        CommandResult hpa = run(TftpClients.tftpHpa(HOST, server.port(), "octet", "put", local.toString(),
                PHONE + "-phone.cfg"));
        CommandResult atftp = run(TftpClients.atftpPut(HOST, server.port(), log, "logs/" + PHONE + "-app.log",
                "blksize 1428"));

        assertThat(hpa.succeeded()).as(hpa.describe()).isTrue();
        assertThat(hpa.stdout() + hpa.stderr()).doesNotContain("Error");
        assertThat(atftp.succeeded()).as(atftp.describe()).isTrue();
        Path area = server.uploads().resolve(PHONE);
        assertThat(Files.readAllBytes(area.resolve(PHONE + "-phone.cfg"))).isEqualTo(upload);
        assertThat(Files.mismatch(area.resolve(PHONE + "-app.log"), log)).isEqualTo(-1L);
        try (var listing = Files.list(area)) {
            assertThat(listing.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .containsExactlyInAnyOrder(PHONE + "-phone.cfg", PHONE + "-app.log");
        }
        assertThat(Files.readString(served)).as("the served override file is untouched")
                .isEqualTo("<PHONE_CONFIG><OVERRIDES/></PHONE_CONFIG>");
        await().atMost(Duration.ofSeconds(5)).until(() -> server.events().size() == 2);
        assertThat(server.events()).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo("WRQ");
            assertThat(e.mac()).isEqualTo(MacAddress.parse(PHONE));
            assertThat(e.detail("result")).isEqualTo("completed");
        });
    }

    @Test
    void uploadsWithAnyOtherNameOrOutsideTheRootAreRefused() throws IOException {
        start(true);
        Path local = Files.writeString(work.resolve("evil.cfg"), "device.set=\"1\"");

        for (String name : List.of("000000000000.cfg", PHONE + ".cfg", "sip.ld", PHONE + "-phone.cfg.bak",
                "../" + PHONE + "-phone.cfg", "/tmp/" + PHONE + "-phone.cfg", "000000000000-phone.cfg")) {
            CommandResult hpa = run(TftpClients.tftpHpa(HOST, server.port(), "octet", "put", local.toString(), name));
            assertThat(hpa.stdout() + hpa.stderr()).as("put %s: %s", name, hpa.describe()).contains("Error code 2");
        }
        try (var files = Files.walk(dir.resolve("state"))) {
            assertThat(files.filter(Files::isRegularFile)).as("nothing written anywhere").isEmpty();
        }
        assertThat(dir.resolve(PHONE + "-phone.cfg")).doesNotExist();
    }
}
