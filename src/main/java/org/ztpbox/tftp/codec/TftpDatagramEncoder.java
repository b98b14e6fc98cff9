package org.ztpbox.tftp.codec;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/** {@link OutboundTftp} to a datagram addressed to its recipient. Stateless and sharable. */
@ChannelHandler.Sharable
public final class TftpDatagramEncoder extends MessageToMessageEncoder<OutboundTftp> {

    private final TftpCodec codec;

    public TftpDatagramEncoder(TftpCodec codec) {
        super(OutboundTftp.class);
        this.codec = codec;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, OutboundTftp message, List<Object> out) {
        out.add(new DatagramPacket(Unpooled.wrappedBuffer(codec.encode(message.packet())), message.recipient()));
    }
}
