package org.ztpbox.provisioning.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.core.FirmwareImage;
import org.ztpbox.http.auth.MutableClock;

class FirmwareDirectoryTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(NOW, ZoneOffset.UTC);
    private FirmwareDirectory shelf;

    @BeforeEach
    void setUp() {
        shelf = new FirmwareDirectory(dir, clock, Duration.ofSeconds(5));
    }

    /** An image of random bytes, optionally with a version string inside, last modified a minute ago. */
    private Path image(String name, int size, String embedded) throws IOException {
        byte[] bytes = new byte[size];
        new Random(name.hashCode()).nextBytes(bytes);
        if (embedded != null) {
            byte[] text = embedded.getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(text, 0, bytes, size / 2, text.length);
        }
        Path file = Files.write(dir.resolve(name), bytes);
        Files.setLastModifiedTime(file, FileTime.from(NOW.minusSeconds(60)));
        return file;
    }

    @Test
    void indexesImagesByModelThroughTheirPartNumber() throws IOException {
        image("3111-46135-002.sip.ld", 1000, null);
        image("3111-99999-001.sip.ld", 1000, null);
        image("sip.ld", 2000, null);

        assertThat(shelf.rescan()).isTrue();

        assertThat(shelf.images()).extracting(FirmwareImage::fileName, FirmwareImage::partNumber,
                FirmwareImage::models).containsExactly(
                org.assertj.core.groups.Tuple.tuple("3111-46135-002.sip.ld", "3111-46135-002", List.of("VVX300")),
                org.assertj.core.groups.Tuple.tuple("3111-99999-001.sip.ld", "3111-99999-001", List.of()),
                org.assertj.core.groups.Tuple.tuple("sip.ld", null, List.of()));
        assertThat(shelf.images().get(0).size()).isEqualTo(1000);
        assertThat(shelf.images().get(0).file()).isEqualTo(dir.resolve("3111-46135-002.sip.ld"));
    }

    @Test
    void aModelGetsItsOwnImageElseTheCombinedOne() throws IOException {
        image("3111-46135-002.sip.ld", 100, null);
        shelf.rescan();

        assertThat(shelf.imageFor("VVX 300")).map(FirmwareImage::fileName).contains("3111-46135-002.sip.ld");
        assertThat(shelf.imageFor("VVX410")).as("no image, no combined sip.ld").isEmpty();

        image("sip.ld", 100, null);
        shelf.rescan();
        assertThat(shelf.imageFor("VVX410")).map(FirmwareImage::fileName).contains("sip.ld");
        assertThat(shelf.imageFor("VVX300")).map(FirmwareImage::fileName).contains("3111-46135-002.sip.ld");
        assertThat(shelf.imageFor("")).map(FirmwareImage::fileName).contains("sip.ld");
    }

    @Test
    void readsTheVersionFromTheImagesSidecarTheReleaseSidecarOrTheImage() throws IOException {
        image("3111-46135-002.sip.ld", 5000, null);
        Files.writeString(dir.resolve("3111-46135-002.sip.ver"), "5.9.5.0614\n");
        image("3111-46162-001.sip.ld", 5000, null);
        image("3111-44500-001.sip.ld", 5000, "..SIP/6.4.3.1234/08-Mar-22 10:01..");
        shelf.rescan();
        assertThat(shelf.imageFor("VVX300").orElseThrow().version()).isEqualTo("5.9.5.0614");
        assertThat(shelf.imageFor("VVX410").orElseThrow().version()).as("nothing says").isNull();
        assertThat(shelf.imageFor("VVX500").orElseThrow().version()).isEqualTo("6.4.3.1234");

        Files.writeString(dir.resolve("sip.ver"), "UC Software 7.2.1.0001\r\n");
        assertThat(shelf.rescan()).as("a new sidecar is a change").isTrue();
        assertThat(shelf.imageFor("VVX410").orElseThrow().version()).isEqualTo("7.2.1.0001");
        assertThat(shelf.imageFor("VVX300").orElseThrow().version()).as("its own sidecar first").isEqualTo("5.9.5.0614");
    }

    @Test
    void theGenerationChangesOnAddReplaceAndRemoveOnly() throws IOException {
        shelf.rescan();
        long empty = shelf.generation();
        Path file = image("3111-46135-002.sip.ld", 100, null);
        assertThat(shelf.rescan()).isTrue();
        long added = shelf.generation();
        assertThat(shelf.rescan()).as("nothing new").isFalse();
        assertThat(shelf.generation()).isEqualTo(added);

        image("3111-46135-002.sip.ld", 100, null);
        Files.setLastModifiedTime(file, FileTime.from(NOW.minusSeconds(30)));
        assertThat(shelf.rescan()).as("replaced by a file of the same size").isTrue();
        long replaced = shelf.generation();

        Files.delete(file);
        assertThat(shelf.rescan()).isTrue();

        assertThat(List.of(empty, added, replaced, shelf.generation())).doesNotHaveDuplicates();
        assertThat(shelf.images()).isEmpty();
    }

    @Test
    void anImageStillBeingCopiedInIsLeftOutUntilItSettles() throws IOException {
        Path file = Files.write(dir.resolve("sip.ld"), new byte[10]);
        Files.setLastModifiedTime(file, FileTime.from(NOW.minusSeconds(1)));

        shelf.rescan();
        assertThat(shelf.images()).isEmpty();
        assertThat(shelf.pending()).containsExactly("sip.ld");

        clock.advance(Duration.ofSeconds(10));
        assertThat(shelf.rescan()).isTrue();
        assertThat(shelf.images()).extracting(FirmwareImage::fileName).containsExactly("sip.ld");
        assertThat(shelf.pending()).isEmpty();
    }

    @Test
    void listsWhatIsNotAnImageAndIgnoresSidecarsAndHiddenFiles() throws IOException {
        image("UCS_5.9.5_sig_split.zip", 10, null);
        image("SIP.LD", 10, null);
        image("bootrom.ld", 10, null);
        image(".sip.ld.part", 10, null);
        Files.writeString(dir.resolve("sip.ver"), "5.9.5");
        Files.createDirectory(dir.resolve("old"));

        shelf.rescan();

        assertThat(shelf.images()).isEmpty();
        assertThat(shelf.ignored()).containsExactly("SIP.LD", "UCS_5.9.5_sig_split.zip", "bootrom.ld");
    }

    @Test
    void aMissingDirectoryHoldsNothing() {
        FirmwareDirectory missing = new FirmwareDirectory(dir.resolve("nope"), clock, Duration.ofSeconds(5));

        assertThat(missing.rescan()).isFalse();
        assertThat(missing.images()).isEmpty();
        assertThat(missing.imageFor("VVX410")).isEmpty();
    }
}
