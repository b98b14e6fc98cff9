package org.ztpbox.dhcp.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.ProbePersona;
import org.ztpbox.dhcp.DhcpMessage;
import org.ztpbox.dhcp.DhcpMessageType;
import org.ztpbox.dhcp.DhcpOptionCodes;
import org.ztpbox.dhcp.DhcpRequests;
import org.ztpbox.dhcp.codec.DhcpCodec;
import org.ztpbox.dhcp.codec.DhcpDecodeResult;
import org.ztpbox.dhcp.engine.ClientClassifier;
import org.ztpbox.dhcp.options.ParameterRequestList;
import org.ztpbox.dhcp.options.VendorClass;

/** The probe's questions, decoded as a DHCP server decodes them. */
class ProbeMessagesTest {

    private static final MacAddress MAC = MacAddress.parse("02:5a:54:00:00:01");

    private static DhcpMessage onTheWire(DhcpMessage message) {
        DhcpCodec codec = new DhcpCodec();
        return ((DhcpDecodeResult.Decoded) codec.decode(codec.encode(message, 576))).message();
    }

    @Test
    void thePhoneDiscoverCarriesTheBinaryOption60OfAVvx410() {
        DhcpMessage m = onTheWire(ProbeMessages.discover(ProbePersona.PHONE, MAC, 0x5a1c02e1));

        assertThat(m.type()).isEqualTo(DhcpMessageType.DISCOVER);
        assertThat(m.xid()).isEqualTo(0x5a1c02e1);
        assertThat(m.chaddr()).isEqualTo(MAC);
        assertThat(m.broadcastFlag()).isTrue();
        assertThat(m.options().get(DhcpOptionCodes.VENDOR_CLASS)).isEqualTo(DhcpRequests.VVX410_VENDOR_CLASS);
        VendorClass vc = VendorClass.parse(m.options().get(DhcpOptionCodes.VENDOR_CLASS));
        assertThat(vc.isPolycomBinary()).isTrue();
        assertThat(vc.model()).isEqualTo("VVX-VVX_410");
        assertThat(vc.applicationVersion()).isEqualTo(ProbeMessages.PHONE_FIRMWARE);
        // ztpbox's own classifier, like a server's class for Poly phones, takes it for a phone.
        assertThat(new ClientClassifier(org.ztpbox.config.ConfigLoader.defaults().dhcp().classes()).classify(m)
                .isPhone()).isTrue();
    }

    @Test
    void bothPersonasAskForTheBootServerOptions() {
        for (ProbePersona persona : ProbePersona.values()) {
            ParameterRequestList prl = ParameterRequestList.parse(onTheWire(ProbeMessages.discover(persona, MAC, 1))
                    .options().get(DhcpOptionCodes.PARAMETER_REQUEST_LIST));
            assertThat(prl.requests(66)).as(persona.label()).isTrue();
            assertThat(prl.requests(160)).as(persona.label()).isTrue();
            assertThat(prl.requests(43)).as(persona.label()).isTrue();
        }
    }

    @Test
    void theGenericClientDiffersOnlyByHavingNoOption60() {
        DhcpMessage phone = onTheWire(ProbeMessages.discover(ProbePersona.PHONE, MAC, 1));
        DhcpMessage generic = onTheWire(ProbeMessages.discover(ProbePersona.GENERIC, MAC, 1));

        assertThat(generic.options().has(DhcpOptionCodes.VENDOR_CLASS)).isFalse();
        assertThat(generic.options().get(DhcpOptionCodes.PARAMETER_REQUEST_LIST))
                .isEqualTo(phone.options().get(DhcpOptionCodes.PARAMETER_REQUEST_LIST));
        assertThat(generic.chaddr()).isEqualTo(phone.chaddr());
    }

    @Test
    void anInformCarriesTheBoxsAddressInCiaddr() {
        DhcpMessage m = onTheWire(ProbeMessages.inform(ProbePersona.PHONE, MAC, 7, Ipv4Address.parse("10.0.0.2")));

        assertThat(m.type()).isEqualTo(DhcpMessageType.INFORM);
        assertThat(m.ciaddr()).hasToString("10.0.0.2");
        assertThat(m.broadcastFlag()).isTrue();
    }
}
