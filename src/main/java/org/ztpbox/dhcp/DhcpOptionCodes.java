package org.ztpbox.dhcp;

/** Option codes the server reads or writes (RFC 2132 unless noted), as unsigned ints. */
public final class DhcpOptionCodes {

    public static final int SUBNET_MASK = 1;
    public static final int ROUTER = 3;
    public static final int DNS = 6;
    public static final int HOSTNAME = 12;
    public static final int DOMAIN_NAME = 15;
    public static final int NTP_SERVERS = 42;
    public static final int VENDOR_SPECIFIC = 43;
    public static final int REQUESTED_ADDRESS = 50;
    public static final int LEASE_TIME = 51;
    public static final int MESSAGE_TYPE = 53;
    public static final int SERVER_IDENTIFIER = 54;
    public static final int PARAMETER_REQUEST_LIST = 55;
    public static final int MESSAGE = 56;
    public static final int MAX_MESSAGE_SIZE = 57;
    public static final int RENEWAL_TIME = 58;
    public static final int REBINDING_TIME = 59;
    public static final int VENDOR_CLASS = 60;
    public static final int CLIENT_IDENTIFIER = 61;
    /** TFTP server name; phones take it as their provisioning server. */
    public static final int TFTP_SERVER_NAME = 66;
    public static final int BOOTFILE_NAME = 67;
    /** Relay agent information, RFC 3046; echoed back to the relay unchanged. */
    public static final int RELAY_AGENT_INFO = 82;
    /** Polycom's provisioning server URL (a string; also registered as captive portal, RFC 7710). */
    public static final int POLYCOM_PROVISIONING_URL = 160;

    private DhcpOptionCodes() {
    }
}
