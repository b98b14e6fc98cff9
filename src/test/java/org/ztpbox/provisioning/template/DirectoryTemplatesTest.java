package org.ztpbox.provisioning.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryTemplatesTest {

    @TempDir
    Path dir;

    @Test
    void filesMissingFromTheDirectoryComeFromTheShippedDefaults() throws Exception {
        Files.createDirectories(dir.resolve("sites"));
        Files.writeString(dir.resolve("sites/Main Office.cfg"), "<a/>");
        Files.writeString(dir.resolve("sites/notes.txt"), "ignored");

        Templates t = new DirectoryTemplates(dir, new EmbeddedTemplates(), Duration.ZERO).current();

        assertThat(t.shared().origin()).isEqualTo("(embedded) shared.cfg");
        assertThat(t.phone().text()).contains("reg.1.address=\"${phone.sip-user}\"");
        assertThat(t.sites()).containsOnlyKeys("main-office");
        assertThat(t.site("main-office").orElseThrow().origin()).isEqualTo(dir.resolve("sites/Main Office.cfg")
                .toString());
    }

    @Test
    void modelsAreKeyedWithoutSpacesOrDashesInUpperCase() throws Exception {
        Files.createDirectories(dir.resolve("models"));
        Files.writeString(dir.resolve("models/vvx-410.cfg"), "<a/>");

        assertThat(new DirectoryTemplates(dir, new EmbeddedTemplates(), Duration.ZERO).current().models())
                .containsOnlyKeys("VVX410");
        assertThat(TemplateKeys.model("SoundStation IP 6000")).isEqualTo("SOUNDSTATIONIP6000");
        assertThat(TemplateKeys.site(" Main   Office / 2nd floor ")).isEqualTo("main-office-2nd-floor");
    }

    @Test
    void theSameInstanceUntilAFileChangesThenOnlyWithinTheRecheckInterval() throws Exception {
        Files.writeString(dir.resolve("shared.cfg"), "<a/>");
        DirectoryTemplates now = new DirectoryTemplates(dir, new EmbeddedTemplates(), Duration.ZERO);
        DirectoryTemplates lazy = new DirectoryTemplates(dir, new EmbeddedTemplates(), Duration.ofHours(1));
        Templates first = now.current();
        Templates lazyFirst = lazy.current();
        assertThat(now.current()).isSameAs(first);

        Files.writeString(dir.resolve("shared.cfg"), "<b x=\"1\"/>");

        assertThat(now.current().shared().text()).isEqualTo("<b x=\"1\"/>");
        assertThat(lazy.current()).as("not looked at again within the hour").isSameAs(lazyFirst);
    }

    @Test
    void anUnreadableTemplateSaysWhy() throws Exception {
        Files.write(dir.resolve("phone.cfg"), new byte[] {'<', (byte) 0xC3, (byte) 0x28, '/', '>'});

        assertThat(new DirectoryTemplates(dir, new EmbeddedTemplates(), Duration.ZERO).current().phone().problem())
                .isEqualTo("not UTF-8 text");
    }
}
