package org.ztpbox.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafePathsTest {

    @TempDir
    Path dir;
    private Path root;

    @BeforeEach
    void layout() throws Exception {
        root = Files.createDirectories(dir.resolve("root"));
        Files.writeString(root.resolve("000000000000.cfg"), "<x/>");
        Files.createDirectories(root.resolve("firmware"));
        Files.createDirectories(dir.resolve("root-evil"));
        Files.writeString(dir.resolve("root-evil/secret.cfg"), "secret");
        Files.writeString(dir.resolve("outside.cfg"), "secret");
    }

    @Test
    void resolvesNamesInsideTheRoot() throws Exception {
        assertThat(SafePaths.resolve(root, "000000000000.cfg")).contains(root.toRealPath().resolve("000000000000.cfg"));
        assertThat(SafePaths.resolve(root, "firmware/sip.ld")).as("writes may name new files").isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside.cfg", "firmware/../../outside.cfg", "/etc/passwd", "..", ".", "a//b",
        "firmware\\..\\..\\outside.cfg", "a\u0000b", "../root-evil/secret.cfg", ""})
    void refusesEscapesAndOddForms(String name) {
        assertThat(SafePaths.resolve(root, name)).isEmpty();
    }

    @Test
    void refusesOverlongNames() {
        assertThat(SafePaths.resolve(root, "a".repeat(256))).isEmpty();
        assertThat(SafePaths.resolve(root, ("abc/").repeat(300) + "x")).isEmpty();
    }

    @Test
    void refusesSymlinksThatLeaveTheRoot() throws Exception {
        Files.createSymbolicLink(root.resolve("escape.cfg"), dir.resolve("outside.cfg"));
        Files.createSymbolicLink(root.resolve("evil"), dir.resolve("root-evil"));

        assertThat(SafePaths.resolve(root, "escape.cfg")).isEmpty();
        assertThat(SafePaths.resolve(root, "evil/secret.cfg")).isEmpty();
        assertThat(SafePaths.resolve(root, "evil/new-upload.cfg")).as("a write through the link").isEmpty();
    }

    @Test
    void refusesDanglingLinksThatWouldWriteOutside() throws Exception {
        Files.createSymbolicLink(root.resolve("dangling.cfg"), dir.resolve("not-yet-there.cfg"));

        assertThat(SafePaths.resolve(root, "dangling.cfg")).isEmpty();
        assertThat(SafePaths.resolveInRealRoot(root.toRealPath(), "dangling.cfg")).isEmpty();
    }

    @Test
    void aRootResolvedOnceGivesTheSameAnswers() throws Exception {
        Path realRoot = root.toRealPath();
        assertThat(SafePaths.resolveInRealRoot(realRoot, "000000000000.cfg"))
                .isEqualTo(SafePaths.resolve(root, "000000000000.cfg"));
        assertThat(SafePaths.resolveInRealRoot(realRoot, "../outside.cfg")).isEmpty();
        assertThat(SafePaths.resolveInRealRoot(realRoot, "firmware/new.ld")).isPresent();
    }

    @Test
    void allowsSymlinksThatStayInside() throws Exception {
        Files.createSymbolicLink(root.resolve("sip.ld"), root.resolve("000000000000.cfg"));

        assertThat(SafePaths.resolve(root, "sip.ld")).isPresent();
    }
}
