package org.ztpbox.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.core.CatalogEntry;
import org.ztpbox.core.FileRequest;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.OverrideQuarantine;
import org.ztpbox.core.Transport;

class QuarantinedOverridesCatalogTest {

    private static final MacAddress MAC = MacAddress.parse("0004f2aa814c");
    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    @TempDir
    Path root;
    private final ActiveQuarantines active = new ActiveQuarantines();
    private QuarantinedOverridesCatalog catalog;

    @BeforeEach
    void catalogServingThePhonesOwnOverride() throws IOException {
        // Stands in for the catalog that serves a phone's own uploads back to it.
        Files.writeString(root.resolve("0004f2aa814c-phone.cfg"), "<a device.prov.serverName=\"old\"/>");
        Files.writeString(root.resolve("000000000000.cfg"), "<APPLICATION/>");
        catalog = new QuarantinedOverridesCatalog(new StaticFileCatalog(root), active);
    }

    private static FileRequest request(String name) {
        return new FileRequest(name, Ipv4Address.parse("10.0.0.57"), MAC, Transport.HTTP, null);
    }

    private static String content(CatalogEntry entry) throws IOException {
        try (SeekableByteChannel channel = entry.open()) {
            ByteBuffer buffer = ByteBuffer.allocate((int) entry.size() + 10);
            while (channel.read(buffer) > 0) {
                // read to the end
            }
            buffer.flip();
            return StandardCharsets.UTF_8.decode(buffer).toString();
        }
    }

    private void quarantine(long id) {
        active.replace(List.of(new OverrideQuarantine(id, MAC, T, "alice", "prepare reset", "quarantine/x",
                List.of(), List.of(), OverrideQuarantine.State.ACTIVE, null, null, null)));
    }

    @Test
    void withoutQuarantineEverythingComesFromTheWrappedCatalog() throws IOException {
        assertThat(content(catalog.find(request("0004f2aa814c-phone.cfg")).orElseThrow()))
                .contains("device.prov.serverName");
        assertThat(catalog.find(request("0004f2aa814c-web.cfg"))).isEmpty();
    }

    @Test
    void whileQuarantinedBothOverridesAreServedEmptyInAnyDirectoryAndLetterCase() throws IOException {
        quarantine(7);

        for (String name : List.of("0004f2aa814c-phone.cfg", "0004f2aa814c-web.cfg", "overrides/0004F2AA814C-phone.cfg")) {
            CatalogEntry entry = catalog.find(request(name)).orElseThrow();
            String body = content(entry);
            assertThat(body).as(name).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<PHONE_CONFIG><OVERRIDES/></PHONE_CONFIG>\n");
            assertThat(PolycomParameters.parse(body.getBytes(StandardCharsets.UTF_8))).isEmpty();
            assertThat(entry.size()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
            assertThat(entry.etag()).isEqualTo("\"empty-override-7\"");
            assertThat(entry.lastModified()).isEqualTo(T);
            assertThat(entry.file()).isNull();
        }
        assertThat(content(catalog.find(request("000000000000.cfg")).orElseThrow())).isEqualTo("<APPLICATION/>");
    }

    @Test
    void anotherPhonesQuarantineChangesNothingForThisOne() throws IOException {
        active.replace(List.of(new OverrideQuarantine(3, MacAddress.parse("64167f30a755"), T, "a", "r", "q",
                List.of(), List.of(), OverrideQuarantine.State.ACTIVE, null, null, null)));

        assertThat(content(catalog.find(request("0004f2aa814c-phone.cfg")).orElseThrow()))
                .contains("device.prov.serverName");
    }

    @Test
    void aRangeReadOfTheEmptyOverrideWorks() throws IOException {
        quarantine(1);
        CatalogEntry entry = catalog.find(request("0004f2aa814c-phone.cfg")).orElseThrow();
        try (SeekableByteChannel channel = entry.open()) {
            channel.position(entry.size() - 16);
            ByteBuffer tail = ByteBuffer.allocate(100);
            channel.read(tail);
            assertThat(new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8))
                    .isEqualTo("</PHONE_CONFIG>\n");
        }
    }
}
