package org.ztpbox.tftp.codec;

import java.net.InetSocketAddress;
import org.ztpbox.tftp.TftpPacket;

/** A packet to send, with its recipient. */
public record OutboundTftp(TftpPacket packet, InetSocketAddress recipient) {
}
