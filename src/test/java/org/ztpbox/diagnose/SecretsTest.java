package org.ztpbox.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void masksThePasswordOfAUrlAndKeepsTheUser() {
        assertThat(Secrets.mask("http://PlcmSpIp:PlcmSpIp@10.0.0.5/prov/")).isEqualTo("http://PlcmSpIp:****@10.0.0.5/prov/");
        assertThat(Secrets.mask("ftp://usr:pwd@server/dir")).isEqualTo("ftp://usr:****@server/dir");
    }

    @Test
    void masksAPasswordThatItselfHoldsAnAtSign() {
        assertThat(Secrets.mask("https://acme:p@ss@prov.example.com:8443/x.cfg"))
                .isEqualTo("https://acme:****@prov.example.com:8443/x.cfg");
    }

    @Test
    void masksAddressesWithoutSchemeAndInsideSentences() {
        assertThat(Secrets.mask("usr:pwd@server")).isEqualTo("usr:****@server");
        assertThat(Secrets.mask("option 160 = http://a:secret@old/ and option 66 = b:other@old2/x"))
                .isEqualTo("option 160 = http://a:****@old/ and option 66 = b:****@old2/x")
                .doesNotContain("secret", "other");
    }

    @Test
    void leavesTextWithoutPasswordsAlone() {
        assertThat(Secrets.mask("http://user@host/prov/")).isEqualTo("http://user@host/prov/");
        assertThat(Secrets.mask("tftp://10.0.0.5:69/")).isEqualTo("tftp://10.0.0.5:69/");
        assertThat(Secrets.mask("admin@example.com wrote 10:30")).isEqualTo("admin@example.com wrote 10:30");
        assertThat(Secrets.mask(null)).isNull();
    }

    @Test
    void secretParameterNamesAreMaskedWhole() {
        for (String name : new String[] {"reg.1.auth.password", "device.auth.localAdminPassword", "device.prov.password",
            "device.sec.configEncryption.key", "device.sec.TLS.customDeviceKey", "msg.mwi.1.pin", "api_token"}) {
            assertThat(Secrets.show(name, "x1")).as(name).isEqualTo("****");
        }
        for (String name : new String[] {"reg.1.auth.userId", "device.prov.serverName", "reg.1.label", "device.set"}) {
            assertThat(Secrets.show(name, "x1")).as(name).isEqualTo("x1");
        }
        assertThat(Secrets.show("reg.1.auth.password", "")).as("an empty secret says it is empty").isEmpty();
        assertThat(Secrets.show("device.prov.serverName", "http://u:p@old/")).isEqualTo("http://u:****@old/");
    }
}
