package org.ztpbox.provisioning.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which generated files count as holding credentials: those are encrypted, or kept to HTTPS. */
class PolycomXmlTest {

    @Test
    void passwordsKeysPinsAndPreSharedSecretsAreCredentials() {
        for (String name : new String[] {"reg.1.auth.password", "device.auth.localAdminPassword",
            "device.sec.configEncryption.key", "device.sec.TLS.customDeviceKey", "device.wifi.psk.psk",
            "device.net.dot1x.password", "voIpProt.SIP.token", "device.auth.localUserPassword"}) {
            assertThat(PolycomXml.holdsCredentials(Map.of(name, "x"))).as(name).isTrue();
        }
    }

    @Test
    void aUrlWithAPasswordInItIsACredential() {
        assertThat(PolycomXml.holdsCredentials(Map.of("device.prov.serverName", "https://prov:s3cret@old.example/")))
                .isTrue();
        assertThat(PolycomXml.holdsCredentials(Map.of("device.prov.serverName", "https://old.example/cfg/")))
                .isFalse();
    }

    @Test
    void emptyValuesSwitchesAndOrdinaryParametersAreNot() {
        assertThat(PolycomXml.holdsCredentials(Map.of("reg.1.auth.password", "",
                "device.auth.localAdminPassword.set", "1", "reg.1.address", "201", "tcpIpApp.sntp.address", "pool.ntp",
                "feature.enhancedFeatureKeys.enabled", "1"))).isFalse();
    }
}
