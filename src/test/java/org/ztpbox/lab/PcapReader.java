package org.ztpbox.lab;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the UDP-over-IPv4 datagrams of a classic libpcap file (what {@code tcpdump -w} writes)
 * with Ethernet link type. Either byte order and micro- or nanosecond magic; VLAN tags, IP
 * fragments and non-UDP packets are skipped. A record cut short at the end (the file is still being
 * written) ends the read instead of failing it, so a capture in progress can be polled.
 */
public final class PcapReader {

    private static final int LINKTYPE_ETHERNET = 1;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int PROTOCOL_UDP = 17;

    private PcapReader() {
    }

    public static List<UdpDatagram> readUdp(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file));
        List<UdpDatagram> out = new ArrayList<>();
        if (buf.remaining() < 24) {
            return out; // tcpdump has not written its header yet
        }
        int magic = buf.order(ByteOrder.BIG_ENDIAN).getInt(0);
        if (magic == 0xa1b2c3d4 || magic == 0xa1b23c4d) {
            buf.order(ByteOrder.BIG_ENDIAN);
        } else if (magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1) {
            buf.order(ByteOrder.LITTLE_ENDIAN);
        } else {
            throw new IOException(file + " is not a classic pcap file (magic " + Integer.toHexString(magic) + ")");
        }
        int linkType = buf.getInt(20);
        if (linkType != LINKTYPE_ETHERNET) {
            throw new IOException(file + " has link type " + linkType + "; only Ethernet (1) is read");
        }
        int pos = 24;
        while (pos + 16 <= buf.limit()) {
            int captured = buf.getInt(pos + 8);
            if (captured < 0 || pos + 16 + captured > buf.limit()) {
                break;
            }
            byte[] frame = new byte[captured];
            buf.get(pos + 16, frame);
            pos += 16 + captured;
            UdpDatagram datagram = udp(frame);
            if (datagram != null) {
                out.add(datagram);
            }
        }
        return out;
    }

    /** The DHCP messages of a capture (datagrams whose payload is BOOTP with the DHCP cookie). */
    public static List<DhcpPacket> readDhcp(Path file) throws IOException {
        List<DhcpPacket> out = new ArrayList<>();
        for (UdpDatagram datagram : readUdp(file)) {
            DhcpPacket.parse(datagram).ifPresent(out::add);
        }
        return out;
    }

    private static UdpDatagram udp(byte[] frame) {
        if (frame.length < 14 + 20 + 8 || ((frame[12] & 0xff) << 8 | (frame[13] & 0xff)) != ETHERTYPE_IPV4) {
            return null;
        }
        int ip = 14;
        int headerLength = (frame[ip] & 0x0f) * 4;
        int totalLength = (frame[ip + 2] & 0xff) << 8 | (frame[ip + 3] & 0xff);
        boolean fragment = (((frame[ip + 6] & 0x3f) << 8) | (frame[ip + 7] & 0xff)) != 0;
        if ((frame[ip] >> 4 & 0x0f) != 4 || frame[ip + 9] != PROTOCOL_UDP || fragment
                || ip + totalLength > frame.length || headerLength < 20) {
            return null;
        }
        int udp = ip + headerLength;
        int udpLength = (frame[udp + 4] & 0xff) << 8 | (frame[udp + 5] & 0xff);
        if (udpLength < 8 || udp + udpLength > ip + totalLength) {
            return null;
        }
        byte[] payload = new byte[udpLength - 8];
        System.arraycopy(frame, udp + 8, payload, 0, payload.length);
        return new UdpDatagram(DhcpPacket.ipv4(frame, ip + 12), (frame[udp] & 0xff) << 8 | (frame[udp + 1] & 0xff),
                DhcpPacket.ipv4(frame, ip + 16), (frame[udp + 2] & 0xff) << 8 | (frame[udp + 3] & 0xff), payload);
    }
}
