package org.ztpbox.tftp.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.ByteArrayChannel;

/** Netascii both ways (RFC 764): the sender's conversion and the receiver's undo it exactly. */
class NetasciiTest {

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(ByteBuffer view) {
        byte[] out = new byte[view.remaining()];
        view.duplicate().get(out);
        return out;
    }

    private static byte[] readAll(NetasciiBlockSource source, int blksize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long offset = 0; ; offset += blksize) {
            byte[] block = bytes(source.read(offset, blksize));
            out.writeBytes(block);
            source.release(offset + block.length);
            if (block.length < blksize) {
                return out.toByteArray();
            }
        }
    }

    @Test
    void lineFeedsGoOutAsCrLfAndBareCarriageReturnsAsCrNul() throws IOException {
        NetasciiBlockSource source = new NetasciiBlockSource(new ByteArrayChannel(ascii("a\nb\rc\r\n")));

        assertThat(readAll(source, 3)).isEqualTo(ascii("a\r\nb\r\0c\r\0\r\n"));
        assertThat(source.size()).isEqualTo(-1);
    }

    @Test
    void aBlockAskedAgainBeforeItsReleaseIsTheSame() throws IOException {
        NetasciiBlockSource source = new NetasciiBlockSource(new ByteArrayChannel(ascii("line\n".repeat(5000))));
        byte[] first = bytes(source.read(512, 512));
        source.read(1024, 512);

        assertThat(bytes(source.read(512, 512))).isEqualTo(first);
        source.release(1024);
        assertThatThrownBy(() -> source.read(512, 512)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void decodingUndoesEncodingForAnyBytesAndBlockBoundaries() throws IOException {
        byte[] original = new byte[50_000];
        Random random = new Random(3);
        for (int i = 0; i < original.length; i++) {
            int r = random.nextInt(10);
            original[i] = (byte) (r == 0 ? '\r' : r == 1 ? '\n' : r == 2 ? 0 : random.nextInt(256));
        }
        for (int blksize : new int[] {1, 7, 512}) {
            byte[] wire = readAll(new NetasciiBlockSource(new ByteArrayChannel(original)), blksize);
            NetasciiDecoder decoder = new NetasciiDecoder();
            ByteArrayOutputStream decoded = new ByteArrayOutputStream();
            for (int i = 0; i < wire.length; i += blksize) {
                decoded.writeBytes(decoder.decode(java.util.Arrays.copyOfRange(wire, i, Math.min(wire.length,
                        i + blksize))));
            }
            decoded.writeBytes(decoder.finish());

            assertThat(decoded.toByteArray()).as("blksize %d", blksize).isEqualTo(original);
        }
    }

    @Test
    void aTrailingLoneCarriageReturnIsKept() {
        NetasciiDecoder decoder = new NetasciiDecoder();

        assertThat(decoder.decode(ascii("x\r"))).isEqualTo(ascii("x"));
        assertThat(decoder.finish()).isEqualTo(ascii("\r"));
    }
}
