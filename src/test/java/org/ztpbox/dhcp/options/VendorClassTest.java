package org.ztpbox.dhcp.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.ztpbox.dhcp.DhcpRequests;

class VendorClassTest {

    @Test
    void decodesTheBinaryOption60OfAVvx410() {
        VendorClass vc = VendorClass.parse(DhcpRequests.VVX410_VENDOR_CLASS);

        assertThat(vc.isPolycomBinary()).isTrue();
        assertThat(vc.company()).isEqualTo("Polycom");
        assertThat(vc.model()).isEqualTo("VVX-VVX_410");
        assertThat(vc.partNumber()).isEqualTo("3111-46162-001,7");
        assertThat(vc.applicationVersion()).isEqualTo("SIP/5.9.5.0614/12-Dec-19 08:57");
        assertThat(vc.stage()).isEqualTo("application");
    }

    @Test
    void decodesTheBinaryOption60OfASoundPointIp550() {
        VendorClass vc = VendorClass.parse(DhcpRequests.SPIP550_VENDOR_CLASS);

        assertThat(vc.model()).isEqualTo("SoundPointIP-SPIP_550");
        assertThat(vc.partNumber()).isEqualTo("2345-12500-001,1");
        assertThat(vc.bootVersion()).isEqualTo("BR/4.2.2.0710/06-Jan-10 16:33");
    }

    @Test
    void recognisesTheBootStageWhenApplicationAndBootVersionsAreTheSame() {
        String updater = "UP/5.9.5.0614/12-Dec-19 08:57";
        VendorClass vc = VendorClass.parse(DhcpRequests.polycomVendorClass("Polycom", "VVX-VVX_410",
                "3111-46162-001,7", updater, updater, true));

        assertThat(vc.stage()).isEqualTo("boot");
    }

    /** Polycom's worked example: its length bytes leave no room for the FF, and the FF is missing. */
    @Test
    void parsesPolycomsOwnExampleBoundedByTheOptionLength() {
        byte[] raw = DhcpRequests.polycomVendorClass("Polycom", "SoundPointIP-SPIP_601", "2345-11605-001,2",
                "SIP/Tip.XXXX/08-Jun-07 10:44", "BR/3.1.0.XXXX/28-Apr-05 13:30", false);

        VendorClass vc = VendorClass.parse(raw);

        assertThat(vc.model()).isEqualTo("SoundPointIP-SPIP_601");
        assertThat(vc.bootVersion()).isEqualTo("BR/3.1.0.XXXX/28-Apr-05 13:30");
    }

    @Test
    void stopsAtASubOptionThatWouldOverrunTheOption() {
        byte[] raw = HexFormat.of().parseHex("0000363d0a" + "0107506f6c79636f6d" + "0250414243");

        VendorClass vc = VendorClass.parse(raw);

        assertThat(vc.company()).isEqualTo("Polycom");
        assertThat(vc.model()).isNull();
    }

    @Test
    void encodesThePolycomFormWithTheLengthByteCountingTheSubOptionsWithoutFf() {
        byte[] raw = VendorClass.encodePolycom("Polycom", "VVX-VVX_410", "3111-46162-001,7", "A", "B");

        assertThat(HexFormat.of().formatHex(raw, 0, 14)).isEqualTo("0000363d" + "2e" + "0107" + "506f6c79636f6d");
        assertThat(raw[4] & 0xFF).isEqualTo(raw.length - 6);
        assertThat(raw[raw.length - 1]).isEqualTo((byte) 0xFF);
        assertThat(VendorClass.parse(raw).partNumber()).isEqualTo("3111-46162-001,7");
    }

    @Test
    void keepsATextVendorClassAsText() {
        VendorClass vc = VendorClass.parse("udhcp 1.35.0".getBytes(StandardCharsets.US_ASCII));

        assertThat(vc.isPolycomBinary()).isFalse();
        assertThat(vc.text()).isEqualTo("udhcp 1.35.0");
        assertThat(vc.model()).isNull();
    }
}
