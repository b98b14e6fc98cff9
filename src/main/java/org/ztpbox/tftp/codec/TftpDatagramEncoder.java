package org.ztpbox.tftp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;
import org.ztpbox.tftp.TftpData;
import org.ztpbox.tftp.TftpPacket;

/**
 * {@link OutboundTftp} to a datagram addressed to its recipient, or to bare bytes for the peer of
 * a connected channel. Stateless and sharable.
 *
 * <p>DATA, the packet sent once per block, is written straight into a pooled direct buffer: the
 * same bytes commons-net's {@code TFTPDataPacket} produces (a test holds the two to each other),
 * with one copy (from the transfer's read-ahead buffer) and no intermediate objects. Every other
 * packet goes through {@link TftpCodec}.
 */
@ChannelHandler.Sharable
public final class TftpDatagramEncoder extends MessageToMessageEncoder<OutboundTftp> {

    private final TftpCodec codec;

    public TftpDatagramEncoder(TftpCodec codec) {
        super(OutboundTftp.class);
        this.codec = codec;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, OutboundTftp message, List<Object> out) {
        ByteBuf content;
        if (message.packet() instanceof TftpData data) {
            content = ctx.alloc().directBuffer(4 + data.length()).writeShort(TftpPacket.DATA)
                    .writeShort(data.block()).writeBytes(data.buffer(), data.offset(), data.length());
        } else {
            content = Unpooled.wrappedBuffer(codec.encode(message.packet()));
        }
        out.add(message.recipient() == null ? content : new DatagramPacket(content, message.recipient()));
    }
}
