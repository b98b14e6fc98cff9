package org.ztpbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderingConfigReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsTheKeysOfTheProvisioningSectionThatTemplatesUse() {
        RenderingConfig r = ConfigLoader.parse("ztpbox.yaml", "dhcp:\n  ntp: [10.0.0.9]\nprovisioning:\n"
                + "  templates: " + dir + "\n  admin-password: Secret-42\n  registrar: pbx.lan:5060\n"
                + "  time-zone: Europe/Paris\n  sites:\n    Main Office:\n      registrar: main.pbx\n"
                + "      time-zone: America/Chicago\n      voicemail-number: \"8000\"\n").provisioning().rendering();

        assertThat(r.templates()).isEqualTo(dir);
        assertThat(r.adminPassword().value()).isEqualTo("Secret-42");
        assertThat(r.registrar()).isEqualTo("pbx.lan:5060");
        assertThat(r.ntp()).as("the first of dhcp.ntp").isEqualTo("10.0.0.9");
        assertThat(r.timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(r.sites()).containsOnlyKeys("Main Office");
        assertThat(r.sites().get("Main Office")).isEqualTo(Map.of("registrar", "main.pbx", "time-zone",
                "America/Chicago", "voicemail-number", "8000"));
    }

    @Test
    void theDefaultsRenderWithTheEmbeddedTemplatesAndTheMachinesTimeZone() {
        RenderingConfig r = ConfigLoader.defaults().provisioning().rendering();

        assertThat(r.templates()).isNull();
        assertThat(r.adminPassword()).isNull();
        assertThat(r.ntp()).isEmpty();
        assertThat(r.timeZone()).isEqualTo(ZoneId.systemDefault());
    }

    @Test
    void everyMistakeIsReportedWithItsKeyAndLine() {
        ConfigException e = catchThrowableOfType(() -> ConfigLoader.parse("ztpbox.yaml", "provisioning:\n"
                + "  templates: " + dir.resolve("missing") + "\n  admin-password: \"456\"\n  time-zone: Mars/Base\n"
                + "  sites:\n    Branch:\n      Voicemail Number: 1\n      time-zone: Nowhere\n"
                + "  tempaltes: x\n"), ConfigException.class);

        assertThat(e.problems()).extracting(Object::toString).containsExactly(
                "line 2: provisioning.templates: no such directory: " + dir.resolve("missing"),
                "line 3: provisioning.admin-password: 456 is the factory default admin password; phones refuse it"
                        + " as a new one",
                "line 4: provisioning.time-zone: not a time zone: 'Mars/Base' (use a tz database name such as"
                        + " Europe/Berlin or America/New_York)",
                "line 7: provisioning.sites.Branch.Voicemail Number: a site variable is named in lower case: letters,"
                        + " digits, '-' and '_'",
                "line 8: provisioning.sites.Branch.time-zone: not a time zone: 'Nowhere' (use a tz database name such"
                        + " as Europe/Berlin or America/New_York)",
                "line 9: provisioning.tempaltes: unknown key (did you mean 'templates'?)");
    }
}
