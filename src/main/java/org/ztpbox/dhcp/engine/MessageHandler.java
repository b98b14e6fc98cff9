package org.ztpbox.dhcp.engine;

import org.ztpbox.dhcp.InboundDhcp;

/** Decides the answer to one message type. Runs on the DHCP event loop; touches no socket or disk. */
interface MessageHandler {

    DhcpOutcome handle(InboundDhcp in, Classification classification);
}
