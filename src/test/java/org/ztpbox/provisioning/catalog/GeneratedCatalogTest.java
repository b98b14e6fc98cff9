package org.ztpbox.provisioning.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ztpbox.provisioning.catalog.CatalogFixture.CONFERENCE;
import static org.ztpbox.provisioning.catalog.CatalogFixture.RECEPTION;
import static org.ztpbox.provisioning.catalog.CatalogFixture.SALES;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.core.CatalogEntry;
import org.ztpbox.core.FirmwareImage;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.Phone;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.core.Transport;

/** Render once, render again when an input changes, and fail one phone without failing the others. */
class GeneratedCatalogTest {

    @TempDir
    Path dir;
    private CatalogFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = CatalogFixture.create(dir);
    }

    @Test
    void aFileIsRenderedOnceAndServedFromTheCacheWhileNothingChanges() {
        CatalogEntry first = fixture.find("0004f2aa814c-user.cfg").orElseThrow();
        CatalogEntry master = fixture.find("0004f2aa814c.cfg").orElseThrow();

        assertThat(fixture.find("0004f2aa814c-user.cfg").orElseThrow()).isSameAs(first);
        assertThat(fixture.find("0004F2AA814C-user.cfg").orElseThrow()).isSameAs(first);
        assertThat(fixture.find("0004f2aa814c.cfg", RECEPTION, Transport.HTTP).orElseThrow()).isSameAs(master);
    }

    @Test
    void anInventoryChangeRendersTheChangedPhoneAnew() {
        CatalogEntry before = fixture.find("0004f2aa814c-user.cfg").orElseThrow();
        Phone old = fixture.inventory.find(RECEPTION).orElseThrow();
        fixture.inventory.put(new Phone(old.mac(), old.model(), "2001", old.displayName(), old.sipUser(),
                old.sipPassword(), old.authDomain(), old.registrar(), old.site(), old.extra()));

        CatalogEntry after = fixture.find("0004f2aa814c-user.cfg").orElseThrow();
        assertThat(after.etag()).isNotEqualTo(before.etag());
        assertThat(XmlFiles.parameters(CatalogFixture.bytes(after))).containsEntry("reg.1.label", "2001");

        fixture.inventory.remove(RECEPTION);
        assertThat(fixture.find("0004f2aa814c-user.cfg")).as("removed from the inventory: unassigned").isEmpty();
        assertThat(fixture.find("0004f2aa814c.cfg")).isEmpty();
    }

    @Test
    void aTemplateEditIsServedWithoutARestart() {
        CatalogEntry before = fixture.find("shared.cfg").orElseThrow();
        fixture.write("shared.cfg", "<?xml version=\"1.0\"?>\n<polycomConfig up.test=\"${appliance.address}\"/>\n");

        CatalogEntry after = fixture.find("shared.cfg").orElseThrow();
        assertThat(after.etag()).isNotEqualTo(before.etag());
        assertThat(XmlFiles.parameters(CatalogFixture.bytes(after))).containsExactly(Map.entry("up.test", "10.0.0.2"));
        assertThat(after.holdsCredentials()).isFalse();
    }

    @Test
    void aNewSiteTemplateJoinsTheMasterOfThatSitesPhones() {
        assertThat(masterFiles("0004f2aa814d.cfg")).containsExactly("0004f2aa814d-user.cfg", "shared.cfg");
        fixture.write("sites/branch.cfg", "<?xml version=\"1.0\"?>\n<polycomConfig up.site=\"${site.name}\"/>\n");

        assertThat(masterFiles("0004f2aa814d.cfg"))
                .containsExactly("0004f2aa814d-user.cfg", "site-branch.cfg", "shared.cfg");
        assertThat(XmlFiles.parameters(CatalogFixture.bytes(fixture.find("site-branch.cfg").orElseThrow())))
                .containsEntry("up.site", "Branch");
    }

    @Test
    void newFirmwareChangesTheMaster() {
        fixture.firmware.add(new FirmwareImage("3111-40000-001.sip.ld", "3111-40000-001", List.of("SSIP6000"),
                "5.9.0", 10, dir.resolve("x")));

        assertThat(XmlFiles.parameters(CatalogFixture.bytes(fixture.find("64167f000001.cfg").orElseThrow())))
                .containsEntry("APP_FILE_PATH_SSIP6000", "3111-40000-001.sip.ld");
    }

    @Test
    void aKeyFileDueForThePhoneIsListedFirstOnlyWhereKeyDeliverySaysSo() {
        fixture.keyFiles.put(RECEPTION, "0004f2aa814c-key.cfg");

        assertThat(masterFiles("0004f2aa814c.cfg", Transport.HTTPS)).first().isEqualTo("0004f2aa814c-key.cfg");
        assertThat(masterFiles("0004f2aa814c.cfg", Transport.TFTP)).doesNotContain("0004f2aa814c-key.cfg");
        assertThat(masterFiles("0004f2aa814c.cfg", RECEPTION, Transport.HTTPS, false))
                .as("the phone not proven").doesNotContain("0004f2aa814c-key.cfg");
        fixture.keyFiles.put(RECEPTION, "0004f2aa814c-key2.cfg");
        assertThat(masterFiles("0004f2aa814c.cfg", Transport.HTTPS)).first().isEqualTo("0004f2aa814c-key2.cfg");
        fixture.keyFiles.remove(RECEPTION);
        assertThat(masterFiles("0004f2aa814c.cfg", Transport.HTTPS)).first().isEqualTo("0004f2aa814c-user.cfg");
    }

    @Test
    void anUnknownVariableFailsOnlyThePhonesThatLackItWithAnEventNamingTemplateLineAndVariable() {
        String phoneTemplate = "<?xml version=\"1.0\"?>\n<polycomConfig\n  reg.1.address=\"${phone.sip-user}\"\n"
                + "  msg.mwi.1.callBack=\"${phone.voicemail}\"\n  up.desk=\"${phone.desk}\"/>\n";
        fixture.write("phone.cfg", phoneTemplate);
        Phone conference = fixture.inventory.find(CONFERENCE).orElseThrow();
        fixture.inventory.put(new Phone(conference.mac(), conference.model(), conference.extension(), "", "", "",
                "", "", "", Map.of("voicemail", "*97", "desk", "7")));

        assertThat(fixture.find("64167f000001-user.cfg")).as("the phone with both columns").isPresent();
        assertThat(fixture.find("0004f2aa814c-user.cfg", RECEPTION, Transport.HTTP)).as("lacks 'desk'").isEmpty();
        assertThat(masterFiles("0004f2aa814c.cfg")).as("its master lists no file that is not there")
                .containsExactly("model-VVX410.cfg", "site-main-office.cfg", "shared.cfg");
        PhoneEvent event = fixture.events.get(0);
        assertThat(event.mac()).isEqualTo(RECEPTION);
        assertThat(event.source()).isEqualTo("provisioning");
        assertThat(event.type()).isEqualTo("RENDER-FAILED");
        assertThat(event.details()).containsEntry("file", "0004f2aa814c-user.cfg")
                .containsEntry("template", fixture.templates.resolve("phone.cfg").toString())
                .containsEntry("line", "5").containsEntry("variable", "phone.desk");
        assertThat(event.detail("problem")).contains("line 5: unknown variable ${phone.desk}");

        fixture.find("0004f2aa814c-user.cfg");
        assertThat(fixture.events).as("reported once, not at every request").hasSize(1);
    }

    @Test
    void badXmlInAModelTemplateFailsThatModelsFileAndNothingElse() {
        fixture.write("models/VVX410.cfg", "<?xml version=\"1.0\"?>\n<polycomConfig up.x=\"1\">\n</polycom>\n");

        assertThat(fixture.find("model-VVX410.cfg")).isEmpty();
        assertThat(masterFiles("0004f2aa814c.cfg"))
                .containsExactly("0004f2aa814c-user.cfg", "site-main-office.cfg", "shared.cfg");
        assertThat(fixture.find("0004f2aa814d-user.cfg")).isPresent();
        assertThat(fixture.events).singleElement().satisfies(e -> {
            assertThat(e.details()).containsEntry("file", "model-VVX410.cfg").containsEntry("line", "3")
                    .doesNotContainKey("variable");
            assertThat(e.detail("problem")).contains("not well-formed XML");
        });
    }

    @Test
    void aValueCannotAddMarkupAndAVariableInANameThatBreaksTheXmlIsNamed() {
        fixture.write("phone.cfg", "<?xml version=\"1.0\"?>\n<polycomConfig\n  up.${phone.display-name}=\"1\"/>\n");

        assertThat(fixture.find("0004f2aa814c-user.cfg")).isEmpty();
        assertThat(fixture.events).singleElement().satisfies(e -> {
            assertThat(e.details()).containsEntry("line", "3").containsEntry("variable", "phone.display-name");
            assertThat(e.detail("problem")).contains("after substituting ${phone.display-name}");
        });
        assertThat(fixture.find("0004f2aa814d-user.cfg")).as("'Sales' makes a valid name").isPresent();
    }

    @Test
    void aRowsBadAdminPasswordFailsThatPhoneOnly() {
        Phone sales = fixture.inventory.find(SALES).orElseThrow();
        fixture.inventory.put(new Phone(sales.mac(), sales.model(), sales.extension(), sales.displayName(),
                sales.sipUser(), sales.sipPassword(), sales.authDomain(), sales.registrar(), sales.site(),
                Map.of("Admin Password", "456")));

        assertThat(fixture.find("0004f2aa814d-user.cfg")).isEmpty();
        assertThat(fixture.find("0004f2aa814c-user.cfg")).isPresent();
        assertThat(fixture.events).singleElement().satisfies(e -> assertThat(e.detail("problem"))
                .contains("column 'Admin Password'", "factory default").doesNotContain("98765"));
    }

    private List<String> masterFiles(String name) {
        return masterFiles(name, null, Transport.TFTP, false);
    }

    /** The master as the phone it names fetches it, proven by a certificate or its own credentials. */
    private List<String> masterFiles(String name, Transport transport) {
        return masterFiles(name, RECEPTION, transport, true);
    }

    private List<String> masterFiles(String name, MacAddress requester, Transport transport, boolean identified) {
        String files = XmlFiles.parameters(CatalogFixture.bytes(fixture.find(name, requester, transport, identified)
                .orElseThrow())).get("CONFIG_FILES");
        return List.of(files.split(", "));
    }

    @Test
    void theCacheKeepsTheRenderedEntryWhenAFileIsOnlyTouched() throws Exception {
        CatalogEntry before = fixture.find("shared.cfg").orElseThrow();
        Path shared = fixture.templates.resolve("shared.cfg");
        Files.setLastModifiedTime(shared, java.nio.file.attribute.FileTime.fromMillis(0));

        assertThat(fixture.find("shared.cfg").orElseThrow()).isSameAs(before);
    }
}
