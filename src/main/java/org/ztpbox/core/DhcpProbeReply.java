package org.ztpbox.core;

import java.time.Duration;
import java.time.Instant;

/**
 * One answer a DHCP server gave the probe, reduced to what diagnosis needs. Text options are kept
 * as the server sent them, credentials included: whoever shows them masks them.
 *
 * @param persona    who the probe pretended to be in the message answered
 * @param asked      the message answered: {@code DISCOVER} or {@code INFORM}
 * @param type       the answer: {@code OFFER}, {@code ACK} or {@code NAK}
 * @param from       the IP source of the answer
 * @param serverId   option 54, or null when the server sent none
 * @param serverMac  the server's MAC when known (the kernel's neighbour table), else null
 * @param offered    yiaddr, or null when none (answers to INFORM carry none)
 * @param leaseTime  option 51, or null
 * @param option66   option 66 (TFTP server name) as text, or null
 * @param option160  option 160 (Polycom provisioning URL) as text, or null
 * @param option43   option 43 (vendor specific) in hex, or null
 * @param delay      how long after the question the answer came
 */
public record DhcpProbeReply(ProbePersona persona, String asked, String type, Ipv4Address from, Ipv4Address serverId,
                             MacAddress serverMac, Ipv4Address offered, Duration leaseTime, String option66,
                             String option160, String option43, Instant at, Duration delay) {

    /** The server as phones see it: its identifier when it sent one, else the packet's source. */
    public Ipv4Address server() {
        return serverId != null ? serverId : from;
    }

    public DhcpProbeReply withServerMac(MacAddress mac) {
        return new DhcpProbeReply(persona, asked, type, from, serverId, mac, offered, leaseTime, option66, option160,
                option43, at, delay);
    }
}
