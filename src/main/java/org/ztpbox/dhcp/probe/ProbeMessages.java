package org.ztpbox.dhcp.probe;

import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.ProbePersona;
import org.ztpbox.dhcp.DhcpMessage;
import org.ztpbox.dhcp.DhcpMessageType;
import org.ztpbox.dhcp.DhcpOptionCodes;
import org.ztpbox.dhcp.DhcpOptions;
import org.ztpbox.dhcp.options.VendorClass;

/**
 * The DISCOVERs and INFORMs the probe sends, shaped as a Poly phone sends them.
 *
 * <p>The phone persona is a VVX 410 running UC 5.9.5: option 60 in Polycom's binary RFC 3925 form
 * with all five sub-options (polycom-provisioning.md §1.1; the same bytes as the VVX 410 in the unit
 * tests). Which options a phone lists in option 55 is not documented (§1.1, UNCERTAIN); the list
 * here holds what a phone uses (§1.2: mask, router, DNS, domain, NTP, vendor-specific, GMT offset)
 * and the two boot-server options 66 and 160. Option 57 allows 1500-byte answers so that no server
 * drops an option for lack of room. The generic persona sends the same list without option 60.
 *
 * <p>Every message has the BROADCAST flag (RFC 2131 §4.1): the probe has no address the servers
 * could unicast an OFFER to, and a server that honours the flag answers where the probe listens.
 */
final class ProbeMessages {

    static final String PHONE_MODEL = "VVX-VVX_410";
    static final String PHONE_FIRMWARE = "SIP/5.9.5.0614/12-Dec-19 08:57";
    private static final byte[] PHONE_VENDOR_CLASS = VendorClass.encodePolycom("Polycom", PHONE_MODEL,
            "3111-46162-001,7", PHONE_FIRMWARE, "UP/5.9.5.0614/12-Dec-19 08:57");
    private static final byte[] PARAMETERS = {1, 3, 6, 15, 42, 43, 2, 66, (byte) 160};
    private static final byte[] MAX_MESSAGE = {0x05, (byte) 0xDC};

    private ProbeMessages() {
    }

    static DhcpMessage discover(ProbePersona persona, MacAddress mac, int xid) {
        return message(DhcpMessageType.DISCOVER, persona, mac, xid, Ipv4Address.ANY);
    }

    /** RFC 2131 §4.4.3: an INFORM carries the client's own address in ciaddr. */
    static DhcpMessage inform(ProbePersona persona, MacAddress mac, int xid, Ipv4Address clientAddress) {
        return message(DhcpMessageType.INFORM, persona, mac, xid, clientAddress);
    }

    private static DhcpMessage message(DhcpMessageType type, ProbePersona persona, MacAddress mac, int xid,
                                       Ipv4Address ciaddr) {
        DhcpOptions.Builder options = DhcpOptions.builder()
                .put(DhcpOptionCodes.MESSAGE_TYPE, new byte[] {(byte) type.code()})
                .put(DhcpOptionCodes.MAX_MESSAGE_SIZE, MAX_MESSAGE);
        if (persona == ProbePersona.PHONE) {
            options.put(DhcpOptionCodes.VENDOR_CLASS, PHONE_VENDOR_CLASS);
        }
        options.put(DhcpOptionCodes.PARAMETER_REQUEST_LIST, PARAMETERS);
        return new DhcpMessage(DhcpMessage.BOOTREQUEST, 0, xid, 0, DhcpMessage.FLAG_BROADCAST, ciaddr,
                Ipv4Address.ANY, Ipv4Address.ANY, Ipv4Address.ANY, mac, options.build());
    }
}
