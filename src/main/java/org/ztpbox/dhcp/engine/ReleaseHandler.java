package org.ztpbox.dhcp.engine;

import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.Lease;
import org.ztpbox.dhcp.DhcpMessage;
import org.ztpbox.dhcp.DhcpOptionCodes;
import org.ztpbox.dhcp.InboundDhcp;

/** DHCPRELEASE (RFC 2131 §4.3.4): the client gives its address back; no reply. */
final class ReleaseHandler implements MessageHandler {

    private final EngineContext ctx;

    ReleaseHandler(EngineContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public DhcpOutcome handle(InboundDhcp in, Classification classification) {
        DhcpMessage request = in.message();
        Ipv4Address serverId = request.options().address(DhcpOptionCodes.SERVER_IDENTIFIER);
        if (serverId != null && !serverId.equals(ctx.serverId)) {
            return DhcpOutcome.silent("release for server " + serverId, classification);
        }
        Lease released = ctx.table.release(request.chaddr(), request.ciaddr(), in.receivedAt());
        if (released == null) {
            return DhcpOutcome.silent("release of " + request.ciaddr() + ", not this client's", classification);
        }
        return DhcpOutcome.persistOnly(released, "released " + request.ciaddr(), classification);
    }
}
