package org.ztpbox.provisioning.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ztpbox.provisioning.catalog.CatalogFixture.CONFERENCE;
import static org.ztpbox.provisioning.catalog.CatalogFixture.RECEPTION;
import static org.ztpbox.provisioning.catalog.CatalogFixture.SALES;
import static org.ztpbox.provisioning.catalog.CatalogFixture.STRANGER;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.core.CatalogEntry;
import org.ztpbox.core.Transport;

/**
 * The files ztpbox generates from the sample inventory and the shipped templates, compared with
 * golden copies (regenerate with {@code -Dgolden.update=true} after a deliberate template change,
 * then review the diff), parsed as XML and checked for the parameters a phone needs.
 */
class GeneratedFilesTest {

    private static final Path GOLDEN = CatalogFixture.RESOURCES.resolve("golden");

    @TempDir
    Path dir;
    private CatalogFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = CatalogFixture.create(dir);
    }

    @Test
    void everyGeneratedFileMatchesItsGoldenCopyAndIsWellFormedXml() throws IOException {
        for (String name : List.of("000000000000.cfg", "0004f2aa814c.cfg", "0004f2aa814d.cfg", "64167f000001.cfg",
                "0004f2aa814c-user.cfg", "0004f2aa814d-user.cfg", "64167f000001-user.cfg", "shared.cfg",
                "model-VVX410.cfg", "site-main-office.cfg")) {
            CatalogEntry entry = fixture.find(name).orElseThrow(() -> new AssertionError(name + " not generated"));
            byte[] bytes = CatalogFixture.bytes(entry);
            XmlFiles.parameters(bytes);
            Path golden = GOLDEN.resolve(name);
            if (Boolean.getBoolean("golden.update")) {
                Files.write(golden, bytes);
            }
            assertThat(new String(bytes, StandardCharsets.UTF_8)).as(name)
                    .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        }
    }

    @Test
    void anInventoryPhonesMasterListsItsOwnFileFirstThenModelSiteAndSharedWithFirmwareAndUploadDirectories() {
        Map<String, String> master = parameters("0004f2aa814c.cfg");

        assertThat(master).containsEntry("CONFIG_FILES",
                        "0004f2aa814c-user.cfg, model-VVX410.cfg, site-main-office.cfg, shared.cfg")
                .containsEntry("APP_FILE_PATH", "sip.ld")
                .containsEntry("APP_FILE_PATH_VVX410", "3111-46162-001.sip.ld")
                .containsEntry("APP_FILE_PATH_VVX310", "3111-46161-001.sip.ld")
                .containsEntry("LOG_FILE_DIRECTORY", "logs").containsEntry("OVERRIDES_DIRECTORY", "overrides")
                .containsEntry("CONTACTS_DIRECTORY", "contacts").containsEntry("CALL_LISTS_DIRECTORY", "calls");
        assertThat(parameters("0004f2aa814d.cfg")).containsEntry("CONFIG_FILES", "0004f2aa814d-user.cfg, shared.cfg");
        assertThat(fixture.find("0004F2AA814C.cfg")).as("the MAC in upper case").isPresent();
        assertThat(fixture.find("0004f2aa814c.cfg").get().holdsCredentials()).as("the master is never encrypted")
                .isFalse();
    }

    @Test
    void anUnassignedPhoneGetsOnlyTheSharedConfiguration() {
        assertThat(fixture.find(STRANGER.compact() + ".cfg")).as("no master of its own: it goes on to the shared one")
                .isEmpty();
        assertThat(fixture.find(STRANGER.compact() + "-user.cfg")).isEmpty();
        Map<String, String> master = parameters("000000000000.cfg");
        assertThat(master).containsEntry("CONFIG_FILES", "shared.cfg").containsEntry("APP_FILE_PATH", "sip.ld")
                .containsEntry("OVERRIDES_DIRECTORY", "overrides");
        assertThat(parameters("shared.cfg")).containsEntry("device.auth.localAdminPassword",
                CatalogFixture.ADMIN_PASSWORD).containsEntry("device.prov.ztpEnabled", "0")
                .containsEntry("feature.lens.enabled", "0").containsEntry("tcpIpApp.sntp.address", "10.0.0.1")
                .containsEntry("tcpIpApp.sntp.gmtOffset", "3600").containsEntry("voIpProt.server.1.address",
                        "pbx.office.lan");
        assertThat(fixture.catalog.parametersFor(STRANGER)).containsEntry("device.auth.localAdminPassword",
                CatalogFixture.ADMIN_PASSWORD).doesNotContainKey("reg.1.address");
    }

    @Test
    void thePerPhoneFileCarriesTheRowWithItsSiteAndAppliancesDefaults() {
        assertThat(parameters("0004f2aa814c-user.cfg"))
                .containsEntry("reg.1.address", "1001").containsEntry("reg.1.label", "1001")
                .containsEntry("reg.1.displayName", "Reception & Front <Desk>")
                .containsEntry("reg.1.auth.password", "s3cr3t&\"pw\"").containsEntry("reg.1.auth.domain", "pbx.office.lan")
                .containsEntry("reg.1.server.1.address", "pbx.office.lan").containsEntry("reg.1.server.1.port", "0")
                .containsEntry("device.auth.localAdminPassword", CatalogFixture.ADMIN_PASSWORD)
                .containsEntry("tcpIpApp.sntp.gmtOffset", "3600")
                .containsEntry("tcpIpApp.sntp.daylightSavings.start.dayOfWeek.lastInMonth", "1");
        assertThat(parameters("0004f2aa814d-user.cfg"))
                .as("no SIP user: the extension; own registrar with port; own admin password; site Branch")
                .containsEntry("reg.1.address", "1002").containsEntry("reg.1.auth.userId", "1002")
                .containsEntry("reg.1.server.1.address", "10.0.0.5").containsEntry("reg.1.server.1.port", "5070")
                .containsEntry("device.auth.localAdminPassword", "98765")
                .containsEntry("tcpIpApp.sntp.address", "10.1.0.1").containsEntry("tcpIpApp.sntp.gmtOffset", "-18000")
                .containsEntry("tcpIpApp.sntp.daylightSavings.start.date", "8");
        assertThat(parameters("64167f000001-user.cfg")).as("no site: the appliance's registrar and time")
                .containsEntry("reg.1.server.1.address", "pbx.office.lan")
                .containsEntry("tcpIpApp.sntp.address", "10.0.0.1");
    }

    @Test
    void filesHoldingPasswordsSayTheyHoldCredentials() {
        assertThat(fixture.find("0004f2aa814c-user.cfg").get().holdsCredentials()).isTrue();
        assertThat(fixture.find("shared.cfg").get().holdsCredentials()).as("the admin password").isTrue();
        assertThat(fixture.find("model-VVX410.cfg").get().holdsCredentials()).isFalse();
        assertThat(fixture.find("site-main-office.cfg").get().holdsCredentials()).isFalse();
    }

    @Test
    void aPhonesFilesAreNotFoundForAnotherKnownPhone() {
        assertThat(fixture.find("0004f2aa814c-user.cfg", SALES, Transport.HTTP)).isEmpty();
        assertThat(fixture.find("0004f2aa814c.cfg", SALES, Transport.HTTP)).isEmpty();
        assertThat(fixture.find("0004f2aa814c-user.cfg", RECEPTION, Transport.HTTP)).isPresent();
        assertThat(fixture.find("shared.cfg", SALES, Transport.HTTP)).as("shared files are everyone's").isPresent();
    }

    @Test
    void theExpectedConfigurationMergesThePhonesFilesLeftMostFirst() {
        Map<String, String> expected = fixture.catalog.parametersFor(RECEPTION);

        assertThat(expected).as("model beats site").containsEntry("up.backlight.idleIntensity", "1")
                .containsEntry("site.test.voicemail", "8000").containsEntry("model.test.name", "VVX410")
                .containsEntry("reg.1.address", "1001").containsEntry("device.prov.ztpEnabled", "0");
        assertThat(fixture.catalog.parametersFor(SALES)).as("its own admin password beats the shared one")
                .containsEntry("device.auth.localAdminPassword", "98765");
        assertThat(fixture.catalog.parametersFor(CONFERENCE)).containsEntry("reg.1.label", "1003");
    }

    private Map<String, String> parameters(String name) {
        return XmlFiles.parameters(CatalogFixture.bytes(fixture.find(name)
                .orElseThrow(() -> new AssertionError(name + " not generated"))));
    }
}
