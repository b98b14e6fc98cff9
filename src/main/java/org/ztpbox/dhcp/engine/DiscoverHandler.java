package org.ztpbox.dhcp.engine;

import org.ztpbox.core.Ipv4Address;
import org.ztpbox.dhcp.DhcpMessage;
import org.ztpbox.dhcp.DhcpMessageType;
import org.ztpbox.dhcp.DhcpOptionCodes;
import org.ztpbox.dhcp.InboundDhcp;

/** DHCPDISCOVER → DHCPOFFER (RFC 2131 §4.3.1). The offered address is held for {@code offer-hold}. */
final class DiscoverHandler implements MessageHandler {

    private final EngineContext ctx;

    DiscoverHandler(EngineContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public DhcpOutcome handle(InboundDhcp in, Classification classification) {
        DhcpMessage request = in.message();
        Ipv4Address wanted = request.options().address(DhcpOptionCodes.REQUESTED_ADDRESS);
        Ipv4Address address = ctx.table.choose(request.chaddr(), wanted, classification.poolName(), in.receivedAt());
        if (address == null) {
            return DhcpOutcome.silent(DhcpOutcome.POOL_EXHAUSTED, classification);
        }
        ctx.table.offer(request.chaddr(), address, ctx.config.offerHold(), in.receivedAt());
        DhcpMessage offer = ctx.replies.lease(DhcpMessageType.OFFER, request, address, ctx.leaseTime(),
                classification, ctx.reservedHostname(request.chaddr()));
        return ctx.send(offer, in, null, "offered " + address, classification);
    }
}
