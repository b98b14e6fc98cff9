package org.ztpbox.dhcp.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ztpbox.config.ClientClassConfig;
import org.ztpbox.core.MacAddress;
import org.ztpbox.dhcp.DhcpRequests;

class ClientClassifierTest {

    private final ClientClassConfig lobby = new ClientClassConfig("lobby", false, List.of(), List.of(),
            List.of(MacAddress.parse("02:00:00:00:00:aa")), List.of(), List.of());
    private final ClientClassConfig cisco = new ClientClassConfig("cisco", true, List.of("Cisco Systems"), List.of(),
            List.of(), List.of(), List.of());
    private final ClientClassifier classifier = new ClientClassifier(List.of(lobby, cisco,
            ClientClassConfig.builtInPolycom()));

    private Classification classify(String mac, byte[] vendorClass) {
        return classifier.classify(new DhcpRequests(MacAddress.parse(mac)).vendorClass(vendorClass).discover());
    }

    @Test
    void aVvx410IsAPhoneByItsBinaryOption60Alone() {
        Classification c = classify("02:11:22:33:44:55", DhcpRequests.VVX410_VENDOR_CLASS);

        assertThat(c.isPhone()).isTrue();
        assertThat(c.classNames()).isEqualTo("polycom");
        assertThat(c.vendorClass().model()).isEqualTo("VVX-VVX_410");
    }

    @Test
    void aSoundPointIp550IsAPhoneByItsBinaryOption60Alone() {
        Classification c = classify("02:11:22:33:44:56", DhcpRequests.SPIP550_VENDOR_CLASS);

        assertThat(c.isPhone()).isTrue();
        assertThat(c.vendorClass().partNumber()).isEqualTo("2345-12500-001,1");
    }

    @Test
    void aPhoneInAsciiOption60ModeIsAPhone() {
        Classification c = classify("02:11:22:33:44:57", "Polycom-VVX410".getBytes(StandardCharsets.US_ASCII));

        assertThat(c.isPhone()).isTrue();
    }

    @Test
    void everyDocumentedPolyOuiIsAPhone() {
        for (String mac : List.of("00:04:f2:01:02:03", "64:16:7f:01:02:03", "48:25:67:01:02:03", "00:90:7a:01:02:03")) {
            assertThat(classify(mac, null).isPhone()).as(mac).isTrue();
        }
    }

    @Test
    void matchesByMacAndByVendorPrefix() {
        assertThat(classify("02:00:00:00:00:aa", null).classNames()).isEqualTo("lobby");
        assertThat(classify("02:00:00:00:00:ab", "Cisco Systems, Inc. IP Phone CP-7945G".getBytes()).classNames())
                .isEqualTo("cisco");
    }

    @Test
    void anOrdinaryClientIsInNoClass() {
        Classification c = classify("02:00:00:00:00:01", "udhcp 1.35.0".getBytes(StandardCharsets.US_ASCII));

        assertThat(c.classes()).isEmpty();
        assertThat(c.isPhone()).isFalse();
    }
}
