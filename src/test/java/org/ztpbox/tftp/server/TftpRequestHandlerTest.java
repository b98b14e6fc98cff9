package org.ztpbox.tftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.ClientDirectory;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.tftp.TftpError;
import org.ztpbox.tftp.TftpErrorCode;
import org.ztpbox.tftp.codec.TftpCodec;
import org.ztpbox.tftp.codec.TftpDatagramDecoder;
import org.ztpbox.tftp.codec.TftpDatagramEncoder;
import org.ztpbox.tftp.codec.TftpDecodeResult;

/**
 * The request socket on an EmbeddedChannel: malformed datagrams (the commons-net AIOOBE cases among
 * them) are counted, a broken request is answered with ERROR 4, anything else is dropped, and
 * the channel stays open throughout.
 */
class TftpRequestHandlerTest {

    private static final InetSocketAddress PHONE = new InetSocketAddress("10.0.0.50", 2070);

    private final TftpCodec codec = new TftpCodec();
    private final TftpCounters counters = new TftpCounters();
    private final List<PhoneEvent> events = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel(new TftpDatagramDecoder(codec),
            new TftpDatagramEncoder(codec), new TftpRequestHandler(new TransferAdmission<>(1, 1, 1),
            null, events::add, ClientDirectory.none(), counters, Duration.ofSeconds(1), Clock.systemUTC()));

    @AfterEach
    void stillOpen() {
        assertThat(channel.isOpen()).as("the listener survives").isTrue();
        assertThat(channel.finish()).as("nothing left over").isFalse();
    }

    private void receive(String hexOrText, boolean hex) {
        byte[] bytes = hex ? ByteBufUtil.decodeHexDump(hexOrText) : hexOrText.getBytes(StandardCharsets.ISO_8859_1);
        channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(bytes), null, PHONE));
    }

    private TftpError reply() {
        DatagramPacket out = channel.readOutbound();
        assertThat(out).as("a reply").isNotNull();
        assertThat(out.recipient()).isEqualTo(PHONE);
        TftpDecodeResult result = codec.decode(ByteBufUtil.getBytes(out.content()));
        out.release();
        return (TftpError) ((TftpDecodeResult.Decoded) result).packet();
    }

    @Test
    void aRequestCommonsNetChokesOnIsAnsweredWithIllegalOperationAndCounted() {
        receive("\0\1sip.ld\0octet\0blksize", false); // unterminated option: ArrayIndexOutOfBoundsException inside
        receive("\0\2x\0octet\0tsize\0", false);
        receive("\0\1sip.ld\0mail\0", false);

        for (int i = 0; i < 3; i++) {
            assertThat(reply().code()).isEqualTo(TftpErrorCode.ILLEGAL_OPERATION);
        }
        assertThat(counters.malformed()).isEqualTo(3);
        assertThat(events).isEmpty();
    }

    @Test
    void garbageThatIsNoRequestIsCountedAndDropped() {
        receive("00", true);
        receive("0701616100", true);
        receive("ffffffff", true);

        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(counters.malformed()).isEqualTo(3);
    }

    @Test
    void aDataOrAckOnTheRequestPortIsAnUnknownTransferIdAndAnErrorIsNeverAnswered() {
        receive("00040001", true);
        receive("000500014e6f00", true);

        assertThat(reply().code()).isEqualTo(TftpErrorCode.UNKNOWN_TRANSFER_ID);
        assertThat((Object) channel.readOutbound()).as("no ERROR in answer to an ERROR").isNull();
    }
}
