package org.ztpbox.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsDhcpAckFromEthernetIpv4Udp() throws IOException {
        Path file = dir.resolve("ack.pcap");
        byte[] record = record(frame(dhcpAck()));
        Files.write(file, concat(globalHeader(), record));

        assertThat(PcapReader.readDhcp(file)).singleElement().satisfies(p -> {
            assertThat(p.op()).isEqualTo(DhcpPacket.BOOTREPLY);
            assertThat(p.messageType()).isEqualTo(DhcpPacket.ACK);
            assertThat(p.chaddr()).isEqualTo("00:04:f2:aa:81:4c");
            assertThat(p.yiaddr()).isEqualTo("10.231.0.100");
            assertThat(p.giaddr()).isEqualTo("10.231.0.2");
            assertThat(p.ipSource()).isEqualTo("10.231.0.1");
            assertThat(p.ipDestination()).isEqualTo("10.231.0.2");
            assertThat(p.udpDestinationPort()).isEqualTo(67);
        });
    }

    @Test
    void aRecordCutShortAtTheEndIsIgnored() throws IOException {
        Path file = dir.resolve("growing.pcap");
        byte[] record = record(frame(dhcpAck()));
        Files.write(file, concat(globalHeader(), record, Arrays.copyOf(record, record.length - 10)));

        assertThat(PcapReader.readDhcp(file)).hasSize(1);
    }

    @Test
    void aFileWithoutHeaderYetHasNoPackets() throws IOException {
        Path file = dir.resolve("empty.pcap");
        Files.write(file, new byte[0]);

        assertThat(PcapReader.readUdp(file)).isEmpty();
    }

    private static byte[] globalHeader() {
        // Little-endian microsecond pcap, as tcpdump writes on x86: magic, v2.4, snaplen, Ethernet.
        return ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putInt(0xa1b2c3d4).putShort((short) 2)
                .putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(1).array();
    }

    private static byte[] record(byte[] frame) {
        return ByteBuffer.allocate(16 + frame.length).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(0)
                .putInt(frame.length).putInt(frame.length).put(frame).array();
    }

    private static byte[] frame(byte[] dhcp) {
        ByteBuffer f = ByteBuffer.allocate(14 + 20 + 8 + dhcp.length);
        f.put(new byte[12]).putShort((short) 0x0800);
        f.put((byte) 0x45).put((byte) 0).putShort((short) (20 + 8 + dhcp.length)).putInt(0)
                .put((byte) 64).put((byte) 17).putShort((short) 0)
                .put(new byte[] {10, (byte) 231, 0, 1}).put(new byte[] {10, (byte) 231, 0, 2});
        f.putShort((short) 67).putShort((short) 67).putShort((short) (8 + dhcp.length)).putShort((short) 0);
        return f.put(dhcp).array();
    }

    private static byte[] dhcpAck() {
        ByteBuffer b = ByteBuffer.allocate(240 + 4);
        b.put((byte) 2).put((byte) 1).put((byte) 6).put((byte) 0).putInt(0x1234);
        b.position(16).put(new byte[] {10, (byte) 231, 0, 100});
        b.position(24).put(new byte[] {10, (byte) 231, 0, 2});
        b.position(28).put(new byte[] {0x00, 0x04, (byte) 0xf2, (byte) 0xaa, (byte) 0x81, 0x4c});
        b.position(236).putInt(0x63825363);
        b.put((byte) 53).put((byte) 1).put((byte) 5).put((byte) 255);
        return b.array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
