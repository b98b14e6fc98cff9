package org.ztpbox.tftp.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Opens the channel of one transfer: a new ephemeral port (RFC 1350 §4), connected to the
 * client's transfer ID. The socket is of the client's own address family: an IPv4 phone gets an
 * IPv4 socket, which the kernel handles with less work per packet than the dual-stack socket a
 * wildcard listener has.
 */
final class TransferChannels {

    private final Bootstrap base;
    private final boolean epoll;

    /** @param base group and options; the channel type is chosen per transfer */
    TransferChannels(Bootstrap base, boolean epoll) {
        this.base = base;
        this.epoll = epoll;
    }

    /** @param local the listener's address: the transfer answers from the same one (wildcard: any) */
    ChannelFuture connect(InetSocketAddress client, InetAddress local, ChannelHandler handler) {
        SocketProtocolFamily family = client.getAddress() instanceof Inet4Address ? SocketProtocolFamily.INET
                : SocketProtocolFamily.INET6;
        InetAddress bindTo = local.isAnyLocalAddress() ? wildcard(family) : local;
        return base.clone()
                .channelFactory(() -> epoll ? new EpollDatagramChannel(family) : new NioDatagramChannel(family))
                .handler(handler)
                .connect(client, new InetSocketAddress(bindTo, 0));
    }

    private static InetAddress wildcard(SocketProtocolFamily family) {
        try {
            return InetAddress.getByAddress(new byte[family == SocketProtocolFamily.INET ? 4 : 16]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }
}
