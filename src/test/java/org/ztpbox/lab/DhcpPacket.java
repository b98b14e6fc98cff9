package org.ztpbox.lab;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The few BOOTP/DHCP fields the tests check, read straight from a captured UDP payload (RFC 2131
 * §2): op, xid, yiaddr, giaddr, chaddr and the options (code → bytes; pad and end skipped).
 * Independent of the server's codec on purpose: it checks what went over the wire.
 */
public record DhcpPacket(int op, int xid, String yiaddr, String giaddr, String chaddr, Map<Integer, byte[]> options,
                         String ipSource, String ipDestination, int udpDestinationPort) {

    public static final int BOOTREQUEST = 1;
    public static final int BOOTREPLY = 2;
    public static final int DISCOVER = 1;
    public static final int OFFER = 2;
    public static final int ACK = 5;
    public static final int NAK = 6;

    private static final int OPTIONS_OFFSET = 240;
    private static final int MAGIC_COOKIE = 0x63825363;

    /** The DHCP message type (option 53), or 0 for plain BOOTP. */
    public int messageType() {
        byte[] type = options.get(53);
        return type == null || type.length != 1 ? 0 : type[0] & 0xff;
    }

    static Optional<DhcpPacket> parse(UdpDatagram datagram) {
        byte[] b = datagram.payload();
        if (b.length < OPTIONS_OFFSET || readInt(b, 236) != MAGIC_COOKIE) {
            return Optional.empty();
        }
        int hlen = Math.min(b[2] & 0xff, 16);
        StringBuilder chaddr = new StringBuilder();
        for (int i = 0; i < hlen; i++) {
            chaddr.append(i == 0 ? "" : ":").append(String.format("%02x", b[28 + i] & 0xff));
        }
        Map<Integer, byte[]> options = new HashMap<>();
        int i = OPTIONS_OFFSET;
        while (i < b.length) {
            int code = b[i] & 0xff;
            if (code == 255) {
                break;
            }
            if (code == 0) {
                i++;
                continue;
            }
            if (i + 1 >= b.length || i + 2 + (b[i + 1] & 0xff) > b.length) {
                break;
            }
            int length = b[i + 1] & 0xff;
            byte[] value = new byte[length];
            System.arraycopy(b, i + 2, value, 0, length);
            options.putIfAbsent(code, value);
            i += 2 + length;
        }
        return Optional.of(new DhcpPacket(b[0] & 0xff, readInt(b, 4), ipv4(b, 16), ipv4(b, 24), chaddr.toString(),
                options, datagram.source(), datagram.destination(), datagram.destinationPort()));
    }

    static String ipv4(byte[] b, int offset) {
        return (b[offset] & 0xff) + "." + (b[offset + 1] & 0xff) + "." + (b[offset + 2] & 0xff) + "."
                + (b[offset + 3] & 0xff);
    }

    private static int readInt(byte[] b, int offset) {
        return ((b[offset] & 0xff) << 24) | ((b[offset + 1] & 0xff) << 16) | ((b[offset + 2] & 0xff) << 8)
                | (b[offset + 3] & 0xff);
    }
}
