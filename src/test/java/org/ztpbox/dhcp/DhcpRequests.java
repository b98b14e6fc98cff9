package org.ztpbox.dhcp;

import java.time.Instant;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;

/** Builds client messages for tests, as real clients send them. */
public final class DhcpRequests {

    /** Option 60 of a VVX 410 on UC 5.9.5, in Polycom's binary RFC 3925 form. */
    public static final byte[] VVX410_VENDOR_CLASS = polycomVendorClass("Polycom", "VVX-VVX_410", "3111-46162-001,7",
            "SIP/5.9.5.0614/12-Dec-19 08:57", "UP/5.9.5.0614/12-Dec-19 08:57", true);

    /** Option 60 of a SoundPoint IP 550 running the application (SIP 3.2). */
    public static final byte[] SPIP550_VENDOR_CLASS = polycomVendorClass("Polycom", "SoundPointIP-SPIP_550",
            "2345-12500-001,1", "SIP/3.2.3.1734/13-Mar-10 14:35", "BR/4.2.2.0710/06-Jan-10 16:33", true);

    private int xid = 0x1000;
    private final MacAddress mac;
    private byte[] vendorClass;
    private byte[] parameterRequestList = {1, 3, 6, 15};

    public DhcpRequests(MacAddress mac) {
        this.mac = mac;
    }

    public DhcpRequests vendorClass(byte[] value) {
        this.vendorClass = value;
        return this;
    }

    public DhcpRequests parameterRequestList(byte... codes) {
        this.parameterRequestList = codes;
        return this;
    }

    public DhcpMessage discover() {
        return message(DhcpMessageType.DISCOVER, Ipv4Address.ANY, Ipv4Address.ANY, null, null, 0);
    }

    public DhcpMessage selecting(Ipv4Address requested, Ipv4Address serverId) {
        return message(DhcpMessageType.REQUEST, Ipv4Address.ANY, Ipv4Address.ANY, requested, serverId, 0);
    }

    public DhcpMessage initReboot(Ipv4Address requested) {
        return message(DhcpMessageType.REQUEST, Ipv4Address.ANY, Ipv4Address.ANY, requested, null, 0);
    }

    public DhcpMessage renewing(Ipv4Address ciaddr) {
        return message(DhcpMessageType.REQUEST, ciaddr, Ipv4Address.ANY, null, null, 0);
    }

    public DhcpMessage decline(Ipv4Address address, Ipv4Address serverId) {
        return message(DhcpMessageType.DECLINE, Ipv4Address.ANY, Ipv4Address.ANY, address, serverId, 0);
    }

    public DhcpMessage release(Ipv4Address ciaddr, Ipv4Address serverId) {
        return message(DhcpMessageType.RELEASE, ciaddr, Ipv4Address.ANY, null, serverId, 0);
    }

    public DhcpMessage inform(Ipv4Address ciaddr) {
        return message(DhcpMessageType.INFORM, ciaddr, Ipv4Address.ANY, null, null, 0);
    }

    /** The same message as sent through a relay agent at {@code giaddr}, with option 82. */
    public DhcpMessage relayed(DhcpMessage message, Ipv4Address giaddr, byte[] relayInfo) {
        DhcpOptions.Builder options = DhcpOptions.builder().putAll(message.options());
        if (relayInfo != null) {
            options.put(DhcpOptionCodes.RELAY_AGENT_INFO, relayInfo);
        }
        return new DhcpMessage(message.op(), 1, message.xid(), message.secs(), message.flags(), message.ciaddr(),
                message.yiaddr(), message.siaddr(), giaddr, message.chaddr(), options.build());
    }

    public DhcpMessage message(DhcpMessageType type, Ipv4Address ciaddr, Ipv4Address giaddr, Ipv4Address requested,
                               Ipv4Address serverId, int flags) {
        DhcpOptions.Builder options = DhcpOptions.builder()
                .put(DhcpOptionCodes.MESSAGE_TYPE, new byte[] {(byte) type.code()});
        if (requested != null) {
            options.put(DhcpOptionCodes.REQUESTED_ADDRESS, requested.toBytes());
        }
        if (serverId != null) {
            options.put(DhcpOptionCodes.SERVER_IDENTIFIER, serverId.toBytes());
        }
        if (vendorClass != null) {
            options.put(DhcpOptionCodes.VENDOR_CLASS, vendorClass);
        }
        if (parameterRequestList != null) {
            options.put(DhcpOptionCodes.PARAMETER_REQUEST_LIST, parameterRequestList);
        }
        return new DhcpMessage(DhcpMessage.BOOTREQUEST, 0, xid++, 0, flags, ciaddr, Ipv4Address.ANY, Ipv4Address.ANY,
                giaddr, mac, options.build());
    }

    public static InboundDhcp inbound(DhcpMessage message, Instant at) {
        Ipv4Address sender = message.relayed() ? message.giaddr() : message.ciaddr();
        return new InboundDhcp(message, sender, message.relayed() ? 67 : 68, at);
    }

    /**
     * Polycom's binary option 60 (polycom-provisioning.md §1.1): enterprise 13885, a length byte,
     * sub-options 1-5, and (if {@code withEnd}) FF. As in Polycom's own example, the length byte
     * counts the sub-options without the FF.
     */
    public static byte[] polycomVendorClass(String company, String model, String part, String app, String boot,
                                            boolean withEnd) {
        byte[] encoded = org.ztpbox.dhcp.options.VendorClass.encodePolycom(company, model, part, app, boot);
        return withEnd ? encoded : java.util.Arrays.copyOf(encoded, encoded.length - 1);
    }
}
