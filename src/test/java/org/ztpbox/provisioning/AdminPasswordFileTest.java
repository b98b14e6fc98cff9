package org.ztpbox.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.core.PhoneAdminPassword;

class AdminPasswordFileTest {

    @TempDir
    Path dir;

    @Test
    void generatesTwelveDigitsOnceReadableOnlyByItsOwner() throws Exception {
        AdminPasswordFile file = new AdminPasswordFile(dir.resolve("state"), new SecureRandom());
        assertThat(file.read()).isEmpty();

        PhoneAdminPassword password = file.loadOrCreate();

        assertThat(password.value()).matches("[0-9]{12}");
        assertThat(file.loadOrCreate()).isEqualTo(password);
        assertThat(new AdminPasswordFile(dir.resolve("state"), new SecureRandom()).read()).contains(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.file()))).isEqualTo("rw-------");
        assertThat(dir.resolve("state").toFile().list()).containsExactly("admin-password");
        assertThat(password.toString()).doesNotContain(password.value());
    }

    @Test
    void aBrokenFileIsAClearErrorNotANewPassword() throws Exception {
        Files.writeString(dir.resolve("admin-password"), "456\n");

        assertThatThrownBy(() -> new AdminPasswordFile(dir, new SecureRandom()).loadOrCreate())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("factory default")
                .hasMessageContaining("delete it");
        assertThat(dir.resolve("admin-password")).hasContent("456");
    }

    @Test
    void thePhonesRulesForAnAdminPassword() {
        assertThat(PhoneAdminPassword.problem("Abc-123_x")).isNull();
        assertThat(PhoneAdminPassword.problem("")).contains("empty");
        assertThat(PhoneAdminPassword.problem("a".repeat(33))).contains("32");
        assertThat(PhoneAdminPassword.problem("a<b")).contains("'<'");
        assertThat(PhoneAdminPassword.problem("a b")).contains("spaces");
        assertThat(PhoneAdminPassword.problem("456")).contains("factory default");
    }
}
