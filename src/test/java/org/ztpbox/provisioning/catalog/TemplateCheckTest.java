package org.ztpbox.provisioning.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ztpbox.provisioning.catalog.CatalogFixture.CONFERENCE;
import static org.ztpbox.provisioning.catalog.CatalogFixture.RECEPTION;
import static org.ztpbox.provisioning.catalog.CatalogFixture.SALES;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.provisioning.template.DirectoryTemplates;
import org.ztpbox.provisioning.template.EmbeddedTemplates;
import org.ztpbox.provisioning.template.TemplateRenderer;
import org.ztpbox.provisioning.template.Templates;

/** What {@code ztpbox validate} reports per phone, over the shipped templates and the Lync example. */
class TemplateCheckTest {

    @TempDir
    Path dir;

    private final MemoryInventory inventory = MemoryInventory.fromCsv(CatalogFixture.RESOURCES.resolve("inventory.csv"));
    private final ConfigGenerator generator = new ConfigGenerator(new VariableSets(CatalogFixture.facts(null),
            Clock.fixed(CatalogFixture.NOW, ZoneOffset.UTC)), new TemplateRenderer());

    private Templates templates(Path path) {
        return new DirectoryTemplates(path, new EmbeddedTemplates(), Duration.ZERO).current();
    }

    @Test
    void theLyncExampleRendersEveryPhoneInTheGuidesSharedAndPerPhoneSplit() {
        Templates lync = templates(Path.of("conf/templates/examples/lync"));

        TemplateCheck.Report report = TemplateCheck.run(lync, generator, inventory);

        assertThat(report.ok()).as("%s", report).isTrue();
        assertThat(report.phones()).extracting(TemplateCheck.PhoneReport::files)
                .allSatisfy(files -> assertThat(files).hasSize(2).endsWith("shared.cfg"));
        ConfigGenerator.Rendered shared = (ConfigGenerator.Rendered) generator.render(lync,
                new GeneratedName.Shared(), null, "").orElseThrow();
        assertThat(XmlFiles.parameters(shared.file().bytes()))
                .containsEntry("voIpProt.server.1.specialInterop", "lync2010")
                .containsEntry("voIpProt.server.1.address", "pbx.office.lan")
                .containsEntry("voIpProt.server.1.transport", "TLS")
                .containsEntry("sec.srtp.key.lifetime", "2^31")
                .containsEntry("voice.audioProfile.G7221.24kbps.payloadType", "112")
                .containsEntry("device.auth.localAdminPassword", CatalogFixture.ADMIN_PASSWORD);
        ConfigGenerator.Rendered phone = (ConfigGenerator.Rendered) generator.render(lync,
                new GeneratedName.PhoneFile(RECEPTION), inventory.find(RECEPTION).orElseThrow(), "").orElseThrow();
        assertThat(XmlFiles.parameters(phone.file().bytes()))
                .containsEntry("reg.1.address", "1001").containsEntry("reg.1.auth.domain", "pbx.office.lan")
                .containsEntry("msg.mwi.1.callBackMode", "contact")
                .containsEntry("msg.mwi.1.callBack", "1001;opaque=app:voicemail")
                .containsEntry("roaming_buddies.reg", "1");
        assertThat(phone.file().holdsCredentials()).isTrue();
    }

    @Test
    void aPhoneWhoseFilesFailIsReportedWithTheFileTemplateLineAndVariableTheOthersAreOk() throws Exception {
        Path t = Files.createDirectories(dir.resolve("t"));
        Files.writeString(t.resolve("phone.cfg"), "<?xml version=\"1.0\"?>\n<c a=\"${phone.voicemail}\"\n"
                + " b=\"${phone.floor}\"/>\n");
        inventory.put(new org.ztpbox.core.Phone(CONFERENCE, "SSIP 6000", "1003", "", "", "", "", "", "",
                java.util.Map.of("voicemail", "*97", "floor", "2")));

        TemplateCheck.Report report = TemplateCheck.run(templates(t), generator, inventory);

        assertThat(report.ok()).isFalse();
        assertThat(report.unassigned().ok()).isTrue();
        TemplateCheck.PhoneReport reception = report.phones().stream().filter(p -> p.mac().equals(RECEPTION))
                .findFirst().orElseThrow();
        assertThat(reception.files()).as("no model or site templates here").containsExactly("shared.cfg");
        assertThat(reception.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("0004f2aa814c-user.cfg");
            assertThat(p.error().getMessage()).isEqualTo(t.resolve("phone.cfg") + " line 3: unknown variable"
                    + " ${phone.floor}");
        });
        assertThat(report.phones()).filteredOn(p -> p.mac().equals(CONFERENCE)).singleElement()
                .satisfies(p -> assertThat(p.ok()).isTrue());
        assertThat(report.phones()).filteredOn(p -> p.mac().equals(SALES)).singleElement()
                .satisfies(p -> assertThat(p.ok()).isFalse());
    }
}
