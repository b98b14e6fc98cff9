package org.ztpbox.dhcp.codec;

import org.ztpbox.dhcp.DhcpMessage;

/** The outcome of decoding one datagram: a message, or the reason it was not one. */
public sealed interface DhcpDecodeResult {

    record Decoded(DhcpMessage message) implements DhcpDecodeResult {
    }

    record Malformed(String reason) implements DhcpDecodeResult {
    }
}
