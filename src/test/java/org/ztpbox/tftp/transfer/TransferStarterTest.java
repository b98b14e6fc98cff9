package org.ztpbox.tftp.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.core.CatalogEntry;
import org.ztpbox.core.FileRequest;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.Transport;
import org.ztpbox.provisioning.StaticFileCatalog;
import org.ztpbox.provisioning.UploadDirectory;
import org.ztpbox.tftp.TftpErrorCode;
import org.ztpbox.tftp.TftpMode;
import org.ztpbox.tftp.TftpRequest;

/** Which requests start a transfer: names checked before any file is touched, reads and writes alike. */
class TransferStarterTest {

    private static final InetAddress CLIENT = InetAddress.getLoopbackAddress();
    private static final String PHONE = "0004f2aa814c";

    @TempDir
    Path dir;
    private Path root;
    private Path uploads;

    @BeforeEach
    void files() throws IOException {
        root = Files.createDirectories(dir.resolve("files"));
        uploads = dir.resolve("uploads");
        Files.writeString(root.resolve("000000000000.cfg"), "<APPLICATION/>");
        Files.writeString(dir.resolve("secret"), "outside");
        Files.createDirectories(dir.resolve("files-evil"));
        Files.writeString(dir.resolve("files-evil").resolve("secret"), "sibling");
        Files.createSymbolicLink(root.resolve("out"), dir.resolve("secret"));
        Files.createSymbolicLink(root.resolve("evil-dir"), dir.resolve("files-evil"));
    }

    private TransferStarter starter(boolean writes) throws IOException {
        return new TransferStarter(new StaticFileCatalog(root), new UploadDirectory(uploads),
                new TransferLimits(1468, 64, Duration.ofSeconds(1), 5, writes, 1000));
    }

    private static TftpRequest rrq(String name) {
        return TftpRequest.read(name, TftpMode.OCTET, Map.of());
    }

    private static TftpRequest wrq(String name) {
        return TftpRequest.write(name, TftpMode.OCTET, Map.of());
    }

    private static TftpErrorCode refusal(StartResult result) {
        assertThat(result).isInstanceOf(StartResult.Refused.class);
        return ((StartResult.Refused) result).error().code();
    }

    @Test
    void aServedFileStartsAReadWithItsSize() throws IOException {
        StartResult result = starter(false).start(rrq("000000000000.cfg"), CLIENT, null);

        assertThat(result).isInstanceOfSatisfying(StartResult.Started.class, s -> {
            assertThat(s.size()).isEqualTo(14);
            s.transfer().close();
        });
    }

    @Test
    void namesThatCouldLeaveTheRootAreAccessViolations() throws IOException {
        TransferStarter starter = starter(true);
        for (String name : new String[] {"../secret", "/etc/passwd", "a/../../secret", "..", ".", "sub//x",
            "..\\secret", "x\u0000y", "x".repeat(2000), "../files-evil/secret"}) {
            assertThat(refusal(starter.start(rrq(name), CLIENT, null))).as("read %s", name)
                    .isEqualTo(TftpErrorCode.ACCESS_VIOLATION);
            assertThat(refusal(starter.start(wrq(name), CLIENT, null))).as("write %s", name)
                    .isEqualTo(TftpErrorCode.ACCESS_VIOLATION);
        }
    }

    @Test
    void symlinksOutOfTheRootAndTheSiblingWithTheRootsNameAsPrefixAreNotServed() throws IOException {
        TransferStarter starter = starter(false);

        assertThat(refusal(starter.start(rrq("out"), CLIENT, null))).isEqualTo(TftpErrorCode.FILE_NOT_FOUND);
        assertThat(refusal(starter.start(rrq("evil-dir/secret"), CLIENT, null))).isEqualTo(TftpErrorCode.FILE_NOT_FOUND);
    }

    @Test
    void aMissingFileIsFileNotFound() throws IOException {
        assertThat(refusal(starter(false).start(rrq(PHONE + ".cfg"), CLIENT, null))).isEqualTo(TftpErrorCode.FILE_NOT_FOUND);
    }

    @Test
    void theCatalogIsAskedAsTftpForTheRequestingPhone() {
        FileRequest[] asked = new FileRequest[1];
        TransferStarter starter = new TransferStarter(request -> {
            asked[0] = request;
            return java.util.Optional.<CatalogEntry>empty();
        }, null, new TransferLimits(1468, 64, Duration.ofSeconds(1), 5, false, 1000));

        starter.start(rrq("sip.ld"), CLIENT, MacAddress.parse(PHONE));

        assertThat(asked[0].transport()).isEqualTo(Transport.TFTP);
        assertThat(asked[0].phone()).isEqualTo(MacAddress.parse(PHONE));
        assertThat(asked[0].client()).hasToString("127.0.0.1");
    }

    @Test
    void writesAreRefusedWhenDisabledAndForAnyNameButThePhonesUploads() throws IOException {
        assertThat(refusal(starter(false).start(wrq(PHONE + "-app.log"), CLIENT, null)))
                .isEqualTo(TftpErrorCode.ACCESS_VIOLATION);
        TransferStarter starter = starter(true);
        for (String name : new String[] {"000000000000.cfg", PHONE + ".cfg", "sip.ld", PHONE + "-phone.cfg.tmp",
            "000000000000-phone.cfg", PHONE + "-license.cfg"}) {
            assertThat(refusal(starter.start(wrq(name), CLIENT, null))).as(name).isEqualTo(TftpErrorCode.ACCESS_VIOLATION);
        }
        assertThat(uploads).isEmptyDirectory();
    }

    @Test
    void aClientKnownToBeAnotherPhoneCannotUploadThisPhonesFiles() throws IOException {
        StartResult result = starter(true).start(wrq("overrides/" + PHONE + "-phone.cfg"), CLIENT,
                MacAddress.parse("64:16:7f:00:00:99"));

        assertThat(refusal(result)).isEqualTo(TftpErrorCode.ACCESS_VIOLATION);
        assertThat(uploads).isEmptyDirectory();
    }

    @Test
    void aPhoneUploadStartsAWriteIntoThePhonesArea() throws IOException {
        StartResult result = starter(true).start(wrq("overrides/" + PHONE + "-web.cfg"), CLIENT,
                MacAddress.parse(PHONE));

        assertThat(result).isInstanceOf(StartResult.Started.class);
        assertThat(uploads.resolve(PHONE)).isDirectory();
        ((StartResult.Started) result).transfer().close();
        assertThat(uploads.resolve(PHONE)).as("the aborted upload left nothing").isEmptyDirectory();
    }

    @Test
    void aBadOptionIsRefusedBeforeAnythingIsOpened() throws IOException {
        StartResult result = starter(true).start(TftpRequest.write(PHONE + "-app.log", TftpMode.OCTET,
                Map.of("blksize", "2")), CLIENT, null);

        assertThat(refusal(result)).isEqualTo(TftpErrorCode.OPTION_REFUSED);
        assertThat(uploads).isEmptyDirectory();
    }
}
