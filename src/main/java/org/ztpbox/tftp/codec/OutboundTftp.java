package org.ztpbox.tftp.codec;

import java.net.InetSocketAddress;
import org.ztpbox.tftp.TftpPacket;

/**
 * A packet to send, with its recipient.
 *
 * @param recipient null on a connected channel: the packet goes to the peer it is connected to
 */
public record OutboundTftp(TftpPacket packet, InetSocketAddress recipient) {
}
