package org.ztpbox.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.core.UploadArea;
import org.ztpbox.core.UploadName;

class UploadDirectoryTest {

    @TempDir
    Path dir;

    private final UploadName override = UploadName.parse("0004F2AA814C-phone.cfg").orElseThrow();

    private static ByteBuffer text(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anUploadAppearsOnlyOnCommitAndKeepsThePreviousVersion() throws Exception {
        UploadDirectory uploads = new UploadDirectory(dir);
        Path target = uploads.pathOf(override);
        try (UploadArea.Upload first = uploads.begin(override, 1024)) {
            first.write(text("<old/>"));
            first.commit();
        }
        try (UploadArea.Upload second = uploads.begin(override, 1024)) {
            second.write(text("<new"));
            assertThat(Files.readString(target)).as("not visible before commit").isEqualTo("<old/>");
            second.write(text("/>"));
            assertThat(second.commit()).isEqualTo(6);
        }

        assertThat(target).hasFileName("0004f2aa814c-phone.cfg").hasContent("<new/>");
        assertThat(target.resolveSibling("0004f2aa814c-phone.cfg.previous")).hasContent("<old/>");
    }

    @Test
    void anAbortedOrOversizedUploadLeavesNothing() throws Exception {
        UploadDirectory uploads = new UploadDirectory(dir);
        try (UploadArea.Upload aborted = uploads.begin(override, 1024)) {
            aborted.write(text("half"));
        }
        UploadArea.Upload big = uploads.begin(override, 4);
        assertThatThrownBy(() -> big.write(text("12345"))).isInstanceOf(UploadArea.UploadTooLargeException.class);

        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
