package org.ztpbox.dhcp.engine;

import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.Lease;
import org.ztpbox.dhcp.DhcpMessage;
import org.ztpbox.dhcp.DhcpOptionCodes;
import org.ztpbox.dhcp.InboundDhcp;

/**
 * DHCPDECLINE (RFC 2131 §4.3.3): the client found its address already in use on the wire. The
 * address is quarantined for everyone for {@code decline-quarantine}; no reply.
 */
final class DeclineHandler implements MessageHandler {

    private final EngineContext ctx;

    DeclineHandler(EngineContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public DhcpOutcome handle(InboundDhcp in, Classification classification) {
        DhcpMessage request = in.message();
        Ipv4Address serverId = request.options().address(DhcpOptionCodes.SERVER_IDENTIFIER);
        if (serverId != null && !serverId.equals(ctx.serverId)) {
            return DhcpOutcome.silent("decline for server " + serverId, classification);
        }
        Ipv4Address address = request.options().address(DhcpOptionCodes.REQUESTED_ADDRESS);
        if (address == null) {
            return DhcpOutcome.silent("decline names no address", classification);
        }
        Lease quarantined = ctx.table.decline(request.chaddr(), address, ctx.config.declineQuarantine(),
                in.receivedAt());
        if (quarantined == null) {
            return DhcpOutcome.silent("decline of " + address + ", not this client's", classification);
        }
        return DhcpOutcome.persistOnly(quarantined, "declined " + address + ": quarantined until "
                + quarantined.expiresAt(), classification);
    }
}
