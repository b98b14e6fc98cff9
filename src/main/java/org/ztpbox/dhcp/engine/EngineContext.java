package org.ztpbox.dhcp.engine;

import java.time.Duration;
import org.ztpbox.config.DhcpConfig;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.Ipv4Subnet;
import org.ztpbox.core.MacAddress;
import org.ztpbox.dhcp.DhcpMessage;
import org.ztpbox.dhcp.DhcpOptionCodes;
import org.ztpbox.dhcp.InboundDhcp;
import org.ztpbox.dhcp.pool.LeaseTable;

/** What every message handler shares: settings, the lease table, the reply factory. */
final class EngineContext {

    final DhcpConfig config;
    final Ipv4Address serverId;
    final LeaseTable table;
    final ReplyFactory replies;
    final int clientPort;
    private final java.util.Map<MacAddress, String> reservedHostnames = new java.util.HashMap<>();

    EngineContext(DhcpConfig config, Ipv4Address serverId, LeaseTable table, ReplyFactory replies) {
        this.config = config;
        this.serverId = serverId;
        this.table = table;
        this.replies = replies;
        config.reservations().stream().filter(r -> r.hostname() != null)
                .forEach(r -> reservedHostnames.put(r.mac(), r.hostname()));
        // Clients listen one port above the server (67/68); tests and benchmarks move both together.
        this.clientPort = config.port() + 1;
    }

    Duration leaseTime() {
        return config.leaseTime();
    }

    Ipv4Subnet subnet() {
        return config.subnet();
    }

    /** The hostname to hand out: the reservation's if it has one. */
    String reservedHostname(MacAddress mac) {
        return reservedHostnames.get(mac);
    }

    /** The hostname a client gives itself (option 12), for the record. */
    static String clientHostname(DhcpMessage message) {
        return message.options().string(DhcpOptionCodes.HOSTNAME);
    }

    static String clientId(DhcpMessage message) {
        byte[] raw = message.options().get(DhcpOptionCodes.CLIENT_IDENTIFIER);
        return raw == null ? null : java.util.HexFormat.of().formatHex(raw);
    }

    /**
     * RFC 2131 §4.1: to the relay when relayed; to ciaddr when the client has an address; else
     * broadcast, since a UDP socket cannot unicast to a host without an address (DESIGN.md).
     */
    DhcpOutcome send(DhcpMessage reply, InboundDhcp in, org.ztpbox.core.Lease lease, String note,
                     Classification classification) {
        DhcpMessage request = in.message();
        if (request.relayed()) {
            return new DhcpOutcome(reply, request.giaddr(), in.senderPort(), lease, note, classification);
        }
        boolean nak = org.ztpbox.dhcp.DhcpMessageType.NAK.equals(reply.type());
        if (!nak && !request.ciaddr().isAny()) {
            return new DhcpOutcome(reply, request.ciaddr(), clientPort, lease, note, classification);
        }
        return new DhcpOutcome(reply, Ipv4Address.BROADCAST, clientPort, lease, note, classification);
    }

    /** The address a request is about: option 50, else ciaddr; null when neither. */
    static Ipv4Address requestedAddress(DhcpMessage message) {
        Ipv4Address requested = message.options().address(DhcpOptionCodes.REQUESTED_ADDRESS);
        if (requested != null && !requested.isAny()) {
            return requested;
        }
        return message.ciaddr().isAny() ? null : message.ciaddr();
    }
}
