package org.ztpbox.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void secretParameterNamesAreMaskedWhole() {
        for (String name : new String[] {"reg.1.auth.password", "device.auth.localAdminPassword", "device.prov.password",
            "device.sec.configEncryption.key", "device.sec.TLS.customDeviceKey", "msg.mwi.1.pin", "api_token"}) {
            assertThat(Secrets.show(name, "x1")).as(name).isEqualTo("***");
        }
        for (String name : new String[] {"reg.1.auth.userId", "device.prov.serverName", "reg.1.label", "device.set"}) {
            assertThat(Secrets.show(name, "x1")).as(name).isEqualTo("x1");
        }
        assertThat(Secrets.show("reg.1.auth.password", "")).as("an empty secret says it is empty").isEmpty();
    }

    @Test
    void passwordsInUrlsAreMaskedWherever() {
        assertThat(Secrets.maskUrls("http://usr:pwd@server/dir and ftp://a:b@h/")).isEqualTo(
                "http://usr:***@server/dir and ftp://a:***@h/");
        assertThat(Secrets.maskUrls("https://user@host/ http://host/ mail@example.com"))
                .isEqualTo("https://user@host/ http://host/ mail@example.com");
    }
}
