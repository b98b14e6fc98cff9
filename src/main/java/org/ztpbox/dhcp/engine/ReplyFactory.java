package org.ztpbox.dhcp.engine;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.ztpbox.config.ClientClassConfig;
import org.ztpbox.config.DhcpConfig;
import org.ztpbox.config.OptionSetting;
import org.ztpbox.core.BootDirectives;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.dhcp.DhcpMessage;
import org.ztpbox.dhcp.DhcpMessageType;
import org.ztpbox.dhcp.DhcpOptionCodes;
import org.ztpbox.dhcp.DhcpOptions;
import org.ztpbox.dhcp.codec.DhcpCodec;
import org.ztpbox.dhcp.options.ParameterRequestList;

/**
 * Builds OFFER, ACK and NAK replies (RFC 2131 §4.3.1, table 3) with the options a client gets:
 * the network basics always, what it asked for in option 55, {@code always-send} options, and for
 * phones options 66 and 160 whether asked for or not. Options that do not fit the client's
 * maximum message size (option 57, else 576) are left out, least important last.
 */
final class ReplyFactory {

    /** Sent to every client when configured: without them a lease is of little use. */
    private static final int[] BASICS = {DhcpOptionCodes.SUBNET_MASK, DhcpOptionCodes.ROUTER, DhcpOptionCodes.DNS,
        DhcpOptionCodes.DOMAIN_NAME};
    private static final Set<Integer> PROVISIONING = Set.of(DhcpOptionCodes.TFTP_SERVER_NAME,
            DhcpOptionCodes.POLYCOM_PROVISIONING_URL);

    private record Value(byte[] bytes, boolean alwaysSend) {
    }

    private final Ipv4Address serverId;
    private final boolean provisioningToAll;
    private final Map<Integer, Value> global = new LinkedHashMap<>();

    ReplyFactory(DhcpConfig config, Ipv4Address serverId, BootDirectives boot) {
        this.serverId = serverId;
        this.provisioningToAll = config.provisioningToAll();
        if (config.subnet() != null) {
            global.put(DhcpOptionCodes.SUBNET_MASK, new Value(config.subnet().netmask().toBytes(), false));
        }
        if (config.router() != null) {
            global.put(DhcpOptionCodes.ROUTER, new Value(config.router().toBytes(), false));
        }
        if (!config.dns().isEmpty()) {
            global.put(DhcpOptionCodes.DNS, new Value(addresses(config.dns()), false));
        }
        if (config.domain() != null) {
            global.put(DhcpOptionCodes.DOMAIN_NAME, new Value(config.domain().getBytes(StandardCharsets.US_ASCII),
                    false));
        }
        if (!config.ntp().isEmpty()) {
            global.put(DhcpOptionCodes.NTP_SERVERS, new Value(addresses(config.ntp()), false));
        }
        global.put(DhcpOptionCodes.POLYCOM_PROVISIONING_URL,
                new Value(boot.provisioningUrl().getBytes(StandardCharsets.US_ASCII), provisioningToAll));
        global.put(DhcpOptionCodes.TFTP_SERVER_NAME,
                new Value(boot.bootServerName().getBytes(StandardCharsets.US_ASCII), provisioningToAll));
        for (OptionSetting option : config.options()) {
            global.put(option.code(), new Value(option.value(), option.alwaysSend() || isForced(option.code())));
        }
    }

    private boolean isForced(int code) {
        return provisioningToAll && PROVISIONING.contains(code);
    }

    private static byte[] addresses(java.util.List<Ipv4Address> list) {
        byte[] out = new byte[list.size() * 4];
        for (int i = 0; i < list.size(); i++) {
            System.arraycopy(list.get(i).toBytes(), 0, out, i * 4, 4);
        }
        return out;
    }

    /** An OFFER or ACK granting {@code yiaddr} for {@code leaseTime}. */
    DhcpMessage lease(DhcpMessageType type, DhcpMessage request, Ipv4Address yiaddr, Duration leaseTime,
                      Classification classification, String hostname) {
        long seconds = Math.min(leaseTime.getSeconds(), 0xFFFF_FFFFL);
        DhcpOptions.Builder options = header(type);
        options.put(DhcpOptionCodes.LEASE_TIME, uint32(seconds));
        options.put(DhcpOptionCodes.RENEWAL_TIME, uint32(seconds / 2));
        options.put(DhcpOptionCodes.REBINDING_TIME, uint32(seconds * 7 / 8));
        addConfigured(options, request, classification, hostname);
        return reply(request, yiaddr, request.ciaddr(), options);
    }

    /** The ACK to an INFORM (RFC 2131 §4.3.5): configuration only, no address, no lease time. */
    DhcpMessage inform(DhcpMessage request, Classification classification) {
        DhcpOptions.Builder options = header(DhcpMessageType.ACK);
        addConfigured(options, request, classification, null);
        return reply(request, Ipv4Address.ANY, request.ciaddr(), options);
    }

    /** A NAK (RFC 2131 §4.3.2) with the reason in option 56, for the client's log. */
    DhcpMessage nak(DhcpMessage request, String reason) {
        DhcpOptions.Builder options = header(DhcpMessageType.NAK);
        options.put(DhcpOptionCodes.MESSAGE, reason.getBytes(StandardCharsets.US_ASCII));
        echoRelayInfo(options, request);
        // A relay must broadcast a NAK on the client's segment: the client may have no usable address.
        int flags = request.relayed() ? DhcpMessage.FLAG_BROADCAST : request.flags();
        return new DhcpMessage(DhcpMessage.BOOTREPLY, 0, request.xid(), 0, flags, Ipv4Address.ANY, Ipv4Address.ANY,
                Ipv4Address.ANY, request.giaddr(), request.chaddr(), options.build());
    }

    private DhcpOptions.Builder header(DhcpMessageType type) {
        DhcpOptions.Builder options = DhcpOptions.builder();
        options.put(DhcpOptionCodes.MESSAGE_TYPE, new byte[] {(byte) type.code()});
        options.put(DhcpOptionCodes.SERVER_IDENTIFIER, serverId.toBytes());
        return options;
    }

    private static DhcpMessage reply(DhcpMessage request, Ipv4Address yiaddr, Ipv4Address ciaddr,
                                     DhcpOptions.Builder options) {
        echoRelayInfo(options, request);
        return new DhcpMessage(DhcpMessage.BOOTREPLY, 0, request.xid(), 0, request.flags(), ciaddr, yiaddr,
                Ipv4Address.ANY, request.giaddr(), request.chaddr(), options.build());
    }

    /** RFC 3046 §2.2: the server copies option 82 into its reply, unchanged. */
    private static void echoRelayInfo(DhcpOptions.Builder options, DhcpMessage request) {
        byte[] relayInfo = request.options().get(DhcpOptionCodes.RELAY_AGENT_INFO);
        if (relayInfo != null) {
            options.put(DhcpOptionCodes.RELAY_AGENT_INFO, relayInfo);
        }
    }

    private void addConfigured(DhcpOptions.Builder options, DhcpMessage request, Classification classification,
                               String hostname) {
        Map<Integer, Value> values = valuesFor(classification);
        ParameterRequestList requested = ParameterRequestList.parse(
                request.options().get(DhcpOptionCodes.PARAMETER_REQUEST_LIST));
        int budget = DhcpCodec.optionBudget(maxDatagram(request))
                - request.options().length(DhcpOptionCodes.RELAY_AGENT_INFO) - 2;
        for (int code : BASICS) {
            add(options, code, values.get(code), budget);
        }
        if (hostname != null) {
            add(options, DhcpOptionCodes.HOSTNAME, new Value(hostname.getBytes(StandardCharsets.US_ASCII), true),
                    budget);
        }
        boolean phone = classification.isPhone();
        for (int code : new int[] {DhcpOptionCodes.POLYCOM_PROVISIONING_URL, DhcpOptionCodes.TFTP_SERVER_NAME,
            DhcpOptionCodes.NTP_SERVERS}) {
            Value value = values.get(code);
            if (value != null && (phone || value.alwaysSend() || requested.requests(code))) {
                add(options, code, value, budget);
            }
        }
        for (int code : requested.codes()) {
            add(options, code, values.get(code), budget);
        }
        values.forEach((code, value) -> {
            if (value.alwaysSend()) {
                add(options, code, value, budget);
            }
        });
    }

    private Map<Integer, Value> valuesFor(Classification classification) {
        if (classification.classes().stream().allMatch(c -> c.options().isEmpty())) {
            return global;
        }
        Map<Integer, Value> merged = new LinkedHashMap<>(global);
        // Config order decides: the first matching class that sets an option wins.
        for (int i = classification.classes().size() - 1; i >= 0; i--) {
            ClientClassConfig c = classification.classes().get(i);
            for (OptionSetting option : c.options()) {
                merged.put(option.code(), new Value(option.value(), option.alwaysSend()));
            }
        }
        return merged;
    }

    private static void add(DhcpOptions.Builder options, int code, Value value, int budget) {
        if (value == null || options.has(code)) {
            return;
        }
        if (options.encodedSize() + 2 + value.bytes().length <= budget) {
            options.put(code, value.bytes());
        }
    }

    /** The largest datagram the client accepts: option 57 when sane, else RFC 2131's 576. */
    static int maxDatagram(DhcpMessage request) {
        int advertised = request.options().uint16(DhcpOptionCodes.MAX_MESSAGE_SIZE);
        return advertised >= DhcpCodec.DEFAULT_MAX_MESSAGE ? Math.min(advertised, 1500) : DhcpCodec.DEFAULT_MAX_MESSAGE;
    }

    private static byte[] uint32(long value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
}
