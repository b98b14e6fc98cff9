package org.ztpbox.tftp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;
import org.ztpbox.tftp.TftpAck;
import org.ztpbox.tftp.TftpPacket;

/**
 * Datagram to {@link InboundTftp}. Copies the payload once and lets Netty release the buffer;
 * every datagram yields exactly one message, malformed ones included, so the server can count
 * and answer them. Stateless and sharable, like Netty's {@code DatagramDnsQueryDecoder}.
 *
 * <p>An ACK, the packet received once per block of a download, is read straight from the buffer:
 * the same result commons-net gives for those four bytes (a test holds the two to each other for
 * every block number), without the copy and the library's packet objects. Every other datagram
 * goes through {@link TftpCodec}.
 */
@ChannelHandler.Sharable
public final class TftpDatagramDecoder extends MessageToMessageDecoder<DatagramPacket> {

    private static final int ACK_LENGTH = 4;

    private final TftpCodec codec;

    public TftpDatagramDecoder(TftpCodec codec) {
        super(DatagramPacket.class);
        this.codec = codec;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, DatagramPacket packet, List<Object> out) {
        ByteBuf content = packet.content();
        int at = content.readerIndex();
        TftpDecodeResult result;
        if (content.readableBytes() == ACK_LENGTH && content.getUnsignedShort(at) == TftpPacket.ACK) {
            result = new TftpDecodeResult.Decoded(new TftpAck(content.getUnsignedShort(at + 2)));
        } else {
            result = codec.decode(ByteBufUtil.getBytes(content));
        }
        out.add(new InboundTftp(packet.sender(), result));
    }
}
