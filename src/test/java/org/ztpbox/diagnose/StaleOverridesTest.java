package org.ztpbox.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.core.ExpectedConfiguration;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.OverrideQuarantine;
import org.ztpbox.provisioning.OverrideFiles;
import org.ztpbox.provisioning.UploadDirectory;

/**
 * Override diffs against a golden text: what an admin reads in {@code ztpbox timeline} and the
 * doctor about a phone that uploaded the old provider's settings.
 */
class StaleOverridesTest {

    private static final MacAddress MAC = MacAddress.parse("0004f2aa814c");
    private static final Instant UPLOADED = Instant.parse("2024-04-30T08:15:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);

    /** What the catalog engineer's generator would say ztpbox provisions for this phone (a fake). */
    private static final ExpectedConfiguration EXPECTED = mac -> Map.of(
            "reg.1.auth.userId", "1001",
            "reg.1.auth.password", "new-sip-secret",
            "reg.1.address", "1001@10.0.0.2",
            "reg.1.displayName", "Reception",
            "tcpIpApp.sntp.address", "pool.ntp.org",
            "up.backlight.idleIntensity", "1",
            "voIpProt.server.1.address", "10.0.0.2");

    @TempDir
    Path dir;
    private OverrideFiles files;

    @BeforeEach
    void uploadsOfAPhoneFromAnOldPbx() throws IOException {
        files = new OverrideFiles(new UploadDirectory(dir.resolve("uploads")));
        Path phoneDir = Files.createDirectories(dir.resolve("uploads/0004f2aa814c"));
        for (String name : new String[] {"0004f2aa814c-phone.cfg", "0004f2aa814c-web.cfg"}) {
            Path file = phoneDir.resolve(name);
            try (InputStream in = StaleOverridesTest.class.getResourceAsStream(name)) {
                Files.write(file, in.readAllBytes());
            }
            Files.setLastModifiedTime(file, FileTime.from(UPLOADED));
        }
    }

    private StaleOverrides stale(ExpectedConfiguration expected) {
        return new StaleOverrides(files, expected, mac -> Optional.empty(), CLOCK);
    }

    @Test
    void findingsMatchTheGoldenText() throws IOException {
        String actual = FindingText.blocks(stale(EXPECTED).forPhone(MAC));
        // After a deliberate change of wording: mvn test -Dtest=StaleOverridesTest -Dgolden.write=<that file>
        if (System.getProperty("golden.write") != null) {
            Files.writeString(Path.of(System.getProperty("golden.write")), actual);
        }

        String golden;
        try (InputStream in = StaleOverridesTest.class.getResourceAsStream("stale-overrides.golden.txt")) {
            golden = in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(actual).as("golden file src/test/resources/org/ztpbox/diagnose/stale-overrides.golden.txt;"
                + " actual:\n%s", actual).isEqualTo(golden);
    }

    @Test
    void noSecretIsShown() {
        String text = FindingText.blocks(stale(EXPECTED).all());

        assertThat(text).doesNotContain("Old-Pass1", "8421", "old-sip-secret", "new-sip-secret",
                "06a9214036b8a15b512e03d534120006");
        assertThat(text).contains("device.prov.serverName = \"http://pbx:****@old-pbx.example.net/polycom/\"");
    }

    @Test
    void provisioningDhcpAndAuthOverridesAreCritical() {
        var codes = stale(EXPECTED).forPhone(MAC).stream()
                .filter(f -> f.severity() == Severity.CRITICAL).map(Finding::code).toList();

        assertThat(codes).containsExactlyInAnyOrder("override-provisioning-server", "override-dhcp",
                "override-admin-auth", "override-sip-auth", "override-security");
    }

    @Test
    void parametersEqualToTheExpectedOnesAreNoOverride() {
        var params = stale(EXPECTED).flaggedParameters(MAC);

        assertThat(params).contains("device.prov.serverName", "reg.1.auth.password", "up.backlight.idleIntensity",
                "voIpProt.server.1.address").doesNotContain("reg.1.displayName", "tcpIpApp.sntp.address",
                "up.screenSaver.enabled");
    }

    @Test
    void withNothingExpectedEveryParameterIsAnOverride() {
        var findings = stale(mac -> Map.of()).forPhone(MAC);

        assertThat(findings).extracting(Finding::code).contains("override-extra").doesNotContain("override-conflict");
        assertThat(findings).filteredOn(f -> f.code().equals("override-extra"))
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO))
                .anySatisfy(f -> assertThat(f.evidence()).anySatisfy(e -> assertThat(e).contains("reg.1.displayName")));
    }

    @Test
    void anUnreadableOverrideIsAFindingToo() throws IOException {
        Files.writeString(dir.resolve("uploads/0004f2aa814c/0004f2aa814c-web.cfg"), "Crypt=1;KeyDesc=x;Digest=ab\n??");

        var findings = stale(EXPECTED).forPhone(MAC);

        assertThat(findings).filteredOn(f -> f.code().equals("override-unreadable")).singleElement()
                .satisfies(f -> assertThat(f.summary()).contains("0004f2aa814c-web.cfg", "encrypted"));
    }

    @Test
    void aQuarantinedPhoneThatUploadsTheOldSettingsAgainIsToldToReset() {
        OverrideQuarantine q = OverrideQuarantine.begin(MAC, UPLOADED, "alice", "prepare reset", "quarantine/x",
                java.util.List.of(), java.util.List.of());
        var findings = new StaleOverrides(files, EXPECTED, mac -> Optional.of(q), CLOCK).forPhone(MAC);

        assertThat(findings).filteredOn(f -> f.code().equals("override-provisioning-server")).singleElement()
                .satisfies(f -> {
                    assertThat(f.evidence()).anySatisfy(e -> assertThat(e).contains("served an empty override"));
                    assertThat(f.fix()).contains("factory-reset it", "ztpbox reset-guide 00:04:f2:aa:81:4c");
                });
    }
}
