package org.ztpbox.tftp.codec;

import java.net.InetSocketAddress;

/** A received datagram, decoded or not, with its sender (the client's transfer ID, RFC 1350 §4). */
public record InboundTftp(InetSocketAddress sender, TftpDecodeResult result) {
}
