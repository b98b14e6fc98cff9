package org.ztpbox.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.core.CatalogEntry;
import org.ztpbox.core.FileRequest;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.Transport;

class StaticFileCatalogTest {

    @TempDir
    Path dir;

    private static FileRequest request(String name) {
        return new FileRequest(name, Ipv4Address.parse("10.0.0.9"), null, Transport.TFTP, null);
    }

    @Test
    void servesFilesAndMissesCleanly() throws Exception {
        StaticFileCatalog catalog = new StaticFileCatalog(dir);
        Files.writeString(dir.resolve("000000000000.cfg"), "<APPLICATION/>");

        CatalogEntry entry = catalog.find(request("000000000000.cfg")).orElseThrow();
        ByteBuffer buf = ByteBuffer.allocate(64);
        try (SeekableByteChannel ch = entry.open()) {
            ch.position(1);
            ch.read(buf);
        }

        assertThat(entry.size()).isEqualTo(14);
        assertThat(new String(buf.array(), 0, buf.position())).isEqualTo("APPLICATION/>");
        assertThat(entry.etag()).startsWith("\"");
        assertThat(catalog.find(request("0004f2aa814c.cfg"))).isEmpty();
        assertThat(catalog.find(request("../etc/passwd"))).isEmpty();
    }

    @Test
    void matchesMacNamedFilesInEitherCase() throws Exception {
        StaticFileCatalog catalog = new StaticFileCatalog(dir);
        Files.writeString(dir.resolve("0004f2aa814c.cfg"), "lower");
        Files.writeString(dir.resolve("64167F0A0B0C-user.cfg"), "upper");

        assertThat(catalog.find(request("0004F2AA814C.cfg")).orElseThrow().file()).hasContent("lower");
        assertThat(catalog.find(request("64167f0a0b0c-user.cfg")).orElseThrow().file()).hasContent("upper");
    }

    @Test
    void linksInTheRootAreFollowedOnlyWhenTheyStayInside() throws Exception {
        Path root = Files.createDirectories(dir.resolve("files"));
        StaticFileCatalog catalog = new StaticFileCatalog(root);
        Files.writeString(root.resolve("sip-5.9.ld"), "firmware");
        Files.writeString(dir.resolve("secret.cfg"), "secret");
        Files.createSymbolicLink(root.resolve("sip.ld"), root.resolve("sip-5.9.ld"));
        Files.createSymbolicLink(root.resolve("escape.cfg"), dir.resolve("secret.cfg"));
        Files.createDirectories(root.resolve("firmware"));

        assertThat(catalog.find(request("sip.ld")).orElseThrow().file()).hasContent("firmware");
        assertThat(catalog.find(request("escape.cfg"))).isEmpty();
        assertThat(catalog.find(request("firmware"))).as("a directory is not a file").isEmpty();
    }
}
