package org.ztpbox.provisioning.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ztpbox.provisioning.catalog.CatalogFixture.RECEPTION;
import static org.ztpbox.provisioning.catalog.CatalogFixture.SALES;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.core.CatalogEntry;
import org.ztpbox.core.FileRequest;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.Transport;
import org.ztpbox.core.UploadArea;
import org.ztpbox.core.UploadName;
import org.ztpbox.provisioning.StaticFileCatalog;
import org.ztpbox.provisioning.UploadDirectory;

/** The catalog as TFTP and HTTP see it: generated files, firmware, uploads served back, static files. */
class LayeredCatalogTest {

    @TempDir
    Path dir;
    private CatalogFixture fixture;
    private UploadDirectory uploads;
    private Path files;
    private LayeredCatalog catalog;

    @BeforeEach
    void setUp() throws IOException {
        fixture = CatalogFixture.create(dir);
        uploads = new UploadDirectory(dir.resolve("uploads"));
        files = Files.createDirectories(dir.resolve("files"));
        catalog = new LayeredCatalog(List.of(fixture.catalog, new FirmwareCatalog(fixture.firmware),
                new UploadsCatalog(uploads), new StaticFileCatalog(files)));
    }

    private Optional<CatalogEntry> find(String name, MacAddress phone) {
        return catalog.find(new FileRequest(name, Ipv4Address.parse("10.0.0.50"), phone, Transport.HTTP, null));
    }

    @Test
    void generatedFilesComeBeforeStaticOnesWhichServeWhatIsNotGenerated() throws IOException {
        Files.writeString(files.resolve("000000000000.cfg"), "<static/>");
        Files.writeString(files.resolve("0004f2999999.cfg"), "<hand-made/>");
        Files.writeString(files.resolve("000000000000-directory.xml"), "<directory/>");

        assertThat(CatalogFixture.text(find("000000000000.cfg", null).orElseThrow())).contains("CONFIG_FILES");
        assertThat(CatalogFixture.text(find("0004f2999999.cfg", null).orElseThrow()))
                .as("an unassigned phone's hand-made master").isEqualTo("<hand-made/>");
        assertThat(find("000000000000-directory.xml", null)).isPresent();
        assertThat(find("nothing.cfg", null)).isEmpty();
    }

    @Test
    void firmwareIsServedFromItsFileAlsoUnderThePartNumberPrefixedName() {
        CatalogEntry image = find("3111-46162-001.sip.ld", RECEPTION).orElseThrow();
        assertThat(image.file()).isNotNull();
        assertThat(CatalogFixture.text(image)).isEqualTo("image of VVX410");
        assertThat(find("3111-46162-001.3111-46162-001.sip.ld", RECEPTION).orElseThrow().file())
                .isEqualTo(image.file());
        assertThat(find("3111-46161-001.3111-46162-001.sip.ld", RECEPTION)).as("another part's prefix").isEmpty();
    }

    @Test
    void aPhoneReadsItsOwnUploadsBackFromTheDirectoriesOfTheMasterFile() throws IOException {
        upload(RECEPTION, "-phone.cfg", "<OVERRIDES up.x=\"1\"/>");
        upload(RECEPTION, "-directory.xml", "<directory/>");

        assertThat(CatalogFixture.text(find("overrides/0004f2aa814c-phone.cfg", RECEPTION).orElseThrow()))
                .isEqualTo("<OVERRIDES up.x=\"1\"/>");
        assertThat(find("contacts/0004f2aa814c-directory.xml", null)).as("requester unknown (TFTP)").isPresent();
        assertThat(find("overrides/0004f2aa814c-phone.cfg", SALES)).as("another phone").isEmpty();
        assertThat(find("overrides/0004f2aa814c-web.cfg", RECEPTION)).as("never uploaded").isEmpty();
        assertThat(find("elsewhere/0004f2aa814c-phone.cfg", RECEPTION)).isEmpty();
        assertThat(find("overrides/0004f2aa814c-phone.cfg", RECEPTION).orElseThrow().holdsCredentials())
                .as("served back byte for byte, never encrypted again").isFalse();
    }

    private void upload(MacAddress mac, String suffix, String content) throws IOException {
        try (UploadArea.Upload upload = uploads.begin(new UploadName(mac, suffix), 1 << 20)) {
            upload.write(ByteBuffer.wrap(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            upload.commit();
        }
    }
}
