package org.ztpbox.dhcp.engine;

import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.Lease;
import org.ztpbox.core.MacAddress;
import org.ztpbox.dhcp.DhcpMessage;
import org.ztpbox.dhcp.DhcpMessageType;
import org.ztpbox.dhcp.DhcpOptionCodes;
import org.ztpbox.dhcp.InboundDhcp;

/**
 * DHCPREQUEST in each client state (RFC 2131 §4.3.2):
 * <ul>
 * <li>SELECTING (server identifier present): ACK our offer; if the client chose another server,
 *     withdraw our offer and stay silent.</li>
 * <li>INIT-REBOOT (requested address, no server identifier): ACK an address that is the client's
 *     or free for it, NAK one on the wrong network or held by another client.</li>
 * <li>RENEWING / REBINDING (ciaddr set): extend the lease, or NAK when it is no longer the client's.</li>
 * </ul>
 */
final class RequestHandler implements MessageHandler {

    private final EngineContext ctx;

    RequestHandler(EngineContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public DhcpOutcome handle(InboundDhcp in, Classification classification) {
        DhcpMessage request = in.message();
        Ipv4Address serverId = request.options().address(DhcpOptionCodes.SERVER_IDENTIFIER);
        Ipv4Address requested = request.options().address(DhcpOptionCodes.REQUESTED_ADDRESS);
        if (serverId != null) {
            if (!serverId.equals(ctx.serverId)) {
                ctx.table.withdrawOffer(request.chaddr());
                return DhcpOutcome.silent("chose server " + serverId, classification);
            }
            if (requested == null) {
                requested = request.ciaddr().isAny() ? null : request.ciaddr();
            }
            if (requested == null) {
                return DhcpOutcome.silent("selecting without a requested address", classification);
            }
            return confirm(in, requested, classification, "selecting");
        }
        if (requested != null && !requested.isAny()) {
            return confirm(in, requested, classification, "init-reboot");
        }
        if (!request.ciaddr().isAny()) {
            return confirm(in, request.ciaddr(), classification, "renewing");
        }
        return DhcpOutcome.silent("request names no address", classification);
    }

    private DhcpOutcome confirm(InboundDhcp in, Ipv4Address address, Classification classification, String state) {
        DhcpMessage request = in.message();
        MacAddress mac = request.chaddr();
        if (ctx.subnet() == null || !ctx.subnet().isHostAddress(address)) {
            return nak(in, "address " + address + " is not on this network", classification, state);
        }
        if (request.relayed() && !ctx.subnet().contains(request.giaddr())) {
            return nak(in, "relay " + request.giaddr() + " is not on this network", classification, state);
        }
        boolean ours = ctx.table.holds(mac, address, in.receivedAt());
        if (!ours && !ctx.table.assignable(mac, address, classification.poolName(), in.receivedAt())) {
            MacAddress holder = ctx.table.holderOf(address, in.receivedAt());
            String why = holder != null && !holder.equals(mac) ? "address " + address + " is in use"
                    : "address " + address + " is not available to this client";
            return nak(in, why, classification, state);
        }
        String hostname = ctx.reservedHostname(mac);
        Lease lease = ctx.table.bind(mac, address, ctx.leaseTime(),
                hostname != null ? hostname : EngineContext.clientHostname(request), EngineContext.clientId(request),
                in.receivedAt());
        DhcpMessage ack = ctx.replies.lease(DhcpMessageType.ACK, request, address, ctx.leaseTime(), classification,
                hostname);
        return ctx.send(ack, in, lease, state + ": bound " + address, classification);
    }

    private DhcpOutcome nak(InboundDhcp in, String reason, Classification classification, String state) {
        return ctx.send(ctx.replies.nak(in.message(), reason), in, null, state + ": NAK, " + reason, classification);
    }
}
