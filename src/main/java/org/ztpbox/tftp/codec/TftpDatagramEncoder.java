package org.ztpbox.tftp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.nio.ByteBuffer;
import java.util.List;
import org.ztpbox.tftp.TftpData;
import org.ztpbox.tftp.TftpPacket;

/**
 * {@link OutboundTftp} to a datagram addressed to its recipient, or to bare bytes for the peer of
 * a connected channel. Stateless and sharable.
 *
 * <p>DATA, the packet sent once per block, is written straight into a pooled direct buffer: the
 * same bytes commons-net's {@code TFTPDataPacket} produces (a test holds the two to each other),
 * with one copy (from the transfer's read-ahead chunk, itself direct memory) and no intermediate
 * objects. The copy is what lets the transfer reuse its chunk at once: a datagram the socket could
 * not take yet waits in the channel with bytes of its own. (Gathering the datagram from a header
 * and a view of the chunk instead measured no faster on loopback, and would tie the chunk's reuse
 * to the socket's progress.) Every other packet goes through {@link TftpCodec}.
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
            ByteBuffer payload = data.payload().duplicate();
            content = ctx.alloc().directBuffer(4 + payload.remaining()).writeShort(TftpPacket.DATA)
                    .writeShort(data.block()).writeBytes(payload);
        } else {
            content = Unpooled.wrappedBuffer(codec.encode(message.packet()));
        }
        out.add(message.recipient() == null ? content : new DatagramPacket(content, message.recipient()));
    }
}
