package org.ztpbox.dhcp.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.DhcpProbeReply;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.ProbePersona;
import org.ztpbox.dhcp.DhcpMessage;
import org.ztpbox.dhcp.DhcpMessageType;
import org.ztpbox.dhcp.DhcpOptionCodes;
import org.ztpbox.dhcp.DhcpOptions;
import org.ztpbox.dhcp.codec.DhcpCodec;

/** Which datagrams on port 68 are answers to the probe, and what is read from them. */
class ProbeAnswersTest {

    private static final MacAddress MAC = MacAddress.parse("02:5a:54:00:00:01");
    private static final Instant ASKED = Instant.parse("2026-11-22T10:00:00Z");
    private static final Ipv4Address SERVER = Ipv4Address.parse("192.0.2.1");

    private final ProbeAnswers answers = new ProbeAnswers(MAC);

    ProbeAnswersTest() {
        answers.asked(42, new ProbeAnswers.Question(ProbePersona.PHONE, DhcpMessageType.DISCOVER, ASKED));
        answers.asked(43, new ProbeAnswers.Question(ProbePersona.GENERIC, DhcpMessageType.INFORM, ASKED));
    }

    private static byte[] reply(int op, int xid, MacAddress chaddr, DhcpMessageType type, DhcpOptions.Builder options) {
        options.put(DhcpOptionCodes.MESSAGE_TYPE, new byte[] {(byte) type.code()});
        DhcpMessage m = new DhcpMessage(op, 0, xid, 0, DhcpMessage.FLAG_BROADCAST, Ipv4Address.ANY,
                Ipv4Address.parse("192.0.2.57"), Ipv4Address.ANY, Ipv4Address.ANY, chaddr, options.build());
        return new DhcpCodec().encode(m, 1500);
    }

    private static DhcpOptions.Builder offerOptions() {
        return DhcpOptions.builder()
                .put(DhcpOptionCodes.SERVER_IDENTIFIER, SERVER.toBytes())
                .put(DhcpOptionCodes.LEASE_TIME, new byte[] {0, 0, 0x01, 0x2C})
                .put(DhcpOptionCodes.TFTP_SERVER_NAME, "tftp://192.0.2.1/".getBytes(StandardCharsets.US_ASCII))
                .put(DhcpOptionCodes.POLYCOM_PROVISIONING_URL, "http://u:p@old/prov/\0".getBytes(StandardCharsets.US_ASCII))
                .put(DhcpOptionCodes.VENDOR_SPECIFIC, new byte[] {1, 2, (byte) 0xAB, (byte) 0xCD});
    }

    @Test
    void readsAnOfferToTheProbe() {
        assertThat(answers.offer(reply(DhcpMessage.BOOTREPLY, 42, MAC, DhcpMessageType.OFFER, offerOptions()), SERVER,
                ASKED.plusMillis(12))).isTrue();

        DhcpProbeReply r = answers.replies().get(0);
        assertThat(r.persona()).isEqualTo(ProbePersona.PHONE);
        assertThat(r.asked()).isEqualTo("DISCOVER");
        assertThat(r.type()).isEqualTo("OFFER");
        assertThat(r.server()).isEqualTo(SERVER);
        assertThat(r.offered()).hasToString("192.0.2.57");
        assertThat(r.leaseTime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(r.option66()).isEqualTo("tftp://192.0.2.1/");
        assertThat(r.option160()).isEqualTo("http://u:p@old/prov/");
        assertThat(r.option43()).isEqualTo("0102abcd");
        assertThat(r.delay()).isEqualTo(Duration.ofMillis(12));
        assertThat(r.serverMac()).isNull();
    }

    @Test
    void ignoresWhatIsNotAnAnswerToTheProbe() {
        assertThat(answers.offer(reply(DhcpMessage.BOOTREPLY, 99, MAC, DhcpMessageType.OFFER, offerOptions()), SERVER,
                ASKED)).as("unknown xid").isFalse();
        assertThat(answers.offer(reply(DhcpMessage.BOOTREPLY, 42, MacAddress.parse("00:04:f2:00:00:01"),
                DhcpMessageType.OFFER, offerOptions()), SERVER, ASKED)).as("another client's").isFalse();
        assertThat(answers.offer(reply(DhcpMessage.BOOTREQUEST, 42, MAC, DhcpMessageType.DISCOVER, offerOptions()),
                SERVER, ASKED)).as("a request").isFalse();
        assertThat(answers.offer(new byte[] {1, 2, 3}, SERVER, ASKED)).as("garbage").isFalse();
        assertThat(answers.replies()).isEmpty();
    }

    @Test
    void keepsARepeatedAnswerOnceButEachServersAnswer() {
        byte[] offer = reply(DhcpMessage.BOOTREPLY, 42, MAC, DhcpMessageType.OFFER, offerOptions());
        answers.offer(offer, SERVER, ASKED);
        answers.offer(offer, SERVER, ASKED);
        answers.offer(reply(DhcpMessage.BOOTREPLY, 42, MAC, DhcpMessageType.OFFER, DhcpOptions.builder()
                .put(DhcpOptionCodes.SERVER_IDENTIFIER, new byte[] {10, 0, 0, 2})), Ipv4Address.parse("10.0.0.2"), ASKED);

        assertThat(answers.replies()).extracting(r -> r.server().toString()).containsExactly("192.0.2.1", "10.0.0.2");
    }

    @Test
    void anAnswerWithoutServerIdentifierIsKnownByItsSource() {
        answers.offer(reply(DhcpMessage.BOOTREPLY, 43, MAC, DhcpMessageType.ACK, DhcpOptions.builder()), SERVER, ASKED);

        DhcpProbeReply r = answers.replies().get(0);
        assertThat(r.serverId()).isNull();
        assertThat(r.server()).isEqualTo(SERVER);
        assertThat(r.persona()).isEqualTo(ProbePersona.GENERIC);
        assertThat(r.asked()).isEqualTo("INFORM");
        assertThat(r.leaseTime()).isNull();
    }

    @Test
    void option160AsFourUnprintableBytesIsAnAddress() {
        assertThat(ProbeAnswers.bootServer(new byte[] {(byte) 192, 0, 2, 9})).isEqualTo("192.0.2.9");
        assertThat(ProbeAnswers.bootServer("abcd".getBytes(StandardCharsets.US_ASCII))).isEqualTo("abcd");
        assertThat(ProbeAnswers.bootServer(null)).isNull();
    }
}
