package org.ztpbox.dhcp.server;

import java.util.HashMap;
import java.util.Map;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.dhcp.DhcpMessage;
import org.ztpbox.dhcp.DhcpOptionCodes;
import org.ztpbox.dhcp.InboundDhcp;
import org.ztpbox.dhcp.engine.DhcpOutcome;
import org.ztpbox.dhcp.options.ParameterRequestList;
import org.ztpbox.dhcp.options.RelayAgentInfo;
import org.ztpbox.dhcp.options.VendorClass;

/**
 * Turns each DHCP message seen into a {@link PhoneEvent}, with ztpbox's answer to it. The server
 * identifier a client names is kept even when it names another server: that is how a phone leasing
 * from a stale DHCP server shows up.
 */
final class DhcpEvents {

    static final String SOURCE = "dhcp";

    private DhcpEvents() {
    }

    static PhoneEvent received(InboundDhcp in, DhcpOutcome outcome) {
        DhcpMessage m = in.message();
        Map<String, String> d = new HashMap<>();
        d.put("xid", Integer.toHexString(m.xid()));
        d.put("from", in.sender() + ":" + in.senderPort());
        putAddress(d, "client_address", m.ciaddr());
        putAddress(d, "relay", m.giaddr());
        putAddress(d, "requested_address", m.options().address(DhcpOptionCodes.REQUESTED_ADDRESS));
        putAddress(d, "server_id", m.options().address(DhcpOptionCodes.SERVER_IDENTIFIER));
        put(d, "hostname", m.options().string(DhcpOptionCodes.HOSTNAME));
        byte[] prl = m.options().get(DhcpOptionCodes.PARAMETER_REQUEST_LIST);
        if (prl != null) {
            d.put("requested_options", ParameterRequestList.parse(prl).toString());
        }
        byte[] relayInfo = m.options().get(DhcpOptionCodes.RELAY_AGENT_INFO);
        if (relayInfo != null) {
            d.put("relay_info", RelayAgentInfo.parse(relayInfo).toString());
        }
        VendorClass vendor = outcome.classification().vendorClass();
        if (vendor != null) {
            d.put("vendor_class", vendor.text());
            put(d, "model", vendor.model());
            put(d, "part_number", vendor.partNumber());
            put(d, "app_version", vendor.applicationVersion());
            put(d, "boot_version", vendor.bootVersion());
            put(d, "stage", vendor.stage());
        }
        put(d, "classes", outcome.classification().classNames());
        d.put("phone", Boolean.toString(outcome.classification().isPhone()));
        d.put("outcome", outcome.note());
        DhcpMessage reply = outcome.reply();
        if (reply != null) {
            // What ztpbox answered belongs to the message it answered: one event per message seen.
            d.put("reply", String.valueOf(reply.type()));
            d.put("reply_to", outcome.target() + ":" + outcome.targetPort());
            putAddress(d, "address", reply.yiaddr());
            put(d, "provisioning_url", reply.options().string(DhcpOptionCodes.POLYCOM_PROVISIONING_URL));
            put(d, "boot_server", reply.options().string(DhcpOptionCodes.TFTP_SERVER_NAME));
        }
        String type = m.type() == null ? "BOOTP" : m.type().toString();
        return new PhoneEvent(in.receivedAt(), m.chaddr(), SOURCE, type, d);
    }

    private static void putAddress(Map<String, String> d, String key, Ipv4Address address) {
        if (address != null && !address.isAny()) {
            d.put(key, address.toString());
        }
    }

    private static void put(Map<String, String> d, String key, String value) {
        if (value != null && !value.isEmpty()) {
            d.put(key, value);
        }
    }
}
