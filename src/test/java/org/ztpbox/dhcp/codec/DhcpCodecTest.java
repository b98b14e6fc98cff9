package org.ztpbox.dhcp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;
import org.ztpbox.dhcp.DhcpMessage;
import org.ztpbox.dhcp.DhcpMessageType;
import org.ztpbox.dhcp.DhcpOptionCodes;
import org.ztpbox.dhcp.DhcpOptions;
import org.ztpbox.dhcp.DhcpRequests;

class DhcpCodecTest {

    private final DhcpCodec codec = new DhcpCodec();
    private final DhcpRequests client = new DhcpRequests(MacAddress.parse("00:04:f2:aa:81:4c"))
            .vendorClass(DhcpRequests.VVX410_VENDOR_CLASS).parameterRequestList((byte) 1, (byte) 66, (byte) 160);

    @Test
    void roundTripsARequestWithEveryFieldAndOption() {
        DhcpMessage sent = client.relayed(client.selecting(Ipv4Address.parse("10.0.0.5"),
                Ipv4Address.parse("10.0.0.1")), Ipv4Address.parse("10.0.0.254"), new byte[] {1, 2, 0, (byte) 0xFF});

        DhcpMessage received = decoded(codec.encode(sent, 1500));

        assertThat(received.xid()).isEqualTo(sent.xid());
        assertThat(received.chaddr()).isEqualTo(sent.chaddr());
        assertThat(received.giaddr()).isEqualTo(Ipv4Address.parse("10.0.0.254"));
        assertThat(received.hops()).isEqualTo(1);
        assertThat(received.type()).isEqualTo(DhcpMessageType.REQUEST);
        assertThat(received.options().codes()).containsExactlyElementsOf(sent.options().codes());
        for (int code : sent.options().codes()) {
            assertThat(received.options().get(code)).as("option %d", code).isEqualTo(sent.options().get(code));
        }
    }

    @Test
    void keepsOption160WhichIsANegativeByteInDhcp4java() {
        DhcpMessage sent = new DhcpMessage(DhcpMessage.BOOTREPLY, 0, 7, 0, 0, Ipv4Address.ANY,
                Ipv4Address.parse("10.0.0.9"), Ipv4Address.ANY, Ipv4Address.ANY, MacAddress.parse("0004f2000001"),
                DhcpOptions.builder().put(DhcpOptionCodes.MESSAGE_TYPE, new byte[] {2})
                        .put(DhcpOptionCodes.POLYCOM_PROVISIONING_URL, "http://10.0.0.1/prov/".getBytes()).build());

        DhcpMessage received = decoded(codec.encode(sent, 576));

        assertThat(received.options().string(160)).isEqualTo("http://10.0.0.1/prov/");
        assertThat(received.op()).isEqualTo(DhcpMessage.BOOTREPLY);
    }

    @Test
    void refusesToEncodeBeyondTheClientsMaximumMessageSize() {
        DhcpOptions.Builder options = DhcpOptions.builder().put(DhcpOptionCodes.MESSAGE_TYPE, new byte[] {2});
        for (int code = 200; code < 203; code++) {
            options.put(code, new byte[250]);
        }
        DhcpMessage big = new DhcpMessage(DhcpMessage.BOOTREPLY, 0, 1, 0, 0, Ipv4Address.ANY, Ipv4Address.ANY,
                Ipv4Address.ANY, Ipv4Address.ANY, MacAddress.parse("0004f2000001"), options.build());

        assertThatThrownBy(() -> codec.encode(big, 576)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds the client's limit of 576");
    }

    @Test
    void reportsTruncatedPacketsAsMalformed() {
        byte[] full = codec.encode(client.discover(), 1500);

        assertThat(codec.decode(Arrays.copyOf(full, 200))).isInstanceOf(DhcpDecodeResult.Malformed.class);
        assertThat(codec.decode(new byte[0])).isInstanceOf(DhcpDecodeResult.Malformed.class);
    }

    @Test
    void reportsAnOptionLengthRunningPastTheEndAsMalformed() {
        byte[] full = codec.encode(client.discover(), 1500);
        int options = 240;
        byte[] bad = Arrays.copyOf(full, options + 4);
        bad[options] = 60;
        bad[options + 1] = (byte) 200; // claims 200 bytes, 2 follow

        assertThat(codec.decode(bad)).isInstanceOf(DhcpDecodeResult.Malformed.class);
    }

    @Test
    void reportsAWrongOpCodeAsMalformed() {
        byte[] bytes = codec.encode(client.discover(), 1500);
        bytes[0] = 7;

        assertThat(codec.decode(bytes)).isInstanceOf(DhcpDecodeResult.Malformed.class)
                .extracting(r -> ((DhcpDecodeResult.Malformed) r).reason()).asString().contains("op code 7");
    }

    @Test
    void reportsNonEthernetHardwareAsMalformed() {
        byte[] bytes = codec.encode(client.discover(), 1500);
        bytes[1] = 6; // IEEE 802 token ring

        assertThat(codec.decode(bytes)).isInstanceOf(DhcpDecodeResult.Malformed.class);
    }

    @Test
    void decodesAHugeParameterRequestList() {
        byte[] everything = new byte[255];
        for (int i = 0; i < everything.length; i++) {
            everything[i] = (byte) (i + 1);
        }
        DhcpMessage hostile = new DhcpRequests(MacAddress.parse("02:00:00:00:00:01"))
                .parameterRequestList(everything).discover();

        DhcpMessage received = decoded(codec.encode(hostile, 1500));

        assertThat(received.options().length(DhcpOptionCodes.PARAMETER_REQUEST_LIST)).isEqualTo(255);
    }

    private DhcpMessage decoded(byte[] bytes) {
        DhcpDecodeResult result = codec.decode(bytes);
        assertThat(result).isInstanceOf(DhcpDecodeResult.Decoded.class);
        return ((DhcpDecodeResult.Decoded) result).message();
    }
}
