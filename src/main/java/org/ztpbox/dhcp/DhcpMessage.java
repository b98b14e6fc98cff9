package org.ztpbox.dhcp;

import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;

/**
 * A DHCPv4 message (RFC 2131 §2) in our own immutable form. Only Ethernet clients (htype 1,
 * hlen 6) are represented: the codec refuses other hardware types, so {@code chaddr} is a MAC.
 *
 * @param flags the 16-bit flags field; bit 15 is BROADCAST
 */
public record DhcpMessage(int op, int hops, int xid, int secs, int flags, Ipv4Address ciaddr, Ipv4Address yiaddr,
                          Ipv4Address siaddr, Ipv4Address giaddr, MacAddress chaddr, DhcpOptions options) {

    public static final int BOOTREQUEST = 1;
    public static final int BOOTREPLY = 2;
    public static final int FLAG_BROADCAST = 0x8000;

    public boolean broadcastFlag() {
        return (flags & FLAG_BROADCAST) != 0;
    }

    /** The option 53 message type, or null for a plain BOOTP message. */
    public DhcpMessageType type() {
        int code = options.uint8(DhcpOptionCodes.MESSAGE_TYPE);
        return code < 0 ? null : DhcpMessageType.valueOf(code);
    }

    public boolean relayed() {
        return !giaddr.isAny();
    }
}
