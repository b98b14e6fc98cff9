package org.ztpbox.tftp.codec;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/**
 * Datagram to {@link InboundTftp}. Copies the payload once and lets Netty release the buffer;
 * every datagram yields exactly one message, malformed ones included, so the server can count
 * and answer them. Stateless and sharable, like Netty's {@code DatagramDnsQueryDecoder}.
 */
@ChannelHandler.Sharable
public final class TftpDatagramDecoder extends MessageToMessageDecoder<DatagramPacket> {

    private final TftpCodec codec;

    public TftpDatagramDecoder(TftpCodec codec) {
        super(DatagramPacket.class);
        this.codec = codec;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, DatagramPacket packet, List<Object> out) {
        out.add(new InboundTftp(packet.sender(), codec.decode(ByteBufUtil.getBytes(packet.content()))));
    }
}
