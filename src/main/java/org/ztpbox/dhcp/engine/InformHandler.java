package org.ztpbox.dhcp.engine;

import org.ztpbox.dhcp.InboundDhcp;

/**
 * DHCPINFORM (RFC 2131 §4.3.5): configuration without a lease. Poly phones send it when their lease
 * came from a server that gave no boot server, so answering it with 66/160 lets ztpbox provision
 * phones that lease from another DHCP server.
 */
final class InformHandler implements MessageHandler {

    private final EngineContext ctx;

    InformHandler(EngineContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public DhcpOutcome handle(InboundDhcp in, Classification classification) {
        return ctx.send(ctx.replies.inform(in.message(), classification), in, null, "informed", classification);
    }
}
