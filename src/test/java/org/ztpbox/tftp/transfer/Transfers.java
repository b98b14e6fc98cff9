package org.ztpbox.tftp.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ztpbox.core.ByteArrayChannel;
import org.ztpbox.tftp.TftpData;
import org.ztpbox.tftp.TftpPacket;

/** Helpers for the scripted transfer tests: content, options, and reading steps. */
final class Transfers {

    static final long SECOND = 1_000_000_000L;

    private Transfers() {
    }

    static byte[] content(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    static NegotiatedOptions options(int blksize, int windowsize) {
        return new NegotiatedOptions(blksize, windowsize, Duration.ofSeconds(1), Map.of());
    }

    static ReadTransfer read(byte[] content, NegotiatedOptions options) {
        return new ReadTransfer(new ChannelBlockSource(new ByteArrayChannel(content), content.length), options, 3);
    }

    /** The block numbers of the DATA packets a step sends, in order. */
    static List<Integer> blocks(Step step) {
        return step.send().stream().map(p -> ((TftpData) p).block()).toList();
    }

    static TftpData onlyData(Step step) {
        assertThat(step.send()).hasSize(1);
        TftpPacket packet = step.send().get(0);
        assertThat(packet).isInstanceOf(TftpData.class);
        return (TftpData) packet;
    }
}
