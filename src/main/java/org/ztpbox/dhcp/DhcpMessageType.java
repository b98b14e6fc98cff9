package org.ztpbox.dhcp;

/**
 * DHCP message types (option 53, RFC 2132 §9.6), as an open set: an unknown code is kept as a value.
 */
public record DhcpMessageType(int code) {

    public static final DhcpMessageType DISCOVER = new DhcpMessageType(1);
    public static final DhcpMessageType OFFER = new DhcpMessageType(2);
    public static final DhcpMessageType REQUEST = new DhcpMessageType(3);
    public static final DhcpMessageType DECLINE = new DhcpMessageType(4);
    public static final DhcpMessageType ACK = new DhcpMessageType(5);
    public static final DhcpMessageType NAK = new DhcpMessageType(6);
    public static final DhcpMessageType RELEASE = new DhcpMessageType(7);
    public static final DhcpMessageType INFORM = new DhcpMessageType(8);

    private static final String[] NAMES = {null, "DISCOVER", "OFFER", "REQUEST", "DECLINE", "ACK", "NAK", "RELEASE",
        "INFORM"};

    public static DhcpMessageType valueOf(int code) {
        return switch (code) {
            case 1 -> DISCOVER;
            case 2 -> OFFER;
            case 3 -> REQUEST;
            case 4 -> DECLINE;
            case 5 -> ACK;
            case 6 -> NAK;
            case 7 -> RELEASE;
            case 8 -> INFORM;
            default -> new DhcpMessageType(code & 0xFF);
        };
    }

    @Override
    public String toString() {
        return code > 0 && code < NAMES.length ? NAMES[code] : "TYPE" + code;
    }
}
