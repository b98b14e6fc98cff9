package org.ztpbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ztpbox.config.ConfigException.ConfigProblem;

class EncryptionConfigReaderTest {

    private static ConfigProblem onlyProblem(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse("ztpbox.yaml", yaml));
        assertThat(e).as("the config should be refused").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void encryptionIsOffUnlessAskedFor() {
        assertThat(ConfigLoader.defaults().provisioning().encryption()).isEqualTo(EncryptionConfig.OFF);
        assertThat(ConfigLoader.parse("t", "provisioning:\n  url: http://10.0.0.2/prov/\n").provisioning()
                .encryption().enabled()).isFalse();
    }

    @Test
    void readsTheSwitchAndTheCredentialFiles() {
        EncryptionConfig e = ConfigLoader.parse("t", """
                provisioning:
                  encryption: on
                  credential-files: [site.cfg, "*-user.cfg", lines/extra.cfg]
                """).provisioning().encryption();

        assertThat(e.enabled()).isTrue();
        assertThat(e.credentialFiles()).containsExactly("site.cfg", "*-user.cfg", "lines/extra.cfg");
    }

    @Test
    void refusesANameOutsideTheServedTreeWithKeyAndLine() {
        ConfigProblem p = onlyProblem("provisioning:\n  encryption: on\n  credential-files:\n    - ok.cfg\n"
                + "    - ../etc/shadow\n");

        assertThat(p.key()).isEqualTo("provisioning.credential-files[1]");
        assertThat(p.line()).isEqualTo(5);
        assertThat(p.message()).startsWith("not a served file name: '../etc/shadow'");
    }

    @Test
    void refusesTheMasterConfigurationAsACredentialFile() {
        ConfigProblem p = onlyProblem("provisioning:\n  credential-files: [000000000000.cfg]\n");

        assertThat(p.message()).contains("master configuration", "never encrypted");
    }

    @Test
    void refusesAnUnknownSwitchValueAndSuggestsTheKey() {
        assertThat(onlyProblem("provisioning:\n  encryption: maybe\n").message())
                .isEqualTo("expected true or false, found 'maybe'");
        assertThat(onlyProblem("provisioning:\n  encrypton: on\n").message())
                .isEqualTo("unknown key (did you mean 'encryption'?)");
        assertThat(List.of(onlyProblem("provisioning:\n  credential-file: [a.cfg]\n").message()))
                .containsExactly("unknown key (did you mean 'credential-files'?)");
    }
}
