package org.ztpbox.dhcp.codec;

import org.dhcp4java.DHCPBadPacketException;
import org.dhcp4java.DHCPOption;
import org.dhcp4java.DHCPPacket;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;
import org.ztpbox.dhcp.DhcpMessage;
import org.ztpbox.dhcp.DhcpOptions;

/**
 * Converts between datagram payloads and {@link DhcpMessage}, through dhcp4java. The only class
 * that touches dhcp4java: replace it here and nowhere else. Stateless and thread-safe; each
 * {@code DHCPPacket} lives inside one call.
 */
public final class DhcpCodec {

    /** RFC 2131 §2: every client must accept 576-byte messages; larger needs option 57. */
    public static final int DEFAULT_MAX_MESSAGE = 576;
    private static final int IP_UDP_HEADERS = 28;

    /**
     * Decodes a request. Never throws: anything malformed becomes a {@link DhcpDecodeResult.Malformed}
     * with the reason, for counting.
     */
    public DhcpDecodeResult decode(byte[] datagram) {
        DHCPPacket packet;
        try {
            packet = DHCPPacket.getPacket(datagram, 0, datagram.length, true);
        } catch (DHCPBadPacketException e) {
            return new DhcpDecodeResult.Malformed("bad packet: " + e.getMessage());
        } catch (RuntimeException e) {
            // dhcp4java is old and unmaintained: whatever it throws is a bad packet, not our crash.
            return new DhcpDecodeResult.Malformed("undecodable: " + e);
        }
        try {
            return toMessage(packet);
        } catch (RuntimeException e) {
            return new DhcpDecodeResult.Malformed("undecodable: " + e);
        }
    }

    private static DhcpDecodeResult toMessage(DHCPPacket packet) {
        int op = packet.getOp() & 0xFF;
        if (op != DhcpMessage.BOOTREQUEST && op != DhcpMessage.BOOTREPLY) {
            return new DhcpDecodeResult.Malformed("op code " + op);
        }
        if ((packet.getHtype() & 0xFF) != 1 || (packet.getHlen() & 0xFF) != 6) {
            return new DhcpDecodeResult.Malformed("hardware type " + (packet.getHtype() & 0xFF) + " length "
                    + (packet.getHlen() & 0xFF) + " (only Ethernet is served)");
        }
        if (!packet.isDhcp()) {
            return new DhcpDecodeResult.Malformed("no DHCP magic cookie (BOOTP is not served)");
        }
        DhcpOptions.Builder options = DhcpOptions.builder();
        for (DHCPOption option : packet.getOptionsCollection()) {
            int code = option.getCode() & 0xFF;
            if (code != 0 && code != 255) {
                options.put(code, option.getValueFast());
            }
        }
        return new DhcpDecodeResult.Decoded(new DhcpMessage(op, packet.getHops() & 0xFF, packet.getXid(),
                packet.getSecs() & 0xFFFF, packet.getFlags() & 0xFFFF, address(packet.getCiaddrRaw()),
                address(packet.getYiaddrRaw()), address(packet.getSiaddrRaw()), address(packet.getGiaddrRaw()),
                MacAddress.fromBytes(packet.getChaddr(), 0), options.build()));
    }

    private static Ipv4Address address(byte[] raw) {
        return Ipv4Address.fromBytes(raw, 0);
    }

    /**
     * Encodes a message. dhcp4java ignores any size limit, so the limit is checked here:
     * {@code maxDatagram} is the whole IP datagram the receiver accepts (option 57 or 576).
     *
     * @throws IllegalArgumentException when the encoded message would exceed the limit
     */
    public byte[] encode(DhcpMessage message, int maxDatagram) {
        DHCPPacket packet = new DHCPPacket();
        packet.setOp((byte) message.op());
        packet.setHtype((byte) 1);
        packet.setHlen((byte) 6);
        packet.setHops((byte) message.hops());
        packet.setXid(message.xid());
        packet.setSecs((short) message.secs());
        packet.setFlags((short) message.flags());
        packet.setCiaddrRaw(message.ciaddr().toBytes());
        packet.setYiaddrRaw(message.yiaddr().toBytes());
        packet.setSiaddrRaw(message.siaddr().toBytes());
        packet.setGiaddrRaw(message.giaddr().toBytes());
        byte[] chaddr = new byte[16];
        System.arraycopy(message.chaddr().toBytes(), 0, chaddr, 0, 6);
        packet.setChaddr(chaddr);
        packet.setDhcp(true);
        for (int code : message.options().codes()) {
            packet.setOptionRaw((byte) code, message.options().get(code));
        }
        byte[] bytes = packet.serialize();
        if (bytes.length + IP_UDP_HEADERS > maxDatagram) {
            throw new IllegalArgumentException("reply of " + (bytes.length + IP_UDP_HEADERS)
                    + " bytes exceeds the client's limit of " + maxDatagram);
        }
        return bytes;
    }

    /** Bytes of options that fit a reply to a client accepting {@code maxDatagram}-byte datagrams. */
    public static int optionBudget(int maxDatagram) {
        // BOOTP header 236, magic cookie 4, END 1.
        return maxDatagram - IP_UDP_HEADERS - 236 - 4 - 1;
    }
}
