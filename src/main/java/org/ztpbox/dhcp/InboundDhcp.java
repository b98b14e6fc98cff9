package org.ztpbox.dhcp;

import java.time.Instant;
import org.ztpbox.core.Ipv4Address;

/** A decoded request with its transport envelope: who sent it, from which port, when. */
public record InboundDhcp(DhcpMessage message, Ipv4Address sender, int senderPort, Instant receivedAt) {
}
