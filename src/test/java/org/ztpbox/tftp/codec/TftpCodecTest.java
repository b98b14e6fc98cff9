package org.ztpbox.tftp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ztpbox.tftp.TftpAck;
import org.ztpbox.tftp.TftpData;
import org.ztpbox.tftp.TftpError;
import org.ztpbox.tftp.TftpErrorCode;
import org.ztpbox.tftp.TftpMode;
import org.ztpbox.tftp.TftpOptionAck;
import org.ztpbox.tftp.TftpPacket;
import org.ztpbox.tftp.TftpRequest;

/**
 * Every packet type through the Netty encoder and decoder and back (STYLE §5.8): what comes out
 * equals what went in, nothing is left in the channel, the buffers are released. Then the
 * malformed datagrams that make commons-net throw.
 */
class TftpCodecTest {

    private static final InetSocketAddress PHONE = new InetSocketAddress("10.0.0.50", 2070);
    private final TftpCodec codec = new TftpCodec();
    private final EmbeddedChannel channel = new EmbeddedChannel(new TftpDatagramDecoder(codec),
            new TftpDatagramEncoder(codec));

    @AfterEach
    void nothingLeftOver() {
        assertThat(channel.finish()).as("nothing left in the channel").isFalse();
    }

    static Stream<TftpPacket> packets() {
        Map<String, String> oack = new LinkedHashMap<>();
        oack.put("blksize", "1428");
        oack.put("tsize", "33554432");
        oack.put("windowsize", "8");
        return Stream.of(
                TftpRequest.read("000000000000.cfg", TftpMode.OCTET, Map.of()),
                TftpRequest.read("0004f2aa814c.cfg", TftpMode.NETASCII, Map.of("blksize", "1428", "tsize", "0")),
                TftpRequest.write("logs/0004f2aa814c-app.log", TftpMode.OCTET, Map.of("tsize", "1234")),
                new TftpData(1, new byte[0]),
                new TftpData(65535, bytes(1468)),
                new TftpData(0, bytes(65464)),
                new TftpAck(0),
                new TftpAck(65535),
                TftpError.of(TftpErrorCode.FILE_NOT_FOUND, "file not found"),
                TftpError.of(TftpErrorCode.valueOf(4711), ""),
                new TftpOptionAck(oack),
                new TftpOptionAck(Map.of()));
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31);
        }
        return b;
    }

    @ParameterizedTest
    @MethodSource("packets")
    void roundTripsThroughTheChannel(TftpPacket packet) {
        assertThat(channel.writeOutbound(new OutboundTftp(packet, PHONE))).isTrue();
        DatagramPacket datagram = channel.readOutbound();
        assertThat(datagram.recipient()).isEqualTo(PHONE);

        assertThat(channel.writeInbound(new DatagramPacket(datagram.content(), null, PHONE))).isTrue();
        InboundTftp in = channel.readInbound();

        assertThat(datagram.content().refCnt()).as("the decoder released the buffer").isZero();
        assertThat(in.sender()).isEqualTo(PHONE);
        assertThat(in.result()).isEqualTo(new TftpDecodeResult.Decoded(packet));
    }

    @Test
    void theEncodersFastDataPathWritesExactlyWhatCommonsNetWrites() {
        ByteBuffer direct = ByteBuffer.allocateDirect(2000).put(bytes(2000)).flip();
        for (TftpData data : List.of(new TftpData(0, new byte[0]), new TftpData(65535, bytes(1468)),
                new TftpData(258, bytes(512)), new TftpData(7, direct.slice(100, 1428)),
                new TftpData(8, direct.slice(0, 0)))) {
            channel.writeOutbound(new OutboundTftp(data, PHONE));
            DatagramPacket datagram = channel.readOutbound();

            assertThat(ByteBufUtil.getBytes(datagram.content())).isEqualTo(codec.encode(data));
            datagram.release();
        }
    }

    @Test
    void theDecodersFastAckPathReadsExactlyWhatCommonsNetReads() {
        for (int block = 0; block <= 0xFFFF; block++) {
            byte[] wire = {0, 4, (byte) (block >> 8), (byte) block};
            channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(wire), null, PHONE));
            InboundTftp in = channel.readInbound();

            assertThat(in.result()).isEqualTo(codec.decode(wire));
        }
    }

    @Test
    void theOackKeepsItsOptionOrderOnTheWire() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("tsize", "9");
        options.put("blksize", "8");

        byte[] wire = codec.encode(new TftpOptionAck(options));

        assertThat(wire).isEqualTo("\0\6tsize\0009\0blksize\0008\0".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void requestOptionNamesAreCaseInsensitive() {
        TftpDecodeResult result = codec.decode(wire(1, "sip.ld\0OCTET\0BlkSize\0001428\0TSIZE\0000\0"));

        assertThat(result).isEqualTo(new TftpDecodeResult.Decoded(TftpRequest.read("sip.ld", TftpMode.OCTET,
                Map.of("blksize", "1428", "tsize", "0"))));
    }

    @Test
    void errorMessagesGoOutAsPrintableAscii() {
        byte[] wire = codec.encode(TftpError.of(TftpErrorCode.ACCESS_VIOLATION, "caf\u00e9\nx"));

        assertThat(codec.decode(wire)).isEqualTo(new TftpDecodeResult.Decoded(
                TftpError.of(TftpErrorCode.ACCESS_VIOLATION, "caf??x")));
    }

    private static byte[] wire(int opcode, String rest) {
        byte[] tail = rest.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[2 + tail.length];
        out[1] = (byte) opcode;
        System.arraycopy(tail, 0, out, 2, tail.length);
        return out;
    }

    static Stream<byte[]> malformed() {
        return Stream.of(
                new byte[0],
                new byte[] {0},
                new byte[] {0, 4, 0}, // ACK without its block number
                new byte[] {7, 1, 'a', 0, 'o', 'c', 't', 'e', 't', 0}, // opcode 0x0701, not an RRQ
                new byte[] {0, 9, 0, 0},
                new byte[] {0, 0, 0, 0},
                wire(1, "sip.ld"), // no mode
                wire(1, "sip.ld\0mail\0"), // obsolete mode
                wire(1, "sip.ld\0octet\0blksize"), // unterminated option name: commons-net AIOOBE
                wire(1, "sip.ld\0octet\0blksize\0001428"), // unterminated value: AIOOBE
                wire(2, "x\0netascii\0tsize\0"), // WRQ, value missing: AIOOBE
                wire(5, "\0\1"), // ERROR without a message
                wire(6, "blksize\0001428")); // OACK, unterminated value
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedDatagramsBecomeMalformedResultsNeverExceptions(byte[] datagram) {
        channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(datagram), null, PHONE));
        InboundTftp in = channel.readInbound();

        assertThat(in.result()).as(ByteBufUtil.hexDump(datagram)).isInstanceOf(TftpDecodeResult.Malformed.class);
        assertThat(((TftpDecodeResult.Malformed) in.result()).reason()).isNotBlank();
    }

    @Test
    void theOpcodeOfAMalformedRequestIsKeptSoItCanBeAnswered() {
        List<TftpDecodeResult> results = Stream.of(wire(1, "a\0octet\0x"), wire(2, "a\0mail\0"), new byte[] {3})
                .map(codec::decode).toList();

        assertThat(results).extracting(r -> ((TftpDecodeResult.Malformed) r).opcode()).containsExactly(1, 2, -1);
    }
}
